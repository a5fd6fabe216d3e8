// One journal line looked at on its own: is it a well-formed record, what does it claim, what is its
// hash, and (when asked) is its HMAC right. The verifier's inner loop: it allocates one string (the line,
// decoded as latin1 = its bytes) and one parse per line, and hashes the bytes in place.

import { hash } from 'node:crypto';
import { HMAC_FIELD_PREFIX, HMAC_SUFFIX_LENGTH, MAX_LINE_BYTES } from './canonical';
import type { RecordMac } from './mac';

/** One line, looked at on its own: is it a well-formed record, what does it claim, is its MAC right. */
export interface Inspected {
  wellFormed: boolean;
  /** The MAC verified (always true when the MAC was not checked: fast mode). */
  macOk: boolean;
  seq: number;
  prevHash: string;
  /** SHA-256 of the whole line. */
  hash: string;
  type: string;
  ws: string;
  journal: { file?: unknown; fileNo?: unknown; purged?: unknown } | undefined;
  /** The line as latin1 text (its bytes), for a MAC check later. */
  text: string;
}

const MALFORMED: Inspected = { wellFormed: false, macOk: false, seq: -1, prevHash: '', hash: '', type: '', ws: '', journal: undefined, text: '' };

const CLOSE_BRACE = 0x7d;

/**
 * Parses the line buf[start, end) (no newline) and hashes it; with `mac`, also checks its HMAC. The body's
 * bytes are hashed in place: the ',' that starts the hmac field is briefly replaced by '}' (the buffer is
 * the caller's own).
 */
export function inspectLine(buf: Buffer, start: number, end: number, mac: RecordMac | null): Inspected {
  const length = end - start;
  if (length <= HMAC_SUFFIX_LENGTH || length > MAX_LINE_BYTES) return MALFORMED;
  const text = buf.toString('latin1', start, end);
  const suffixAt = length - HMAC_SUFFIX_LENGTH;
  if (!text.startsWith(HMAC_FIELD_PREFIX, suffixAt) || text.charCodeAt(length - 1) !== CLOSE_BRACE) return MALFORMED;
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return MALFORMED;
  }
  if (
    obj === null ||
    typeof obj !== 'object' ||
    obj.v !== 1 ||
    typeof obj.seq !== 'number' ||
    !Number.isSafeInteger(obj.seq) ||
    obj.seq < 1 ||
    typeof obj.prevHash !== 'string' ||
    typeof obj.hmac !== 'string' ||
    typeof obj.type !== 'string' ||
    typeof obj.ws !== 'string'
  ) {
    return MALFORMED;
  }
  let macOk = true;
  if (mac) {
    const cut = start + suffixAt;
    const saved = buf[cut]!;
    buf[cut] = CLOSE_BRACE;
    const bodyHash = hash('sha256', buf.subarray(start, cut + 1), 'hex');
    buf[cut] = saved;
    macOk = mac.ofHash(bodyHash) === obj.hmac;
  }
  return {
    wellFormed: true,
    macOk,
    seq: obj.seq,
    prevHash: obj.prevHash,
    hash: hash('sha256', buf.subarray(start, end), 'hex'),
    type: obj.type,
    ws: obj.ws,
    journal: obj.journal !== null && typeof obj.journal === 'object' ? (obj.journal as Inspected['journal']) : undefined,
    text,
  };
}

/** The HMAC check of a well-formed line kept as latin1 text. */
export function macOfTextOk(text: string, mac: RecordMac): boolean {
  const suffixAt = text.length - HMAC_SUFFIX_LENGTH;
  const bodyHash = hash('sha256', Buffer.from(`${text.slice(0, suffixAt)}}`, 'latin1'), 'hex');
  return mac.ofHash(bodyHash) === text.slice(suffixAt + HMAC_FIELD_PREFIX.length, text.length - 2);
}
