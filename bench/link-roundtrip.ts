// link_roundtrip: sequential inquiries through the CLETS link vs a bare node:tls client speaking the
// same frames, against the same training switch (child process). The two alternate in
// small blocks (ABBA order), so load from anything else on the machine affects both alike.

import path from 'node:path';
import { systemClock } from '../electron/services/clock';
import { createLink, type CletsLink } from '../electron/services/link';
import { BareClient } from './lib/bare-client';
import { benchPki } from './lib/bench-pki';
import { BENCH_ORI, benchInquiryTexts } from './lib/inquiries';
import { nowMs, percentile, round } from './lib/stats';
import { startSwitchChild } from './lib/switch-child';
import type { Benchmark } from './lib/types';

const WARMUP = 400;
const MAX_PER_SIDE = 6_000;
/** Inquiries per block; blocks alternate bare, link, link, bare so drift and load hit both alike. */
const BLOCK = 25;
const OPERATOR = 'BENCH01';

function waitConnected(link: CletsLink): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const s = link.status();
      if (s.state === 'connected') return (off(), resolve());
      if (s.state === 'failed') return (off(), reject(new Error(`link failed: ${s.error?.code} ${s.error?.message}`)));
    };
    const off = link.onStatus(check);
    check();
  });
}

export const linkRoundtrip: Benchmark = {
  name: 'link_roundtrip',
  description: 'sequential round trips: CLETS link vs bare TLS client, same switch (child process)',
  budgetMs: 45_000,
  async run(ctx) {
    const pki = await benchPki(ctx.workDir);
    const sw = await startSwitchChild(path.join(ctx.workDir, 'pki'));
    const texts = benchInquiryTexts();
    const link = createLink({
      host: sw.host,
      port: sw.port,
      servername: 'localhost',
      ca: pki.ca.cert,
      cert: pki.workstation.cert,
      key: pki.workstation.key,
      terminal: 'BENCHL01',
      ori: BENCH_ORI,
      clock: systemClock,
      inquiryTimeoutMs: 10_000,
    });
    let bare: BareClient | null = null;
    try {
      link.start();
      await waitConnected(link);
      bare = await BareClient.connect({
        host: sw.host,
        port: sw.port,
        servername: 'localhost',
        ca: pki.ca.cert,
        cert: pki.workstation.cert,
        key: pki.workstation.key,
        terminal: 'BENCHB01',
        ori: BENCH_ORI,
      });
      let n = 0;
      const linkOnce = async () => {
        const t0 = nowMs();
        await link.send(texts[n++ % texts.length]!, { operator: OPERATOR });
        return nowMs() - t0;
      };
      const bareOnce = async () => {
        const ref = `BENCHB01-${(n++).toString(36).toUpperCase().padStart(8, '0')}`;
        const t0 = nowMs();
        await bare!.roundTrip(ref, OPERATOR, texts[n % texts.length]!);
        return nowMs() - t0;
      };
      for (let i = 0; i < WARMUP; i++) {
        await linkOnce();
        await bareOnce();
      }
      const linkSamples: number[] = [];
      const bareSamples: number[] = [];
      while (linkSamples.length < MAX_PER_SIDE && Date.now() < ctx.deadline - 5_000) {
        for (let i = 0; i < BLOCK; i++) bareSamples.push(await bareOnce());
        for (let i = 0; i < BLOCK; i++) linkSamples.push(await linkOnce());
        for (let i = 0; i < BLOCK; i++) linkSamples.push(await linkOnce());
        for (let i = 0; i < BLOCK; i++) bareSamples.push(await bareOnce());
      }
      const linkP50 = percentile(linkSamples, 50);
      const bareP50 = percentile(bareSamples, 50);
      ctx.log(`${linkSamples.length} link and ${bareSamples.length} bare round trips after ${WARMUP} warm-up each`);
      ctx.log(`link p50 ${linkP50.toFixed(3)} ms, p90 ${percentile(linkSamples, 90).toFixed(3)} ms; bare p50 ${bareP50.toFixed(3)} ms, p99 ${percentile(bareSamples, 99).toFixed(3)} ms`);
      return {
        link_roundtrip_p50_ms: round(linkP50),
        link_roundtrip_p99_ms: round(percentile(linkSamples, 99)),
        bare_tls_roundtrip_p50_ms: round(bareP50),
        link_overhead_ratio: round(linkP50 / bareP50),
      };
    } finally {
      bare?.close();
      await link.stop();
      await sw.close();
    }
  },
};
