// audit_verify_records_per_s: verifyJournal() over a journal of 200,000 records (several files).
// raw_parse_sha256_records_per_s: the floor — the same files read the same way (1 MiB chunks), each line
// JSON-parsed and SHA-256 hashed and nothing else — in the same run. audit_verify_ratio = verify / raw.
// The two alternate (ABBA), median of each.

import { hash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openJournal } from '../electron/services/audit/open';
import { forEachLine } from '../electron/services/audit/line-reader';
import { verifyJournal } from '../electron/services/audit/verify';
import { round } from './lib/stats';
import type { Benchmark } from './lib/types';

const RECORDS = 200_000;
const KEY = Buffer.alloc(32, 0x43);

async function buildJournal(dir: string): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  const journal = await openJournal({ dir, workstationId: 'WS-BENCH-02', ori: 'CA0349999', keyProvider: () => KEY, rotation: { maxBytes: 32 * 1024 * 1024 } });
  let n = 0;
  const writer = async () => {
    while (n < RECORDS) {
      const i = n++;
      await journal.append({
        type: i % 5 === 0 ? 'reply.received' : 'inquiry.sent',
        operator: 'BENCH01',
        requestor: 'DET4711',
        outcome: 'success',
        ...(i % 5 === 0
          ? { reply: { messageRef: `BENCH-${String(i).padStart(10, '0')}`, messageKey: 'IH.R.QH', records: 2 } }
          : {
              inquiry: {
                messageKey: 'IH.R.QH',
                messageRef: `BENCH-${String(i).padStart(10, '0')}`,
                purpose: 'C' as const,
                requestPurpose: 'C' as const,
                rightToKnow: `CASE 26-${String(i % 100_000).padStart(6, '0')}`,
                subjectKeys: { NAM: `DOE,JOHN ${i % 997}`, DOB: '19800101', SEX: 'M' },
              },
            }),
      });
    }
  };
  await Promise.all(Array.from({ length: 256 }, () => writer()));
  const total = journal.durableSeq();
  await journal.close();
  return total;
}

async function rawPass(dir: string): Promise<number> {
  let records = 0;
  let sink = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    await forEachLine(path.join(dir, name), (buf, start, end) => {
      const obj = JSON.parse(buf.toString('latin1', start, end)) as { seq: number };
      const digest = hash('sha256', buf.subarray(start, end), 'hex');
      sink += obj.seq + digest.length;
      records += 1;
      return true;
    });
  }
  if (sink === 0) throw new Error('nothing read');
  return records;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const auditVerify: Benchmark = {
  name: 'audit_verify',
  description: `verifyJournal over ${RECORDS.toLocaleString('en-US')} records vs JSON.parse + SHA-256 of the same lines`,
  budgetMs: 45_000,
  async run(ctx) {
    const dir = path.join(ctx.workDir, `audit-verify-${process.pid}`);
    try {
      const t0 = performance.now();
      const total = await buildJournal(dir);
      ctx.log(`built a journal of ${total} records in ${readdirSync(dir).filter((n) => n.endsWith('.jsonl')).length} files in ${Math.round(performance.now() - t0)} ms`);
      const verify: number[] = [];
      const raw: number[] = [];
      for (const side of ['raw', 'verify', 'verify', 'raw', 'raw', 'verify', 'verify', 'raw'] as const) {
        if (Date.now() > ctx.deadline - 3_000 && verify.length > 0 && raw.length > 0) break;
        const t = performance.now();
        if (side === 'verify') {
          const result = await verifyJournal(dir, { key: KEY });
          if (!result.ok || result.records !== total) throw new Error(`verify failed: ${JSON.stringify(result.firstBad)}`);
          verify.push(total / ((performance.now() - t) / 1000));
        } else {
          const n = await rawPass(dir);
          if (n !== total) throw new Error(`raw pass read ${n} of ${total}`);
          raw.push(total / ((performance.now() - t) / 1000));
        }
      }
      const v = median(verify);
      const r = median(raw);
      ctx.log(`verify ${verify.map(Math.round).join(', ')} records/s; raw ${raw.map(Math.round).join(', ')} records/s`);
      return {
        audit_verify_records_per_s: round(v, 0),
        raw_parse_sha256_records_per_s: round(r, 0),
        audit_verify_ratio: round(v / r, 3),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
