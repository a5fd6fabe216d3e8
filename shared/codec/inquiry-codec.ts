// Inquiry text: encodeInquiry (validates, then writes; throws CodecError on invalid input) and
// decodeInquiry (parses and validates; never throws). Format in types.ts.

import { CodecError } from './errors';
import { KIND_SPECS, MKE_TO_KIND, wireFields, type KindSpec } from './inquiry-spec';
import { validateInquiry } from './inquiry-validate';
import type { CodecOptions, ErCode, FieldError, Inquiry, InquiryDecode, InquiryFieldName } from './types';

/** Longest inquiry text decodeInquiry reads. */
export const MAX_INQUIRY_CHARS = 8192;

/**
 * Validates the inquiry and writes its message text.
 * @throws CodecError with every field problem (`errors`) when the inquiry is invalid.
 */
export function encodeInquiry(inquiry: Inquiry, options?: CodecOptions): string {
  const checked = validateInquiry(inquiry, options);
  if (!checked.ok) {
    throw new CodecError(`Inquiry is invalid: ${checked.errors.map((e) => e.message).join(' ')}`, checked.errors);
  }
  return writeInquiry(checked.value);
}

/** Writes an already validated inquiry. */
function writeInquiry(inq: Inquiry): string {
  const spec = KIND_SPECS[inq.kind];
  const rec = inq as unknown as Record<string, unknown>;
  const head = [spec.mke, inq.ori];
  if ('destinations' in inq) head.push(...inq.destinations);
  if (inq.control !== undefined) head.push(`*${inq.control}`);
  head.push('TXT');
  if (inq.kind === 'admin_message') return `${head.join('.')}\n${inq.text}`;
  const fields: string[] = [];
  for (const field of wireFields(spec)) {
    const value = rec[field.prop];
    if (typeof value === 'string' && value !== '') fields.push(`${field.code}/${value}`);
  }
  return `${head.join('.')}\n${fields.join('.')}`;
}

type Failure = Extract<InquiryDecode, { ok: false }>;
const fail = (erCode: ErCode, field: InquiryFieldName, message: string): Failure => ({
  ok: false,
  erCode,
  errors: [{ field, message }],
});

/** The ER code a switch answers a set of field problems with. */
function erCodeFor(errors: readonly FieldError[]): ErCode {
  const has = (p: (e: FieldError) => boolean) => errors.some(p);
  if (has((e) => e.field === 'kind' || e.field === 'ori' || e.field === 'control')) return '01';
  if (has((e) => e.field === 'destinations')) return '19';
  if (has((e) => e.field === 'dob')) return '05';
  if (has((e) => e.field === 'liy' && e.missing !== true)) return '10';
  if (has((e) => e.field === 'attention')) return '16';
  if (has((e) => e.missing === true)) return '14';
  return '22';
}

interface Header {
  spec: KindSpec;
  ori: string;
  destinations: string[];
  control?: string;
  /** Index where the text after `TXT` (and its line break) starts. */
  bodyStart: number;
}

