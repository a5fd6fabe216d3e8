// Fail closed: when the record cannot be made durable or signed, the append is refused with a stable code,
// nothing is acknowledged, the failure is reported, and the journal on disk still verifies.
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditFailure } from '../../../electron/services/audit/types';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { countingFs, inquiry, journalFiles, KEY, logon, open, OTHER_KEY, tempDir } from './helpers';

describe('a write that fails', () => {
  it.each(['ENOSPC', 'EFBIG', 'EACCES', 'EROFS', 'EDQUOT'])('(%s) refuses the append with AUDIT_WRITE_FAILED, reports it, and leaves the file as it was', async (code) => {
    const dir = tempDir();
    const fs = countingFs();
    const journal = await open(dir, { fs });
    const failures: AuditFailure[] = [];
    journal.onFailure((f) => failures.push(f));
    await journal.append(logon);
    const file = path.join(dir, journalFiles(dir)[0]!);
    const size = statSync(file).size;

    fs.failNext('write', code);
    const refused = await Promise.allSettled([journal.append(inquiry(1)), journal.append(inquiry(2))]);
    for (const r of refused) {
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'AUDIT_WRITE_FAILED', message: expect.stringContaining(`(${code})`) } });
      expect((r as PromiseRejectedResult).reason.message).toMatch(/action was refused and nothing was sent/);
    }
    expect(failures).toEqual([expect.objectContaining({ code: 'AUDIT_WRITE_FAILED', severity: 'critical' })]);
    expect(statSync(file).size).toBe(size);
    expect(journal.durableSeq()).toBe(2);

    // Once the disk has room again, recording goes on with the next seq.
    expect((await journal.append(inquiry(3))).seq).toBe(3);
    await journal.close();
    expect(await verifyJournal(dir, { key: KEY })).toMatchObject({ ok: true, records: 3 });
  });

  it('cuts a partial write (a short write, then EFBIG) back off the file: no torn line is left behind', async () => {
    const dir = tempDir();
    const fs = countingFs();
    const journal = await open(dir, { fs });
    await journal.append(logon);
    fs.shortWrites(100);
    let writes = 0;
    const realWrite = fs.write;
    fs.write = async (...args) => {
      writes += 1;
      if (writes === 3) throw Object.assign(new Error('file too large'), { code: 'EFBIG' });
      return realWrite(...args);
    };
    await expect(journal.append(inquiry(1))).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED' });
    expect(fs.calls.ftruncate).toBe(1);
    fs.write = realWrite;
    fs.shortWrites(null);
    await journal.close();
    const result = await verifyJournal(dir, { key: KEY });
    expect(result).toMatchObject({ ok: true, records: 2 });
    expect(result.torn).toBeUndefined();
  });

  it('a failed fdatasync stops the journal until it is reopened (the page cache cannot be trusted after it)', async () => {
    const dir = tempDir();
    const fs = countingFs();
    const journal = await open(dir, { fs });
    await journal.append(logon);
    fs.failNext('fdatasync', 'EIO');
    await expect(journal.append(inquiry(1))).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED', message: expect.stringContaining('EIO') });
    await expect(journal.append(inquiry(2))).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED', message: expect.stringContaining('reopen') });
    await journal.close();
    const again = await open(dir);
    await again.append(inquiry(3));
    await again.close();
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });

  it('a journal file that cannot be created (read-only folder) refuses the first append', async () => {
    const fs = countingFs();
    const journal = await open(tempDir(), { fs });
    fs.failNext('openAppend', 'EROFS');
    await expect(journal.append(logon)).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED', message: expect.stringContaining('read-only') });
    expect((await journal.append(logon)).seq).toBe(2);
  });

  it('a folder that cannot be created refuses the open', async () => {
    const fs = countingFs();
    fs.failNext('mkdir', 'EACCES');
    await expect(open(path.join(tempDir(), 'audit'), { fs })).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED', message: expect.stringContaining('permission') });
  });
});

describe('a key that is not there', () => {
  it('refuses the open when the keychain cannot give the key', async () => {
    await expect(
      open(tempDir(), {
        keyProvider: () => {
          throw new Error('No Secret Service on the session bus');
        },
      }),
    ).rejects.toMatchObject({ code: 'AUDIT_KEY_UNAVAILABLE', message: expect.stringContaining('No Secret Service') });
    await expect(open(tempDir(), { keyProvider: () => Buffer.alloc(8) })).rejects.toMatchObject({ code: 'AUDIT_KEY_UNAVAILABLE' });
  });

  it('refuses appends, and reports it, when the keychain goes away or hands back another key', async () => {
    const dir = tempDir();
    let key: Buffer | Error = KEY;
    const journal = await open(dir, {
      keyProvider: async () => {
        if (key instanceof Error) throw key;
        return key;
      },
    });
    const failures: AuditFailure[] = [];
    journal.onFailure((f) => failures.push(f));
    await journal.append(logon);
    key = new Error('the keychain is locked');
    await expect(journal.append(inquiry(1))).rejects.toMatchObject({ code: 'AUDIT_KEY_UNAVAILABLE', message: expect.stringContaining('locked') });
    key = OTHER_KEY;
    await expect(journal.append(inquiry(1))).rejects.toMatchObject({ code: 'AUDIT_KEY_UNAVAILABLE', message: expect.stringContaining('different key') });
    expect(failures.map((f) => f.code)).toEqual(['AUDIT_KEY_UNAVAILABLE', 'AUDIT_KEY_UNAVAILABLE']);
    key = KEY;
    expect((await journal.append(inquiry(2))).seq).toBe(3);
    await journal.close();
    expect((await verifyJournal(dir, { key: KEY })).ok).toBe(true);
  });
});
