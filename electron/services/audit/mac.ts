// SHA-256 and HMAC-SHA-256 for the journal, shaped for speed: verification runs over years of records.
//
// A record's hash is SHA-256 of its body (the canonical JSON of the record without `hmac`); its MAC is
// HMAC-SHA-256(key, hash) over the 32 raw bytes of that hash. HMAC is written out per RFC 2104 over
// Node's one-shot crypto.hash() with the key pads prepared once: createHmac() costs ~1.8 µs per call on
// OpenSSL 3 (provider set-up per object), this ~0.7 µs, and the result is the same bytes (the unit tests
// compare the two on random keys and messages).

import { hash } from 'node:crypto';

/** The prevHash of the first record of a journal. */
export const GENESIS_HASH = '0'.repeat(64);

export const HEX64 = /^[0-9a-f]{64}$/;

/** The shortest key accepted: 256 bits (ensureRandomKey() makes 32 random bytes). */
export const MIN_KEY_BYTES = 32;

const BLOCK = 64;

export function sha256Hex(data: string | Buffer): string {
  return hash('sha256', data, 'hex');
}

export interface RecordMac {
  /** HMAC-SHA-256 under the key of the 32 bytes whose hex is `hashHex`; lower-case hex. */
  ofHash(hashHex: string): string;
  /** HMAC-SHA-256 under the key of any bytes; lower-case hex (checkpoints). */
  of(data: string | Buffer): string;
  /** True when `key` is the key this MAC was made with. */
  sameKey(key: Buffer): boolean;
}

export function createRecordMac(key: Buffer): RecordMac {
  const own = Buffer.from(key);
  const k = own.length > BLOCK ? hash('sha256', own, 'buffer') : own;
  const ipad = Buffer.alloc(BLOCK, 0x36);
  const opad = Buffer.alloc(BLOCK, 0x5c);
  for (let i = 0; i < k.length; i++) {
    ipad[i] = ipad[i]! ^ k[i]!;
    opad[i] = opad[i]! ^ k[i]!;
  }
  // Scratch buffers: pad || 32-byte message. Single-threaded use, so one pair serves every call.
  const inner = Buffer.alloc(BLOCK + 32);
  const outer = Buffer.alloc(BLOCK + 32);
  ipad.copy(inner, 0);
  opad.copy(outer, 0);
  const ofDigest = (innerDigestBinary: string) => {
    outer.write(innerDigestBinary, BLOCK, 32, 'latin1');
    return hash('sha256', outer, 'hex');
  };
  return {
    ofHash(hashHex) {
      inner.write(hashHex, BLOCK, 32, 'hex');
      return ofDigest(hash('sha256', inner, 'binary'));
    },
    of(data) {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      return ofDigest(hash('sha256', Buffer.concat([ipad, bytes]), 'binary'));
    },
    sameKey(other) {
      return other.length === own.length && other.equals(own);
    },
  };
}
