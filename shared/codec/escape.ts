// Escaping of reply values and free-text lines, and the `FLD/value FLD/value` line grammar.
// The rule (also in types.ts): `\` → `\\`, `/` → `\/` (values only), a trailing space → `\u0020`,
// control characters, U+2028/2029, bidi controls, U+FEFF and lone surrogates → `\uHHHH`.
// All loops are single passes: linear in the input, no regular-expression backtracking.

import type { ReplyField } from './types';

function needsUnicodeEscape(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return true;
  if (c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

const hex4 = (c: number) => `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;

function escapeWith(s: string, slash: boolean): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch === '\\') out += '\\\\';
    else if (ch === '/' && slash) out += '\\/';
    else if (ch === ' ' && i === s.length - 1) out += '\\u0020';
    else if (needsUnicodeEscape(s, i)) out += hex4(s.charCodeAt(i));
    else out += ch;
  }
  return out;
}

/** Escapes a `FLD/value` value: the result has no line break and no unescaped slash. */
export function escapeValue(s: string): string {
  return escapeWith(s, true);
}

/** Escapes one free-text line (ER text, details, original message, caveat): slashes stay. */
export function escapeLine(s: string): string {
  return escapeWith(s, false);
}

const HEX = /^[0-9A-Fa-f]{4}$/;

/** Reverses escapeValue / escapeLine. Returns null on a malformed escape. */
export function unescapeText(s: string): string | null {
  if (!s.includes('\\')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s.charAt(i);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = s.charAt(i + 1);
    if (next === '\\' || next === '/') {
      out += next;
      i += 1;
    } else if (next === 'u' && HEX.test(s.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      return null;
    }
  }
  return out;
}

/** Field codes in replies: a letter then 1–3 letters or digits. */
export const FIELD_CODE = /^[A-Z][A-Z0-9]{1,3}$/;

const isCodeChar = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);

/** Parses one field line. Every unescaped `/` ends a field code, which must start the line or
 *  follow a space. Returns the fields, or a reason string when the line is not a field line. */
export function parseFieldLine(line: string): ReplyField[] | string {
  const fields: ReplyField[] = [];
  let code: string | null = null;
  let valueStart = 0;
  let j = 0;
  while (j < line.length) {
    const ch = line.charAt(j);
    if (ch === '\\') {
      j += 2;
      continue;
    }
    if (ch !== '/') {
      j++;
      continue;
    }
    // An unescaped slash: the code is the run of code characters before it (at most 4).
    let k = j;
    while (k > valueStart && j - k <= 4 && isCodeChar(line.charCodeAt(k - 1))) k--;
    const newCode = line.slice(k, j);
    if (!FIELD_CODE.test(newCode)) return 'a slash does not follow a field code';
    if (code === null) {
      if (k !== 0) return 'the line does not start with a field code';
    } else {
      if (k - 1 < valueStart || line.charAt(k - 1) !== ' ') return 'a field code does not follow a space';
      const value = unescapeText(line.slice(valueStart, k - 1));
      if (value === null) return 'a value holds a malformed escape';
      fields.push({ code, value });
    }
    code = newCode;
    valueStart = j + 1;
    j++;
  }
  if (code === null) return 'the line holds no field';
  const value = unescapeText(line.slice(valueStart));
  if (value === null) return 'a value holds a malformed escape';
  fields.push({ code, value });
  return fields;
}

/** Writes fields as `FLD/value` pairs separated by spaces, wrapped between pairs at `width`. */
export function formatFieldLines(fields: readonly ReplyField[], width = 80): string[] {
  const lines: string[] = [];
  let current = '';
  for (const f of fields) {
    const pair = `${f.code}/${escapeValue(f.value)}`;
    if (current === '') current = pair;
    else if (current.length + 1 + pair.length <= width) current += ` ${pair}`;
    else {
      lines.push(current);
      current = pair;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
