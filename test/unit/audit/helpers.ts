// Shared pieces of the audit tests: temp folders, a fixed key, sample events, and a file-system shim that
// counts calls and injects errors into the real file operations.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { nodeAuditFs, type AuditFs } from '../../../electron/services/audit/fs';
import { openJournal } from '../../../electron/services/audit/open';
import type { AuditEvent } from '../../../electron/services/audit/schema';
import type { AuditJournal, JournalOptions } from '../../../electron/services/audit/types';

export const KEY = Buffer.alloc(32, 7);
export const OTHER_KEY = Buffer.alloc(32, 9);
export const WS = 'WS-TEST-01';
export const ORI = 'CA0349999';

const dirs: string[] = [];
const journals: AuditJournal[] = [];

afterEach(async () => {
  await Promise.allSettled(journals.splice(0).map((j) => j.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function tempDir(prefix = 'clets-audit-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function inquiry(n: number, operator = 'OPR123'): AuditEvent {
  return {
    type: 'inquiry.sent',
    operator,
    requestor: 'DET4711',
    outcome: 'success',
    inquiry: {
      messageKey: 'IH.R.QH',
      messageRef: `WSTEST01-${String(n).padStart(8, '0')}`,
      purpose: 'C',
      requestPurpose: 'C',
      rightToKnow: 'CASE 26-004711',
      subjectKeys: { NAM: 'DOE,JOHN Q', DOB: '19800101', SEX: 'M' },
    },
  };
}

export const logon: AuditEvent = { type: 'logon.success', operator: 'OPR123', outcome: 'success' };

export async function open(dir: string, options: Partial<JournalOptions> = {}): Promise<AuditJournal> {
  const journal = await openJournal({
    dir,
    workstationId: WS,
    ori: ORI,
    keyProvider: () => KEY,
    clock: new ManualClock(),
    ...options,
  });
  journals.push(journal);
  return journal;
}

export function journalFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort();
}

export function linesOf(file: string): string[] {
  return readFileSync(file, 'latin1').split('\n').filter((l) => l.length > 0);
}

export type FsOp = keyof AuditFs;

export interface CountingFs extends AuditFs {
  calls: Record<string, number>;
  /** Makes the next `times` calls of `op` fail with `code` (optionally after letting `bytes` through, for write). */
  failNext(op: FsOp, code: string, times?: number): void;
  /** Holds every fdatasync until release() (to queue appends behind a running flush). */
  holdSyncs(): { release(): void; waiting(): number };
  /** write(2) stores at most this many bytes per call (a short write). */
  shortWrites(bytes: number | null): void;
}

export function countingFs(inner: AuditFs = nodeAuditFs): CountingFs {
  const calls: Record<string, number> = {};
  const failures = new Map<string, { code: string; times: number }>();
  let gate: { promise: Promise<void>; release(): void; waiting: number } | null = null;
  let shortLimit: number | null = null;
  const count = (op: string) => {
    calls[op] = (calls[op] ?? 0) + 1;
    const f = failures.get(op);
    if (f && f.times > 0) {
      f.times -= 1;
      throw Object.assign(new Error(`${op}: injected ${f.code}`), { code: f.code });
    }
  };
  const wrap =
    <A extends unknown[], R>(op: FsOp, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      count(op);
      return fn(...args);
    };
  return {
    calls,
    failNext(op, code, times = 1) {
      failures.set(op, { code, times });
    },
    holdSyncs() {
      let release!: () => void;
      const promise = new Promise<void>((r) => (release = r));
      gate = { promise, release, waiting: 0 };
      const g = gate;
      return {
        release() {
          gate = null;
          g.release();
        },
        waiting: () => g.waiting,
      };
    },
    shortWrites(bytes) {
      shortLimit = bytes;
    },
    mkdir: wrap('mkdir', inner.mkdir),
    readdir: wrap('readdir', inner.readdir),
    readFile: wrap('readFile', inner.readFile),
    openAppend: wrap('openAppend', inner.openAppend),
    write: wrap('write', (fd: number, data: Buffer, offset: number, length: number) =>
      inner.write(fd, data, offset, shortLimit === null ? length : Math.min(length, shortLimit)),
    ),
    async fdatasync(fd) {
      count('fdatasync');
      const g = gate;
      if (g) {
        g.waiting += 1;
        await g.promise;
      }
      return inner.fdatasync(fd);
    },
    ftruncate: wrap('ftruncate', inner.ftruncate),
    close: wrap('close', inner.close),
    syncDir: wrap('syncDir', inner.syncDir),
    unlink: wrap('unlink', inner.unlink),
  };
}

/** Resolves on the next macrotask: lets queued I/O callbacks run (not a sleep: no time passes on any clock). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Lets I/O run, one macrotask at a time, until `condition` holds (at most `max` turns). */
export async function ticksUntil(condition: () => boolean, max = 20_000): Promise<void> {
  for (let i = 0; i < max && !condition(); i++) await tick();
}
