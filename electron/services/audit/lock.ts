// One writer per journal folder. A lock file names the holding process; a lock left by a process that
// is gone (kill -9, power cut) is taken over. Two live writers would fork the chain, so the second is
// refused with AUDIT_JOURNAL_LOCKED.

import { hostname } from 'node:os';
import path from 'node:path';
import { open, readFile, unlink } from 'node:fs/promises';
import { auditError } from './errors';
import { LOCK_FILE } from './files';

export interface JournalLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

export async function acquireJournalLock(dir: string): Promise<JournalLock> {
  const file = path.join(dir, LOCK_FILE);
  const me = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(me);
        await handle.sync();
      } finally {
        await handle.close();
      }
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    let holder: { pid?: unknown; host?: unknown } = {};
    try {
      holder = JSON.parse(await readFile(file, 'utf8')) as typeof holder;
    } catch {
      // An unreadable lock (torn by a crash while it was written) is stale.
    }
    if (typeof holder.pid === 'number' && holder.host === hostname() && alive(holder.pid)) {
      throw auditError(
        'AUDIT_JOURNAL_LOCKED',
        `The audit journal in ${dir} is in use by another running process (pid ${holder.pid}). Only one app may write a workstation's journal.`,
      );
    }
    await unlink(file).catch(() => undefined);
  }
  throw auditError('AUDIT_JOURNAL_LOCKED', `The audit journal in ${dir} could not be locked.`);
}
