// audit_appends_per_s: 64 concurrent writers appending audit records, each append acknowledged only after
// its fdatasync (group commit: one fdatasync serves every record queued while the previous one ran).
// fdatasync_per_record_appends_per_s: the naive baseline, the same journal and writers with one fdatasync
// per record (maxBatch 1), in the same run. The two alternate (ABBA) so drift hits both alike.

import { rmSync } from 'node:fs';
import path from 'node:path';
import { openJournal } from '../electron/services/audit/open';
import type { AuditEvent } from '../electron/services/audit/schema';
import { round } from './lib/stats';
import type { Benchmark } from './lib/types';

const WRITERS = 64;
const WARMUP_MS = 300;
const KEY = Buffer.alloc(32, 0x42);

function event(n: number): AuditEvent {
  return {
    type: 'inquiry.sent',
    operator: 'BENCH01',
    requestor: 'DET4711',
    outcome: 'success',
    inquiry: {
      messageKey: 'IH.R.QH',
      messageRef: `BENCH-${String(n).padStart(10, '0')}`,
      purpose: 'C',
      requestPurpose: 'C',
      rightToKnow: 'CASE 26-004711',
      subjectKeys: { NAM: 'DOE,JOHN Q', DOB: '19800101', SEX: 'M' },
    },
  };
}

async function appendsPerSecond(dir: string, measureMs: number, maxBatch?: number): Promise<{ rate: number; count: number }> {
  rmSync(dir, { recursive: true, force: true });
  const journal = await openJournal({
    dir,
    workstationId: 'WS-BENCH-01',
    ori: 'CA0349999',
    keyProvider: () => KEY,
    ...(maxBatch !== undefined ? { maxBatch } : {}),
  });
  let running = true;
  let counting = false;
  let count = 0;
  let n = 0;
  const writer = async () => {
    while (running) {
      await journal.append(event(n++));
      if (counting) count += 1;
    }
  };
  const writers = Array.from({ length: WRITERS }, () => writer());
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  counting = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, measureMs));
  const elapsed = (performance.now() - t0) / 1000;
  const counted = count;
  running = false;
  await Promise.all(writers);
  await journal.close();
  rmSync(dir, { recursive: true, force: true });
  return { rate: counted / elapsed, count: counted };
}

export const auditAppend: Benchmark = {
  name: 'audit_append',
  description: `${WRITERS} concurrent writers, durable audit appends: group commit vs one fdatasync per record`,
  budgetMs: 20_000,
  async run(ctx) {
    const dir = path.join(ctx.workDir, `audit-append-${process.pid}`);
    const measureMs = Math.max(500, Math.min(2_000, (ctx.deadline - Date.now() - 4 * WARMUP_MS - 2_000) / 4));
    const group: number[] = [];
    const naive: number[] = [];
    for (const side of ['group', 'naive', 'naive', 'group'] as const) {
      const r = await appendsPerSecond(dir, measureMs, side === 'group' ? undefined : 1);
      (side === 'group' ? group : naive).push(r.rate);
      ctx.log(`${side}: ${r.count} appends in ${measureMs} ms = ${Math.round(r.rate)}/s`);
    }
    const groupRate = (group[0]! + group[1]!) / 2;
    const naiveRate = (naive[0]! + naive[1]!) / 2;
    return {
      audit_appends_per_s: round(groupRate, 0),
      fdatasync_per_record_appends_per_s: round(naiveRate, 0),
      audit_group_commit_ratio: round(groupRate / naiveRate, 2),
    };
  },
};
