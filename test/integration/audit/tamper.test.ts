// Tampering: every kind of damage to a journal is detected by verify and named, with the first bad record —
// by the function the CRSO's screen uses and by the CLI (`npm run audit -- verify`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileCheckpointSink, parseCheckpoint, type Checkpoint } from '../../../electron/services/audit/checkpoint';
import { openJournal } from '../../../electron/services/audit/open';
import { verifyJournal, type VerifyProgress } from '../../../electron/services/audit/verify';
import { ManualClock } from '../../../electron/services/clock';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const KEY = Buffer.alloc(32, 3);
const WS = 'WS-TAMPER-1';

let root: string;
let pristine: string;
let checkpoint: Checkpoint;
let files: string[];
let cases = 0;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'clets-tamper-'));
  pristine = path.join(root, 'pristine');
  const sink = fileCheckpointSink(path.join(root, 'checkpoint.json'));
  const journal = await openJournal({
    dir: pristine,
    workstationId: WS,
    ori: 'CA0349999',
    keyProvider: () => KEY,
    clock: new ManualClock(),
    rotation: { maxBytes: 4096 },
    checkpointSinks: [sink],
  });
  for (let i = 0; i < 60; i++) {
    await journal.append({
      type: 'inquiry.sent',
      operator: 'OPR123',
      outcome: 'success',
      inquiry: { messageKey: 'IW.QW', messageRef: `WSTAMPER-${String(i).padStart(6, '0')}`, requestPurpose: 'C', subjectKeys: { NAM: `DOE,JOHN ${i}`, DOB: '19800101' } },
    });
  }
  await journal.close();
  checkpoint = parseCheckpoint(readFileSync(path.join(root, 'checkpoint.json'), 'utf8').trim())!;
  files = readdirSync(pristine).filter((n) => n.endsWith('.jsonl')).sort();
  writeFileSync(path.join(root, 'key.b64'), KEY.toString('base64'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh copy of the pristine journal to damage. */
function copy(): string {
  const dir = path.join(root, `case-${++cases}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

const fileAt = (dir: string, i: number) => path.join(dir, files.at(i)!);
const readLines = (file: string) => readFileSync(file, 'latin1').split('\n').slice(0, -1);
const writeLines = (file: string, lines: string[]) => writeFileSync(file, lines.map((l) => l + '\n').join(''), 'latin1');
const seqOf = (line: string) => (JSON.parse(line) as { seq: number }).seq;

function cli(dir: string, ...extra: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', 'verify', dir, '--key-file', path.join(root, 'key.b64'), ...extra], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: r.stdout.trim() };
}

describe('verify: an undamaged journal', () => {
  it('passes, with and without the external checkpoint, reporting progress up to the total', async () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    const progress: VerifyProgress[] = [];
    const result = await verifyJournal(pristine, { key: KEY, externalCheckpoint: checkpoint, onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ ok: true, files: files.length, firstSeq: 1, lastSeq: checkpoint.seq, checkpoint: { matched: true } });
    expect(progress.at(-1)).toMatchObject({ filesDone: files.length, files: files.length });
    expect(progress.at(-1)!.bytesDone).toBe(progress.at(-1)!.bytesTotal);
    const run = cli(pristine, '--checkpoint-file', path.join(root, 'checkpoint.json'));
    expect(run.status).toBe(0);
    expect(run.out).toMatch(new RegExp(`^OK: ${result.records} records in ${files.length} file\\(s\\)`));
  });

  it('fails with a wrong key, naming the first record (bad-hmac)', async () => {
    const result = await verifyJournal(pristine, { key: Buffer.alloc(32, 4) });
    expect(result.firstBad).toMatchObject({ kind: 'bad-hmac', file: files[0], line: 1, seq: 1 });
  });
});

describe('verify: each kind of damage is detected and named', () => {
  it('an edited byte in a record → edited (and the CLI exits 1 naming it)', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    const seq = seqOf(lines[3]!);
    lines[3] = lines[3]!.replace('DOE,JOHN', 'DOE,JOHM');
    writeLines(file, lines);
    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: false, firstBad: { kind: 'edited', file: files[1], line: 4, seq } });
    const run = cli(dir);
    expect(run.status).toBe(1);
    expect(run.out).toBe(`DAMAGED: edited at ${files[1]} line 4 (record ${seq}): ${result.firstBad!.detail}`);
  });

  it('an edited hmac → edited (the line changed, so the next record no longer links to it)', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    const line = lines[2]!;
    const at = line.length - 10;
    lines[2] = line.slice(0, at) + (line[at] === 'a' ? 'b' : 'a') + line.slice(at + 1);
    writeLines(file, lines);
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'edited', file: files[1], line: 3, seq: seqOf(line) });
  });

  it('a record rewritten and the chain after it recomputed (without the key) → bad-hmac at the rewritten record', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    const seq = seqOf(lines[3]!);
    lines[3] = lines[3]!.replace('DOE,JOHN', 'DOE,JOHM');
    // Re-link every later line of this file and the next files' prevHash, as a forger without the key can.
    const all = files.map((_, i) => (i === 1 ? lines : readLines(fileAt(dir, i))));
    let prev: string | null = null;
    for (let f = 1; f < all.length; f++) {
      const fl = all[f]!;
      for (let i = f === 1 ? 3 : 0; i < fl.length; i++) {
        if (prev !== null) fl[i] = fl[i]!.replace(/"prevHash":"[0-9a-f]{64}"/, `"prevHash":"${prev}"`);
        prev = createHash('sha256').update(fl[i]!, 'latin1').digest('hex');
      }
      writeLines(fileAt(dir, f), fl);
    }
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'bad-hmac', file: files[1], line: 4, seq });
  });

  it('a deleted line → deleted, naming the missing record', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    const seq = seqOf(lines[4]!);
    lines.splice(4, 1);
    writeLines(file, lines);
    const result = await verifyJournal(dir, { key: KEY });
    expect(result.firstBad).toMatchObject({ kind: 'deleted', file: files[1], line: 5, seq });
    expect(cli(dir).out).toMatch(new RegExp(`^DAMAGED: deleted at ${files[1]} line 5 \\(record ${seq}\\)`));
  });

  it('an inserted forged line → inserted; an inserted copy of an earlier record → inserted', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    const seq = seqOf(lines[4]!);
    lines.splice(4, 0, lines[3]!.replace('DOE,JOHN', 'ROE,JANE'));
    writeLines(file, lines);
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'inserted', file: files[1], line: 5, seq });

    const dir2 = copy();
    const file2 = fileAt(dir2, 1);
    const lines2 = readLines(file2);
    lines2.splice(6, 0, lines2[2]!);
    writeLines(file2, lines2);
    expect((await verifyJournal(dir2, { key: KEY })).firstBad).toMatchObject({ kind: 'inserted', file: files[1], line: 7, seq: seqOf(lines2[2]!) });
  });

  it('two lines swapped → reordered; a line moved further down → reordered', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    [lines[4], lines[5]] = [lines[5]!, lines[4]!];
    writeLines(file, lines);
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'reordered', file: files[1], line: 5, seq: seqOf(lines[4]!) });

    const dir2 = copy();
    const file2 = fileAt(dir2, 1);
    const lines2 = readLines(file2);
    const [moved] = lines2.splice(3, 1);
    lines2.splice(8, 0, moved!);
    writeLines(file2, lines2);
    expect((await verifyJournal(dir2, { key: KEY })).firstBad).toMatchObject({ kind: 'reordered', file: files[1], line: 4 });
  });

  it('a rotated file cut short → truncated (its seal is gone)', async () => {
    const dir = copy();
    const file = fileAt(dir, 1);
    const lines = readLines(file);
    writeLines(file, lines.slice(0, -3));
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'truncated', file: files[1], line: lines.length - 2, seq: seqOf(lines.at(-3)!) });
  });

  it('the newest file cut short → truncated, caught by the external checkpoint', async () => {
    const dir = copy();
    const file = fileAt(dir, -1);
    const lines = readLines(file);
    writeLines(file, lines.slice(0, -2));
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true); // the chain alone cannot see a clean cut
    const result = await verifyJournal(dir, { key: KEY, externalCheckpoint: checkpoint });
    expect(result.firstBad).toMatchObject({ kind: 'truncated', file: files.at(-1), seq: seqOf(lines.at(-2)!) });
    expect(cli(dir, '--checkpoint-file', path.join(root, 'checkpoint.json')).status).toBe(1);
  });

  it('the newest file cut mid-line → torn (reported, exit 0); with the checkpoint → truncated', async () => {
    const dir = copy();
    const file = fileAt(dir, -1);
    const size = readFileSync(file).length;
    truncateSync(file, size - 30);
    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: true, torn: { file: files.at(-1) } });
    const run = cli(dir);
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/torn final line .* never acknowledged/);
    expect((await verifyJournal(dir, { key: KEY, externalCheckpoint: checkpoint })).firstBad).toMatchObject({ kind: 'truncated' });
  });

  it('a whole rotated file deleted → missing-file, naming its number', async () => {
    const dir = copy();
    rmSync(fileAt(dir, 2));
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'missing-file', file: `audit-${WS}-00000003-*.jsonl`, line: 0 });
  });

  it('the oldest file deleted (no purge record for it) → missing-file', async () => {
    const dir = copy();
    rmSync(fileAt(dir, 0));
    expect((await verifyJournal(dir, { key: KEY })).firstBad).toMatchObject({ kind: 'missing-file', file: `audit-${WS}-00000001-*.jsonl` });
  });

  it('the newest file deleted → only the external checkpoint catches it: missing-file', async () => {
    const dir = copy();
    rmSync(fileAt(dir, -1));
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
    const result = await verifyJournal(dir, { key: KEY, externalCheckpoint: checkpoint });
    expect(result.firstBad).toMatchObject({ kind: 'missing-file', file: files.at(-1) });
    const run = cli(dir, '--checkpoint-file', path.join(root, 'checkpoint.json'));
    expect(run.status).toBe(1);
    expect(run.out).toMatch(new RegExp(`^DAMAGED: missing-file at ${files.at(-1)}`));
  });

  it('the CLI refuses bad usage with exit 2 and an unreadable key with exit 1', () => {
    expect(spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', 'verify'], { cwd: repo, encoding: 'utf8' }).status).toBe(2);
    writeFileSync(path.join(root, 'short.b64'), Buffer.alloc(8).toString('base64'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', 'verify', pristine, '--key-file', path.join(root, 'short.b64')], { cwd: repo, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ERROR: .*32 bytes/);
  });
});
