// Framing for the workstation <-> message switch link (docs/wire-protocol.md §2).
// Each frame: a 4-byte big-endian unsigned length, then that many bytes of UTF-8 text.
// Pure TypeScript over Uint8Array so both the link (Node) and the switch share one implementation.

/** Largest payload either side accepts. A larger announced length is a protocol violation. */
export const MAX_FRAME_BYTES = 256 * 1024;
export const FRAME_HEADER_BYTES = 4;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export class FrameError extends Error {
  constructor(
    readonly code: 'FRAME_TOO_LARGE' | 'FRAME_NOT_UTF8' | 'FRAME_EMPTY',
    message: string,
  ) {
    super(message);
    this.name = 'FrameError';
  }
}

/** Encodes one frame. Throws FrameError when the text is larger than MAX_FRAME_BYTES. */
export function encodeFrame(text: string, maxBytes = MAX_FRAME_BYTES): Uint8Array {
  const body = encoder.encode(text);
  if (body.length === 0) throw new FrameError('FRAME_EMPTY', 'A frame cannot be empty.');
  if (body.length > maxBytes) {
    throw new FrameError('FRAME_TOO_LARGE', `Frame of ${body.length} bytes exceeds the ${maxBytes}-byte limit.`);
  }
  const out = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, body.length, false);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/**
 * Incremental decoder: feed it bytes as they arrive, it returns every complete frame's text.
 * After a FrameError the stream is unrecoverable (the length prefix can no longer be trusted):
 * the caller must drop the connection. Memory is bounded by maxBytes + one chunk.
 */
export class FrameDecoder {
  private chunks: Uint8Array[] = [];
  private buffered = 0;
  private failed: FrameError | null = null;

  constructor(private readonly maxBytes = MAX_FRAME_BYTES) {}

  push(chunk: Uint8Array): string[] {
    if (this.failed) throw this.failed;
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
    }
    const frames: string[] = [];
    for (;;) {
      if (this.buffered < FRAME_HEADER_BYTES) break;
      const header = this.peek(FRAME_HEADER_BYTES);
      const length = new DataView(header.buffer, header.byteOffset, FRAME_HEADER_BYTES).getUint32(0, false);
      if (length === 0) return this.fail(new FrameError('FRAME_EMPTY', 'Received an empty frame.'));
      if (length > this.maxBytes) {
        return this.fail(
          new FrameError('FRAME_TOO_LARGE', `Peer announced a ${length}-byte frame; the limit is ${this.maxBytes}.`),
        );
      }
      if (this.buffered < FRAME_HEADER_BYTES + length) break;
      const bytes = this.take(FRAME_HEADER_BYTES + length).subarray(FRAME_HEADER_BYTES);
      try {
        frames.push(decoder.decode(bytes));
      } catch {
        return this.fail(new FrameError('FRAME_NOT_UTF8', 'Received a frame that is not valid UTF-8.'));
      }
    }
    return frames;
  }

  /** Bytes held waiting for the rest of a frame (for tests and diagnostics). */
  get pendingBytes(): number {
    return this.buffered;
  }

  private fail(error: FrameError): never {
    this.failed = error;
    this.chunks = [];
    this.buffered = 0;
    throw error;
  }

  private peek(n: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length >= n) return first.subarray(0, n);
    return this.collect(n, false);
  }

  private take(n: number): Uint8Array {
    const first = this.chunks[0]!;
    if (first.length === n) {
      this.chunks.shift();
      this.buffered -= n;
      return first;
    }
    if (first.length > n) {
      this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return first.subarray(0, n);
    }
    return this.collect(n, true);
  }

  private collect(n: number, consume: boolean): Uint8Array {
    const out = new Uint8Array(n);
    let offset = 0;
    let index = 0;
    while (offset < n) {
      const chunk = this.chunks[index]!;
      const want = Math.min(chunk.length, n - offset);
      out.set(chunk.subarray(0, want), offset);
      offset += want;
      if (consume) {
        if (want === chunk.length) this.chunks.shift();
        else this.chunks[0] = chunk.subarray(want);
      } else {
        index += 1;
      }
    }
    if (consume) this.buffered -= n;
    return out;
  }
}
