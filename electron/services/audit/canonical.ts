// The canonical form of a record: one line of ASCII JSON, keys in a fixed order, `hmac` last.
//
//   {"v":1,"seq":42,"prevHash":"<64 hex>","at":"2026-11-23T12:00:00.000Z","type":"inquiry.sent",…,"hmac":"<64 hex>"}
//
// - Top-level keys follow RECORD_KEY_ORDER; absent optional fields are left out (never null-filled).
//   Nested objects have their keys sorted. Arrays keep their order.
// - Every character outside printable ASCII is written as a \uXXXX escape, so a line's bytes are its
//   characters (a verifier can decode as latin1) and no Unicode normalisation can change them.
// - The body is the canonical JSON without `hmac`; it is itself valid JSON.
//   hmac = HMAC-SHA-256(key, SHA-256(body)) — the MAC of the 32 bytes of the body's hash.
// - The line is the body with `,"hmac":"<hex>"` inserted before its closing brace, so a reader recovers
//   the body by cutting the last HMAC_SUFFIX_LENGTH characters and putting the brace back.
// - The record's hash — what the next record carries as prevHash, what checkpoints sign — is SHA-256 of
//   the whole line (hmac included, newline excluded): any change to any byte of a record breaks the link
//   from the record after it.

import { sha256Hex, type RecordMac } from './mac';
import type { RecordBody } from './schema';

export const RECORD_KEY_ORDER = [
  'v',
  'seq',
  'prevHash',
  'at',
  'type',
  'ws',
  'ori',
  'operator',
  'requestor',
  'outcome',
  'reason',
  'inquiry',
  'reply',
  'target',
  'change',
  'release',
  'auditAccess',
  'confirmation',
  'journal',
] as const satisfies readonly (keyof RecordBody)[];

export const HMAC_FIELD_PREFIX = ',"hmac":"';
/** `,"hmac":"` + 64 hex + `"}` */
export const HMAC_SUFFIX_LENGTH = HMAC_FIELD_PREFIX.length + 64 + 2;
/** No record comes near this; a longer line is refused when written and treated as damage when read. */
export const MAX_LINE_BYTES = 16 * 1024;

const NON_ASCII = /[^\x20-\x7e]/g;

function escapeNonAscii(json: string): string {
  NON_ASCII.lastIndex = 0;
  if (!NON_ASCII.test(json)) return json;
  NON_ASCII.lastIndex = 0;
  return json.replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortedValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortedValue(v);
    }
    return out;
  }
  return value;
}

/** Canonical JSON of any value: sorted keys, undefined left out, ASCII only. */
export function canonicalJson(value: unknown): string {
  return escapeNonAscii(JSON.stringify(sortedValue(value)));
}

/** The body of a record: its canonical JSON without hmac. */
export function recordBodyJson(body: RecordBody): string {
  const ordered: Record<string, unknown> = {};
  for (const key of RECORD_KEY_ORDER) {
    const v = body[key];
    if (v !== undefined) ordered[key] = key === 'v' || typeof v !== 'object' || v === null ? v : sortedValue(v);
  }
  return escapeNonAscii(JSON.stringify(ordered));
}

export interface SealedLine {
  /** The line, without its newline. */
  line: string;
  /** SHA-256 of the line, hex: what the next record's prevHash must be. */
  hash: string;
  hmac: string;
}

/** Signs a body: its MAC, the line that carries it, and the line's hash. */
export function sealBody(bodyJson: string, mac: RecordMac): SealedLine {
  const hmac = mac.ofHash(sha256Hex(bodyJson));
  const line = `${bodyJson.slice(0, -1)}${HMAC_FIELD_PREFIX}${hmac}"}`;
  return { line, hash: sha256Hex(line), hmac };
}

export function sealRecord(body: RecordBody, mac: RecordMac): SealedLine {
  return sealBody(recordBodyJson(body), mac);
}

/** The body of a line (the canonical JSON without hmac), or null when the line does not end in an hmac field. */
export function bodyOfLine(line: string): string | null {
  if (line.length <= HMAC_SUFFIX_LENGTH || !line.endsWith('"}')) return null;
  const at = line.length - HMAC_SUFFIX_LENGTH;
  if (!line.startsWith(HMAC_FIELD_PREFIX, at)) return null;
  return `${line.slice(0, at)}}`;
}

/** ISO 8601 UTC with milliseconds (A3: hundredths of a second or better). */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** The UTC day of an instant as YYYYMMDD. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
}
