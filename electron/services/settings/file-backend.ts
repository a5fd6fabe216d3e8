// Workstation settings as a JSON file, for the preview host and the tests (Electron uses electron-store
// behind the same SettingsBackend). Writes are atomic: a temp file in the same folder, fsync, rename; the
// file is readable by this user only (0600). A damaged file is copied aside, never silently replaced.
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { SettingsBackend } from '../platform';

export function fileSettingsBackend(file: string): SettingsBackend {
  const location = path.resolve(file);
  const dir = path.dirname(location);
  return {
    location,

    read() {
      let text: string;
      try {
        text = readFileSync(location, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
        throw new Error(`it could not be read (${(error as { code?: unknown }).code ?? 'error'})`, { cause: error });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        // The parser's own message can quote the file; a short reason is enough.
        throw new Error('it is not valid JSON', { cause: error });
      }
    },

    write(value) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = path.join(dir, `.${path.basename(location)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      const fd = openSync(temp, 'wx', 0o600);
      try {
        writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
        fsyncSync(fd);
      } catch (error) {
        closeSync(fd);
        rmSync(temp, { force: true });
        throw error;
      }
      closeSync(fd);
      try {
        renameSync(temp, location);
      } catch (error) {
        rmSync(temp, { force: true });
        throw error;
      }
      chmodSync(location, 0o600);
      syncDirectory(dir);
    },

    preserveAside(tag) {
      if (!existsSync(location)) return null;
      const copy = `${location}.corrupt-${tag.replace(/[^A-Za-z0-9-]/g, '-')}`;
      copyFileSync(location, copy, constants.COPYFILE_EXCL);
      chmodSync(copy, 0o600);
      return copy;
    },
  };
}

/** Makes the rename durable. Some platforms (Windows) cannot open a folder; the rename is still atomic. */
function syncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
