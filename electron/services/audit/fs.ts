// The file operations the journal writer uses, behind one small interface so tests can count fdatasync
// calls and inject ENOSPC, EROFS or EIO at any step. nodeAuditFs is the real thing.

import fs from 'node:fs';
import { constants } from 'node:fs';

export interface AuditFs {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  readFile(file: string): Promise<Buffer>;
  /** Opens for appending (O_APPEND). `create`: the file must not exist yet (O_CREAT|O_EXCL, mode 0600). */
  openAppend(file: string, create: boolean): Promise<number>;
  /** One write(2); resolves with the bytes written, which may be fewer than asked. */
  write(fd: number, data: Buffer, offset: number, length: number): Promise<number>;
  fdatasync(fd: number): Promise<void>;
  ftruncate(fd: number, length: number): Promise<void>;
  close(fd: number): Promise<void>;
  /** fsync of a folder, so a created or removed name is durable. */
  syncDir(dir: string): Promise<void>;
  unlink(file: string): Promise<void>;
}

function cb<T>(run: (done: (error: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value as T))));
}

export const nodeAuditFs: AuditFs = {
  mkdir: (dir) => cb<string | undefined>((done) => fs.mkdir(dir, { recursive: true, mode: 0o700 }, done)).then(() => undefined),
  readdir: (dir) => cb<string[]>((done) => fs.readdir(dir, done)),
  readFile: (file) => cb<Buffer>((done) => fs.readFile(file, done)),
  openAppend: (file, create) =>
    cb<number>((done) =>
      fs.open(file, constants.O_WRONLY | constants.O_APPEND | (create ? constants.O_CREAT | constants.O_EXCL : 0), 0o600, done),
    ),
  write: (fd, data, offset, length) => cb<number>((done) => fs.write(fd, data, offset, length, null, done)),
  fdatasync: (fd) => cb<void>((done) => fs.fdatasync(fd, done)),
  ftruncate: (fd, length) => cb<void>((done) => fs.ftruncate(fd, length, done)),
  close: (fd) => cb<void>((done) => fs.close(fd, done)),
  async syncDir(dir) {
    const fd = await cb<number>((done) => fs.open(dir, constants.O_RDONLY, done));
    try {
      await cb<void>((done) => fs.fsync(fd, done));
    } finally {
      await cb<void>((done) => fs.close(fd, done));
    }
  },
  unlink: (file) => cb<void>((done) => fs.unlink(file, done)),
};

/** Writes all of `data` with as many write(2) calls as it takes. */
export async function writeAll(afs: AuditFs, fd: number, data: Buffer): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const n = await afs.write(fd, data, done, data.length - done);
    if (n <= 0) throw Object.assign(new Error('write wrote nothing'), { code: 'EIO' });
    done += n;
  }
}

/** Creates `file` with `data`, durably (file and folder synced). Refuses to replace an existing file. */
export async function writeNewFileDurably(afs: AuditFs, dir: string, file: string, data: Buffer): Promise<void> {
  const fd = await afs.openAppend(file, true);
  try {
    await writeAll(afs, fd, data);
    await afs.fdatasync(fd);
  } finally {
    await afs.close(fd);
  }
  await afs.syncDir(dir);
}
