// The journal writer: the chain on disk, acknowledgement only after fdatasync, group commit, the lock.
import { createHash, createHmac } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../../electron/services/audit/mac';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { countingFs, inquiry, journalFiles, KEY, linesOf, logon, open, ORI, tempDir, tick, ticksUntil, WS } from './helpers';

describe('the audit journal', () => {
  it('writes one signed, chained JSON line per record, starting with the file\'s opening checkpoint', async () => {
    const dir = tempDir();
    const journal = await open(dir);
    const first = await journal.append(logon);
    const second = await journal.append(inquiry(1));
    expect(first.seq).toBe(2);
    expect(second.seq).toBe(3);
    expect(first.at).toBe('2026-11-23T12:00:00.000Z');
    await journal.close();

    const [file] = journalFiles(dir);
    expect(file).toBe(`audit-${WS}-00000001-20261123.jsonl`);
    const records = linesOf(path.join(dir, file!)).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records.map((r) => [r.seq, r.type])).toEqual([
      [1, 'journal.opened'],
      [2, 'logon.success'],
      [3, 'inquiry.sent'],
    ]);
    expect(records[0]).toMatchObject({ prevHash: GENESIS_HASH, ws: WS, ori: ORI, journal: { file, fileNo: 1, prevFile: null } });
    let prev = GENESIS_HASH;
    for (const line of linesOf(path.join(dir, file!))) {
      const r = JSON.parse(line) as { prevHash: string; hmac: string };
      expect(r.prevHash).toBe(prev);
      const body = line.slice(0, line.lastIndexOf(',"hmac":')) + '}';
      expect(r.hmac).toBe(createHmac('sha256', KEY).update(createHash('sha256').update(body).digest()).digest('hex'));
      prev = createHash('sha256').update(line).digest('hex');
    }
    expect(records[2]).toMatchObject({ operator: 'OPR123', requestor: 'DET4711', inquiry: { messageKey: 'IH.R.QH', purpose: 'C', rightToKnow: 'CASE 26-004711' } });
    expect(second.hash).toBe(prev);
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });

  it('acknowledges an append only after its fdatasync has completed', async () => {
    const fs = countingFs();
    const journal = await open(tempDir(), { fs });
    await journal.append(logon);
    const hold = fs.holdSyncs();
    let acknowledged = false;
    const pending = journal.append(inquiry(1)).then(() => (acknowledged = true));
    try {
      await ticksUntil(() => hold.waiting() > 0);
      expect(hold.waiting()).toBe(1);
      for (let i = 0; i < 5; i++) await tick();
      expect(acknowledged).toBe(false);
      expect(journal.durableSeq()).toBe(2);
    } finally {
      hold.release();
    }
    await pending;
    expect(acknowledged).toBe(true);
    expect(journal.durableSeq()).toBe(3);
  });

  it('group commit: 64 appends made together share one fdatasync', async () => {
    const fs = countingFs();
    const journal = await open(tempDir(), { fs });
    await journal.append(logon);
    const before = fs.calls.fdatasync ?? 0;
    const results = await Promise.all(Array.from({ length: 64 }, (_, i) => journal.append(inquiry(i))));
    expect(fs.calls.fdatasync! - before).toBe(1);
    expect(results.map((r) => r.seq)).toEqual(Array.from({ length: 64 }, (_, i) => 3 + i));
  });

  it('group commit: appends made while a flush runs all wait for, and share, the next one', async () => {
    const fs = countingFs();
    const journal = await open(tempDir(), { fs });
    await journal.append(logon);
    const before = fs.calls.fdatasync ?? 0;
    const hold = fs.holdSyncs();
    const first = journal.append(inquiry(0));
    await ticksUntil(() => hold.waiting() > 0);
    const queued = Array.from({ length: 40 }, (_, i) => journal.append(inquiry(i + 1)));
    hold.release();
    await Promise.all([first, ...queued]);
    expect(fs.calls.fdatasync! - before).toBe(2);
  });

  it('without group commit (maxBatch 1, the benchmark baseline) each record has its own fdatasync', async () => {
    const fs = countingFs();
    const journal = await open(tempDir(), { fs, maxBatch: 1 });
    await journal.append(logon);
    const before = fs.calls.fdatasync ?? 0;
    await Promise.all(Array.from({ length: 16 }, (_, i) => journal.append(inquiry(i))));
    expect(fs.calls.fdatasync! - before).toBe(16);
  });

  it('tells listeners the durable seq after each flush; the unsubscribe function works', async () => {
    const journal = await open(tempDir());
    const seen: number[] = [];
    const off = journal.onDurable((seq) => seen.push(seq));
    await journal.append(logon);
    await Promise.all([journal.append(inquiry(1)), journal.append(inquiry(2))]);
    off();
    await journal.append(inquiry(3));
    expect(seen).toEqual([2, 4]);
  });

  it('refuses appends after close, and a second writer while the first holds the folder', async () => {
    const dir = tempDir();
    const journal = await open(dir);
    await expect(open(dir)).rejects.toMatchObject({ code: 'AUDIT_JOURNAL_LOCKED' });
    await journal.append(logon);
    await journal.close();
    await expect(journal.append(logon)).rejects.toMatchObject({ code: 'AUDIT_JOURNAL_CLOSED' });
    const again = await open(dir);
    expect((await again.append(inquiry(1))).seq).toBe(3);
    await again.close();
    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: true, records: 3, lastSeq: 3 });
  });

  it('refuses an event outside the schema and writes nothing', async () => {
    const dir = tempDir();
    const journal = await open(dir);
    await journal.append(logon);
    const bad = { ...inquiry(1), text: 'FULL REPLY TEXT' } as unknown as Parameters<typeof journal.append>[0];
    await expect(journal.append(bad)).rejects.toMatchObject({ code: 'AUDIT_RECORD_INVALID', message: expect.stringContaining('text') });
    expect(journal.durableSeq()).toBe(2);
  });
});
