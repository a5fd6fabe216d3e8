// switch_inquiries_per_s: 100 concurrent TLS connections (bare clients in this process), each keeping
// a few inquiries in flight, against the training switch in a child process (one core each), for a
// bounded time after a short warm-up. Each connection walks its own stretch of 12,000 distinct
// inquiries, so the switch's reply cache (2,048 entries) is almost never hit.

import path from 'node:path';
import { BareClient } from './lib/bare-client';
import { benchPki } from './lib/bench-pki';
import { BENCH_ORI, distinctInquiryTexts } from './lib/inquiries';
import { round } from './lib/stats';
import { startSwitchChild } from './lib/switch-child';
import type { Benchmark } from './lib/types';

const CONNECTIONS = 100;
const IN_FLIGHT_PER_CONNECTION = 8;
const WARMUP_MS = 1_500;
const MEASURE_MS = 6_000;

export const switchThroughput: Benchmark = {
  name: 'switch_throughput',
  description: `${CONNECTIONS} TLS connections x ${IN_FLIGHT_PER_CONNECTION} inquiries in flight against the training switch (child process)`,
  budgetMs: 40_000,
  async run(ctx) {
    const pki = await benchPki(ctx.workDir);
    const sw = await startSwitchChild(path.join(ctx.workDir, 'pki'));
    const texts = distinctInquiryTexts();
    const clients: BareClient[] = [];
    try {
      for (let i = 0; i < CONNECTIONS; i += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, CONNECTIONS - i) }, (_, j) =>
            BareClient.connect({
              host: sw.host,
              port: sw.port,
              servername: 'localhost',
              ca: pki.ca.cert,
              cert: pki.workstation.cert,
              key: pki.workstation.key,
              terminal: `BT${(i + j).toString().padStart(4, '0')}`,
              ori: BENCH_ORI,
            }),
          ),
        );
        clients.push(...batch);
      }
      ctx.log(`${clients.length} connections logged on`);

      let replies = 0;
      let running = true;
      clients.forEach((client, c) => {
        let seq = 0;
        const prefix = `BT${c.toString().padStart(4, '0')}-`;
        const sendOne = () => {
          seq += 1;
          client.write(`INQ REF=${prefix}${seq.toString(36).toUpperCase().padStart(6, '0')} OPR=BENCH01\n${texts[(c * 120 + seq) % texts.length]}`);
        };
        client.onReply = () => {
          replies += 1;
          if (running) sendOne();
        };
        client.socket.cork();
        for (let k = 0; k < IN_FLIGHT_PER_CONNECTION; k++) sendOne();
        client.socket.uncork();
      });

      const measureMs = Math.max(1_000, Math.min(MEASURE_MS, ctx.deadline - Date.now() - WARMUP_MS - 3_000));
      await new Promise((r) => setTimeout(r, WARMUP_MS));
      const startCount = replies;
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, measureMs));
      const counted = replies - startCount;
      const elapsed = (performance.now() - t0) / 1000;
      running = false;
      const rate = counted / elapsed;
      ctx.log(`${counted} replies in ${elapsed.toFixed(2)} s (after ${WARMUP_MS} ms warm-up)`);
      const stats = await sw.stats();
      ctx.log(`switch counted ${String(stats?.inquiries)} inquiries on ${String(stats?.connections)} connections in all`);
      return { switch_inquiries_per_s: round(rate, 0) };
    } finally {
      for (const c of clients) c.close();
      await sw.close();
    }
  },
};
