// Rotation by size and by UTC day; files linked by signed checkpoints; the latest kept outside the folder.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkpointIsAuthentic, type Checkpoint, type CheckpointSink } from '../../../electron/services/audit/checkpoint';
import { createRecordMac } from '../../../electron/services/audit/mac';
import type { AuditFailure } from '../../../electron/services/audit/types';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { ManualClock } from '../../../electron/services/clock';
import { inquiry, journalFiles, KEY, linesOf, logon, open, tempDir, WS } from './helpers';

function memorySink(name = 'memory'): CheckpointSink & { saved: Checkpoint[]; fail: boolean } {
  const sink = {
    name,
    saved: [] as Checkpoint[],
    fail: false,
    async save(cp: Checkpoint) {
      if (sink.fail) throw new Error('the store is down');
      sink.saved.push(cp);
    },
    async load() {
      return sink.saved.at(-1) ?? null;
    },
  };
  return sink;
}

const parse = (line: string) => JSON.parse(line) as { seq: number; type: string; prevHash: string; journal?: Record<string, unknown> };

describe('rotation', () => {
  it('by size: each file ends with a seal and the next opens with a record linking it', async () => {
    const dir = tempDir();
    const journal = await open(dir, { rotation: { maxBytes: 4096 } });
    for (let i = 0; i < 60; i++) await journal.append(inquiry(i));
    await Promise.all(Array.from({ length: 40 }, (_, i) => journal.append(inquiry(100 + i))));
    await journal.close();

    const files = journalFiles(dir);
    expect(files.length).toBeGreaterThan(5);
    let expected = 1;
    files.forEach((name, i) => {
      const records = linesOf(path.join(dir, name)).map(parse);
      expect(records[0]).toMatchObject({ type: 'journal.opened', journal: { file: name, fileNo: i + 1, prevFile: i === 0 ? null : files[i - 1] } });
      if (i < files.length - 1) expect(records.at(-1)).toMatchObject({ type: 'journal.sealed', journal: { file: name, fileNo: i + 1, records: records.length } });
      for (const r of records) expect(r.seq).toBe(expected++);
    });
    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: true, files: files.length, lastSeq: expected - 1, records: expected - 1 });
  });

  it('by UTC day: the first record of a new day starts a new file named for that day', async () => {
    const dir = tempDir();
    const clock = new ManualClock(Date.UTC(2026, 11, 31, 23, 59, 0));
    const journal = await open(dir, { clock });
    await journal.append(logon);
    clock.advance(30_000);
    await journal.append(inquiry(1));
    clock.advance(60_000);
    await journal.append(inquiry(2));
    await journal.close();
    expect(journalFiles(dir)).toEqual([`audit-${WS}-00000001-20261231.jsonl`, `audit-${WS}-00000002-20270101.jsonl`]);
    const second = linesOf(path.join(dir, journalFiles(dir)[1]!)).map((l) => JSON.parse(l) as { at: string; type: string });
    expect(second.map((r) => r.type)).toEqual(['journal.opened', 'inquiry.sent']);
    expect(second[1]!.at).toBe('2027-01-01T00:00:30.000Z');
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });

  it('continues after a reopen whose newest file was sealed (a crash between the seal and the next file)', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    const journal = await open(dir, { clock, rotation: { maxBytes: 4096 } });
    for (let i = 0; i < 30; i++) await journal.append(inquiry(i));
    await journal.close();
    // Leave the folder as a crash right after sealing would: drop the newest file, keep the sealed one.
    const files = journalFiles(dir);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, files.at(-1)!));
    const again = await open(dir, { clock, rotation: { maxBytes: 4096 } });
    await again.append(logon);
    await again.close();
    expect(journalFiles(dir).at(-1)).toBe(files.at(-1));
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });
});

describe('external checkpoints', () => {
  it('are signed, saved when a file opens or is sealed, every N records and on close; lastCheckpoint() is the latest', async () => {
    const dir = tempDir();
    const sink = memorySink();
    const journal = await open(dir, { checkpointSinks: [sink], checkpointEvery: 10, rotation: { maxBytes: 4096 } });
    await journal.append(logon);
    for (let i = 0; i < 25; i++) await journal.append(inquiry(i));
    await journal.close();
    const mac = createRecordMac(KEY);
    expect(sink.saved.length).toBeGreaterThanOrEqual(4);
    for (const cp of sink.saved) expect(checkpointIsAuthentic(cp, mac)).toBe(true);
    const seqs = sink.saved.map((cp) => cp.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    const last = sink.saved.at(-1)!;
    expect(last).toEqual(journal.lastCheckpoint());
    const verified = await verifyJournal(dir, { key: KEY, externalCheckpoint: last });
    expect(verified).toMatchObject({ ok: true, lastSeq: last.seq, checkpoint: { seq: last.seq, matched: true } });
    expect(journalFiles(dir)).toContain(last.file);
    // A checkpoint that was edited is refused.
    await expect(verifyJournal(dir, { key: KEY, externalCheckpoint: { ...last, seq: last.seq + 1 } })).rejects.toMatchObject({ code: 'AUDIT_CHECKPOINT_INVALID' });
  });

  it('a sink that fails is reported as a warning and recording goes on', async () => {
    const sink = memorySink('agency store');
    sink.fail = true;
    const journal = await open(tempDir(), { checkpointSinks: [sink], checkpointEvery: 1 });
    const failures: AuditFailure[] = [];
    journal.onFailure((f) => failures.push(f));
    await journal.append(logon);
    await journal.append(inquiry(1));
    const cp = await journal.checkpointNow();
    expect(cp.seq).toBe(3);
    expect(failures[0]).toMatchObject({ code: 'AUDIT_CHECKPOINT_FAILED', severity: 'warning', message: expect.stringContaining('agency store') });
  });

  it('open refuses a journal that ends before the checkpoint kept outside it', async () => {
    const dir = tempDir();
    const sink = memorySink();
    const journal = await open(dir, { checkpointSinks: [sink] });
    await journal.append(logon);
    await journal.close();
    const cp = sink.saved.at(-1)!;
    // The keychain remembers a later state than the folder now shows (the folder was replaced by an older copy).
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, journalFiles(dir)[0]!));
    await expect(open(dir, { checkpointSinks: [sink] })).rejects.toMatchObject({ code: 'AUDIT_JOURNAL_DAMAGED', message: expect.stringContaining('missing-file') });
    expect(cp.seq).toBe(2);
  });

  it('open refuses a checkpoint that is not signed with the journal key', async () => {
    const dir = tempDir();
    const sink = memorySink();
    const journal = await open(dir, { checkpointSinks: [sink] });
    await journal.append(logon);
    await journal.close();
    sink.saved.push({ ...sink.saved.at(-1)!, seq: 99 });
    await expect(open(dir, { checkpointSinks: [sink] })).rejects.toMatchObject({ code: 'AUDIT_CHECKPOINT_INVALID' });
  });
});
