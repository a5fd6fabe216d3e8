// Reads a file line by line in large chunks, handing each line to a synchronous callback as a slice of
// one reused buffer (no copy, no per-line string unless the callback makes one). Linear in the file size.

import { open } from 'node:fs/promises';

export const CHUNK_BYTES = 1 << 20;

/**
 * Calls onLine(buf, start, end, terminated, offset) for each line of `file` (end excludes the newline;
 * `terminated` is false only for a last line with no newline; `offset` is the line's byte offset in the
 * file). onLine returns false to stop. onBytes(n) reports progress after each chunk.
 */
export async function forEachLine(
  file: string,
  onLine: (buf: Buffer, start: number, end: number, terminated: boolean, offset: number) => boolean,
  onBytes?: (bytes: number) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const handle = await open(file, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkBytes);
    let filled = 0;
    /** File offset of buf[0]. */
    let base = 0;
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, base + filled);
      if (bytesRead === 0) {
        if (filled > 0) onLine(buf, 0, filled, false, base);
        return;
      }
      filled += bytesRead;
      onBytes?.(bytesRead);
      const view = buf.subarray(0, filled);
      let start = 0;
      for (;;) {
        const nl = view.indexOf(10, start);
        if (nl === -1) break;
        if (!onLine(buf, start, nl, true, base + start)) return;
        start = nl + 1;
      }
      if (start > 0) {
        buf.copy(buf, 0, start, filled);
        filled -= start;
        base += start;
      }
    }
  } finally {
    await handle.close();
  }
}

/** The last complete line of a file (read from its end), or null. For the seal of the file before the newest. */
export async function readLastLine(file: string, maxBytes = 64 * 1024): Promise<{ buf: Buffer; start: number; end: number; terminated: boolean } | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    const length = Math.min(size, maxBytes);
    const buf = Buffer.allocUnsafe(length);
    await handle.read(buf, 0, length, size - length);
    const terminated = buf[length - 1] === 10;
    const end = terminated ? length - 1 : length;
    const prev = buf.lastIndexOf(10, end - 1);
    if (prev === -1 && length < size) return null;
    return { buf, start: prev + 1, end, terminated };
  } finally {
    await handle.close();
  }
}
