import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameError, MAX_FRAME_BYTES } from '../../../shared/wire/frame';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('frames', () => {
  it('prefixes the UTF-8 payload with its 4-byte big-endian length', () => {
    const frame = encodeFrame('PING SEQ=1 é');
    expect(Array.from(frame.subarray(0, 4))).toEqual([0, 0, 0, 13]);
    expect(new TextDecoder().decode(frame.subarray(4))).toBe('PING SEQ=1 é');
  });

  it('refuses to encode an empty or oversize frame', () => {
    expect(() => encodeFrame('')).toThrow(FrameError);
    expect(() => encodeFrame('x'.repeat(MAX_FRAME_BYTES + 1))).toThrow(/exceeds/);
  });

  it('reassembles frames whatever the chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 200 }),
        (texts, cuts) => {
          const stream = concat(texts.map((t) => encodeFrame(t)));
          const decoder = new FrameDecoder();
          const out: string[] = [];
          let offset = 0;
          let i = 0;
          while (offset < stream.length) {
            const size = cuts[i++ % cuts.length]!;
            out.push(...decoder.push(stream.subarray(offset, offset + size)));
            offset += size;
          }
          expect(out).toEqual(texts);
          expect(decoder.pendingBytes).toBe(0);
        },
      ),
    );
  });

  it('refuses an announced length over the limit before buffering it', () => {
    const decoder = new FrameDecoder(1024);
    const header = new Uint8Array([0, 0, 4, 1]);
    expect(() => decoder.push(header)).toThrow(/1025-byte frame/);
    expect(decoder.pendingBytes).toBe(0);
    expect(() => decoder.push(encodeFrame('PING SEQ=1'))).toThrow(FrameError);
  });

  it('refuses a zero-length frame and invalid UTF-8', () => {
    expect(() => new FrameDecoder().push(new Uint8Array([0, 0, 0, 0]))).toThrow(/empty/);
    expect(() => new FrameDecoder().push(new Uint8Array([0, 0, 0, 2, 0xc3, 0x28]))).toThrow(/UTF-8/);
  });

  it('never throws anything but FrameError on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const decoder = new FrameDecoder(4096);
        try {
          decoder.push(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(FrameError);
        }
      }),
    );
  });
});
