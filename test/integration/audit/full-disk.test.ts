// A full disk: the child's file-size limit (RLIMIT_FSIZE, set with prlimit once it is running) makes
// write(2) fail with EFBIG part way through a flush. Every append that could not be made durable is
// refused with AUDIT_WRITE_FAILED and a clear message, none of them is acknowledged or left on disk, the
// partial write is cut back (no torn line), and once there is room again recording goes on.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../../electron/services/audit/open';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { AppendChild } from './child';

const KEY = Buffer.alloc(32, 6);
const LIMIT = 24_000;
const root = mkdtempSync(path.join(os.tmpdir(), 'clets-fulldisk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const prlimit = spawnSync('prlimit', ['--version']).status === 0;

function refsOnDisk(dir: string): Set<string> {
  const refs = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const m of readFileSync(path.join(dir, name), 'latin1').matchAll(/"messageRef":"([A-Z0-9-]+)"/g)) refs.add(m[1]!);
  }
  return refs;
}

describe.runIf(prlimit)('a full disk (file-size limit)', () => {
  it('refuses appends with AUDIT_WRITE_FAILED, acknowledges none of them, and leaves a journal that verifies', async () => {
    const dir = path.join(root, 'journal');
    const child = new AppendChild({ AUDIT_DIR: dir, AUDIT_KEY_HEX: KEY.toString('hex'), AUDIT_WAIT_GO: '1', AUDIT_WRITERS: '8', AUDIT_MAX_REFUSALS: '6' });
    await child.until(() => child.opened !== null || child.openError !== null, 'open');
    expect(child.openError).toBeNull();
    execFileSync('prlimit', ['--pid', String(child.pid), `--fsize=${LIMIT}`]);
    child.send('go');
    const { code } = await child.exited;
    expect(code).toBe(0);

    expect(child.acks.length).toBeGreaterThan(10);
    expect(child.refusals.length).toBeGreaterThanOrEqual(6);
    for (const r of child.refusals) {
      expect(r.code).toBe('AUDIT_WRITE_FAILED');
      expect(r.message).toMatch(/file size limit was reached \(EFBIG\)/);
      expect(r.message).toMatch(/action was refused and nothing was sent/);
    }
    const onDisk = refsOnDisk(dir);
    for (const a of child.acks) expect(onDisk.has(a.ref), `acknowledged ${a.ref}`).toBe(true);
    for (const r of child.refusals) expect(onDisk.has(r.ref), `refused ${r.ref}`).toBe(false);
    const file = readdirSync(dir).find((n) => n.endsWith('.jsonl'))!;
    expect(statSync(path.join(dir, file)).size).toBeLessThanOrEqual(LIMIT);

    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: true, lastSeq: Math.max(...child.acks.map((a) => a.seq)) });
    expect(result.torn).toBeUndefined();

    // Room again (no limit in this process): recording goes on, the chain unbroken.
    const journal = await openJournal({ dir, workstationId: 'WS-CRASH-01', ori: 'CA0349999', keyProvider: () => KEY });
    expect(journal.recovery).toBeNull();
    const next = await journal.append({ type: 'logon.success', operator: 'OPR123', outcome: 'success' });
    expect(next.seq).toBe(result.lastSeq + 1);
    await journal.close();
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });
});