/** Reads `MKE.ORI.[DEST.]...[*CTRL.]TXT`. */
function readHeader(text: string): Header | Failure {
  const tokens: string[] = [];
  let pos = 0;
  // Message key: up to 3 period-separated tokens; the longest known key wins.
  for (let i = 0; i < 3; i++) {
    const dot = text.indexOf('.', pos);
    if (dot < 0 || dot - pos > 8) break;
    tokens.push(text.slice(pos, dot));
    pos = dot + 1;
  }
  let spec: KindSpec | undefined;
  let consumed = 0;
  for (let n = tokens.length; n >= 1 && !spec; n--) {
    const kind = MKE_TO_KIND.get(tokens.slice(0, n).join('.'));
    if (kind) {
      spec = KIND_SPECS[kind];
      consumed = n;
    }
  }
  if (!spec) return fail('01', 'kind', 'The message key is not one this system sends.');
  pos = tokens.slice(0, consumed).reduce((p, t) => p + t.length + 1, 0);

  const oriEnd = text.indexOf('.', pos);
  const ori = oriEnd < 0 ? '' : text.slice(pos, oriEnd);
  if (!/^[A-Z]{2}[A-Z0-9]{7}$/.test(ori)) return fail('01', 'ori', 'The sending ORI after the message key is missing or not 9 characters.');
  pos = oriEnd + 1;

  const destinations: string[] = [];
  let control: string | undefined;
  for (let guard = 0; guard < 16; guard++) {
    const rest = text.slice(pos, pos + 16);
    if (rest.startsWith('TXT')) {
      const after = text.slice(pos + 3, pos + 5);
      if (after === '' || after.startsWith('\n')) return { spec, ori, destinations, ...(control ? { control } : {}), bodyStart: pos + 4 };
      if (after === '\r\n') return { spec, ori, destinations, ...(control ? { control } : {}), bodyStart: pos + 5 };
      if (/^TXT[A-Z]{3}\//.test(rest)) return { spec, ori, destinations, ...(control ? { control } : {}), bodyStart: pos + 3 };
    }
    const dot = text.indexOf('.', pos);
    if (dot < 0 || dot - pos > 11) break;
    const token = text.slice(pos, dot);
    pos = dot + 1;
    if (token.startsWith('*')) {
      if (control !== undefined || !/^\*[A-Z0-9]{1,10}$/.test(token)) return fail('01', 'control', 'The control field in the header is invalid.');
      control = token.slice(1);
    } else if (control !== undefined) {
      return fail('01', 'destinations', 'Destinations must come before the control field.');
    } else if (/^[A-Z]{2}$/.test(token) || /^[A-Z]{2}[A-Z0-9]{7}$/.test(token)) {
      destinations.push(token);
    } else {
      return fail('01', 'destinations', `The header part "${token.slice(0, 12)}" is not a destination.`);
    }
  }
  return fail('03', 'message', 'The message has no TXT marker after its header.');
}

/** Parses message text into a validated inquiry. Never throws. `erCode` tells a switch how to reply. */
export function decodeInquiry(text: string, options?: CodecOptions): InquiryDecode {
  try {
    return decode(text, options);
  } catch {
    return fail('22', 'message', 'The message could not be read.');
  }
}

function decode(text: string, options?: CodecOptions): InquiryDecode {
  if (typeof text !== 'string') return fail('22', 'message', 'The message is not text.');
  if (text.length > MAX_INQUIRY_CHARS) return fail('22', 'message', 'The message is too long.');
  const head = readHeader(text);
  if ('ok' in head) return head;
  const { spec } = head;
  const body = text.slice(head.bodyStart);
  const input: Record<string, unknown> = { kind: spec.kind, ori: head.ori };
  if (spec.dest !== 'none') input['destinations'] = head.destinations;
  else if (head.destinations.length > 0) return fail('19', 'destinations', 'This message key takes no destinations.');
  if (head.control !== undefined) input['control'] = head.control;

  if (spec.kind === 'admin_message') {
    input['text'] = body;
  } else {
    if (body.endsWith('.')) return fail('22', 'message', 'The message must not end with a period.');
    const byCode = new Map(wireFields(spec).map((fs) => [fs.code, fs.prop] as const));
    const seen = new Set<string>();
    for (const part of body === '' ? [] : body.split('.')) {
      const m = /^([A-Z]{3})\/([^]*)$/.exec(part);
      if (!m) return fail('22', 'message', `"${part.slice(0, 20)}" is not a field in the form FLD/value.`);
      const code = m[1] ?? '';
      const prop = byCode.get(code);
      if (!prop) return fail('22', 'message', `Field ${code} is not used in this message.`);
      if (seen.has(code)) return fail('22', 'message', `Field ${code} appears twice.`);
      seen.add(code);
      if ((m[2] ?? '') === '') return fail('14', prop, `Field ${code} is empty.`);
      input[prop] = m[2] ?? '';
    }
  }
  const checked = validateInquiry(input as unknown as Inquiry, options);
  if (!checked.ok) return { ok: false, erCode: erCodeFor(checked.errors), errors: checked.errors };
  return checked;
}
