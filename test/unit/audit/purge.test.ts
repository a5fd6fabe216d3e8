// Retention: only whole sealed files past retention go, only with a CRSO's approval, and the purge is recorded.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../electron/services/audit/purge';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { ManualClock } from '../../../electron/services/clock';
import { countingFs, inquiry, journalFiles, KEY, linesOf, logon, open, tempDir } from './helpers';

const DAY = 86_400_000;

/** A journal with one file per day for `days` days, starting at the clock's time. */
async function daysOfJournal(days: number, clock: ManualClock, dir = tempDir(), fs = countingFs()) {
  const journal = await open(dir, { clock, fs });
  for (let d = 0; d < days; d++) {
    await journal.append(logon);
    await journal.append(inquiry(d));
    clock.advance(DAY);
  }
  return { dir, journal, fs };
}

describe('purgeExpired', () => {
  it('computes the cutoff in calendar years (default retention 3 years)', () => {
    expect(new Date(retentionCutoff(Date.UTC(2030, 1, 1), 3)).toISOString()).toBe('2027-02-01T00:00:00.000Z');
  });

  it('removes only the oldest sealed files whose last record is past retention, after recording the purge', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
    const { dir, journal } = await daysOfJournal(5, clock);
    // Days 0 … 4 are files 1 … 5 (the purge record itself opens file 6, on day 5). Purge 3 years after day 2's seal.
    const files = journalFiles(dir);
    expect(files).toHaveLength(5);
    const now = Date.UTC(2029, 0, 3, 12, 0, 0, 1);
    const result = await journal.purgeExpired({ approvedBy: 'CRSO01', approvalRef: 'MEMO 2029-001', now });
    expect(result.removed.map((f) => f.fileNo)).toEqual([1, 2]);
    expect(result.cutoff).toBe('2026-01-03T12:00:00.001Z');
    expect(existsSync(path.join(dir, files[0]!))).toBe(false);
    expect(existsSync(path.join(dir, files[2]!))).toBe(true);
    await journal.close();

    const last = linesOf(path.join(dir, journalFiles(dir).at(-1)!)).map((l) => JSON.parse(l) as Record<string, unknown>);
    const purge = last.find((r) => r.type === 'journal.purged')!;
    expect(purge).toMatchObject({ seq: result.seq, operator: 'CRSO01', journal: { approvalRef: 'MEMO 2029-001', purged: result.removed } });
    const verified = await verifyJournal(dir, { key: KEY });
    expect(verified).toMatchObject({ ok: true, files: 4, firstSeq: result.removed.at(-1)!.lastSeq + 1 });
  });

  it('never removes the newest file, a file within retention, or one not yet copied to the agency store', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
    const { dir, journal } = await daysOfJournal(3, clock);
    const farFuture = Date.UTC(2040, 0, 1);
    const limited = await journal.purgeExpired({ approvedBy: 'CRSO01', now: farFuture, replicatedThrough: 5 });
    expect(limited.removed.map((f) => f.fileNo)).toEqual([1]);
    const rest = await journal.purgeExpired({ approvedBy: 'CRSO01', now: farFuture });
    expect(rest.removed.map((f) => f.fileNo)).toEqual([2, 3]);
    expect(journalFiles(dir)).toHaveLength(1);
    const none = await journal.purgeExpired({ approvedBy: 'CRSO01', now: Date.UTC(2026, 0, 2) });
    expect(none.removed).toEqual([]);
    await journal.close();
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true, files: 1 });
  });

  it('refuses a purge without an approving operator', async () => {
    const { journal } = await daysOfJournal(2, new ManualClock());
    await expect(journal.purgeExpired({ approvedBy: '' })).rejects.toMatchObject({ code: 'AUDIT_PURGE_REFUSED' });
    await expect(journal.purgeExpired({ approvedBy: 'CRSO01', approvalRef: 'x'.repeat(101) })).rejects.toMatchObject({ code: 'AUDIT_PURGE_REFUSED' });
  });

  it('a purge that stops part way is recorded as failed and what remains still verifies', async () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));
    const { dir, journal, fs } = await daysOfJournal(4, clock);
    let unlinks = 0;
    const realUnlink = fs.unlink;
    fs.unlink = async (file) => {
      unlinks += 1;
      if (unlinks === 2) throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      return realUnlink(file);
    };
    await expect(journal.purgeExpired({ approvedBy: 'CRSO01', now: Date.UTC(2040, 0, 1) })).rejects.toMatchObject({ code: 'AUDIT_PURGE_FAILED' });
    await journal.close();
    const types = linesOf(path.join(dir, journalFiles(dir).at(-1)!)).map((l) => JSON.parse(l) as { type: string; outcome: string });
    expect(types.filter((t) => t.type === 'journal.purged').map((t) => t.outcome)).toEqual(['success', 'failure']);
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true });
  });
});
