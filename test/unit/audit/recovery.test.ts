// Open-time recovery: a torn final line is reported, quarantined and documented; other damage refuses the open.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { inquiry, journalFiles, KEY, linesOf, logon, open, tempDir } from './helpers';

async function journalWith(records: number): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const journal = await open(dir);
  await journal.append(logon);
  for (let i = 0; i < records - 2; i++) await journal.append(inquiry(i));
  await journal.close();
  return { dir, file: path.join(dir, journalFiles(dir)[0]!) };
}

describe('open-time recovery', () => {
  it('sets a torn final line aside in quarantine/, cuts it off, and records that it did', async () => {
    const { dir, file } = await journalWith(5);
    const good = statSync(file).size;
    const torn = '{"v":1,"seq":6,"prevHash":"ab12';
    appendFileSync(file, torn);

    const before = await verifyJournal(dir, { key: KEY });
    expect(before).toMatchObject({ ok: true, records: 5, torn: { line: 6, offset: good, bytes: torn.length } });

    const journal = await open(dir);
    expect(journal.recovery).toMatchObject({
      file: path.basename(file),
      offset: good,
      bytes: torn.length,
      sha256: createHash('sha256').update(torn).digest('hex'),
      recordSeq: 6,
    });
    expect(readFileSync(path.join(dir, journal.recovery!.quarantinedAs), 'latin1')).toBe(torn);
    expect((await journal.append(inquiry(99))).seq).toBe(7);
    await journal.close();

    const records = linesOf(file).map((l) => JSON.parse(l) as { seq: number; type: string; journal?: { torn?: unknown } });
    expect(records[5]).toMatchObject({ seq: 6, type: 'journal.recovered', journal: { torn: { offset: good, bytes: torn.length } } });
    const after = await verifyJournal(dir, { key: KEY });
    expect(after).toMatchObject({ ok: true, records: 7 });
    expect(after.torn).toBeUndefined();
  });

  it('a complete last record without its newline is torn too (its write never finished, so it was never acknowledged)', async () => {
    const { dir, file } = await journalWith(4);
    const text = readFileSync(file, 'latin1');
    writeFileSync(file, text.slice(0, -1), 'latin1');
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true, records: 3, torn: { line: 4 } });
    const journal = await open(dir);
    expect(journal.recovery?.recordSeq).toBe(4);
    await journal.close();
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true, records: 4 });
  });

  it('a file whose opening record is torn is set aside whole and started again', async () => {
    const dir = tempDir();
    const journal = await open(dir);
    await journal.append(logon);
    await journal.close();
    const file = path.join(dir, journalFiles(dir)[0]!);
    writeFileSync(file, readFileSync(file, 'latin1').slice(0, 40), 'latin1');
    const again = await open(dir);
    expect(again.recovery).toMatchObject({ offset: 0, bytes: 40 });
    expect(existsSync(path.join(dir, again.recovery!.quarantinedAs))).toBe(true);
    await again.append(logon);
    await again.close();
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true, records: 3 });
  });

  it('refuses to append to a journal whose tail was edited (a complete line is never taken for a torn one)', async () => {
    const { dir, file } = await journalWith(5);
    const lines = linesOf(file);
    lines[4] = lines[4]!.replace('DOE,JOHN Q', 'DOE,JANE Q');
    writeFileSync(file, lines.join('\n') + '\n', 'latin1');
    await expect(open(dir)).rejects.toMatchObject({ code: 'AUDIT_JOURNAL_DAMAGED', message: expect.stringMatching(/edited at .* line 5 \(record 5\)/) });
    appendFileSync(file, 'garbage\n');
    await expect(open(dir)).rejects.toMatchObject({ code: 'AUDIT_JOURNAL_DAMAGED' });
  });

  it('refuses a journal opened with another key', async () => {
    const { dir } = await journalWith(3);
    await expect(open(dir, { keyProvider: () => Buffer.alloc(32, 1) })).rejects.toMatchObject({
      code: 'AUDIT_JOURNAL_DAMAGED',
      message: expect.stringContaining('bad-hmac'),
    });
  });
});
