// decodeReply: reply text → Reply. Never throws; anything it cannot read is `unparsed` with a
// reason. Bounded: input capped at MAX_REPLY_CHARS, lines and sections capped, single-pass parsing.
// The kind comes from the header key and the record sections present, never from free text.

import { candidateRecordKey } from './candidates';
import { UNSOLICITED_DESCRIPTIONS } from './codes';
import { parseFieldLine, unescapeText } from './escape';
import { MAX_REPLY_CHARS, MAX_REPLY_LINES, MAX_REPLY_RECORDS } from './limits';
import { ORIGINAL_MESSAGE_LINE } from './reply-format';
import { parseHeader } from './reply-header';
import { blocksToRecords, toSection, type Block } from './reply-records';
import {
  BLOCK_NAMES,
  CANDIDATE_CODES,
  HIT_CONFIRMATION_CODES,
  NO_RECORD_REASONS,
  TRAINING_MARKER_LINE,
  UNSOLICITED_CODES,
  type NoRecordReason,
  type Reply,
  type ReplyHeader,
  type UnparsedReply,
  type UnsolicitedCode,
} from './types';

const RAW_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

class Unparsed {
  constructor(readonly reason: string) {}
}

interface Ctx {
  header: ReplyHeader;
  training: boolean;
  raw: string;
}

interface Body {
  caveat?: string;
  blocks: Block[];
}

/** Caveat (only before the first section), then `MKE/<NAME>` sections of field lines. Blank lines are skipped. */
function parseBody(lines: readonly string[]): Body | Unparsed {
  const blocks: Block[] = [];
  let caveat: string | undefined;
  let current: Block | null = null;
  for (const line of lines) {
    if (line === '') continue;
    if (current === null && caveat === undefined && line.startsWith('WARNING-')) {
      const text = unescapeText(line);
      if (text === null) return new Unparsed('the caveat line holds a malformed escape');
      caveat = text;
      continue;
    }
    const fields = parseFieldLine(line);
    if (typeof fields === 'string') return new Unparsed(`a body line is not a field line: ${fields}`);
    const first = fields[0];
    if (fields.length === 1 && first?.code === 'MKE') {
      if (blocks.length >= MAX_REPLY_RECORDS) return new Unparsed(`more than ${MAX_REPLY_RECORDS} record sections`);
      current = { name: first.value, fields: [] };
      blocks.push(current);
      continue;
    }
    if (fields.some((f) => f.code === 'MKE')) return new Unparsed('a section marker shares its line with other fields');
    if (current === null) return new Unparsed('fields appear before any record section');
    for (const f of fields) current.fields.push(f);
  }
  return caveat === undefined ? { blocks } : { caveat, blocks };
}

function queryReply(ctx: Ctx, body: Body): Reply | Unparsed {
  const { blocks } = body;
  if (blocks.length === 0) return new Unparsed('the reply has no record sections');
  const names = new Set(blocks.map((b) => b.name));
  if (names.has(BLOCK_NAMES.noRecord)) {
    const block = blocks[0];
    if (blocks.length !== 1 || !block || body.caveat !== undefined) return new Unparsed('a NO RECORD section must be the only section');
    const rsn = block.fields.filter((f) => f.code === 'RSN');
    const reason = rsn[0]?.value ?? '';
    if (rsn.length !== 1 || !(NO_RECORD_REASONS as readonly string[]).includes(reason)) {
      return new Unparsed('a NO RECORD section needs exactly one known RSN reason');
    }
    return { kind: 'no_record', ...ctx, reason: reason as NoRecordReason, echo: block.fields.filter((f) => f.code !== 'RSN') };
  }
  if (names.has(BLOCK_NAMES.candidate)) {
    if (names.size !== 1 || body.caveat !== undefined) return new Unparsed('a candidate list mixes candidates with other sections');
    const candidates = blocks.map((b) => toSection(b.fields, CANDIDATE_CODES));
    if (candidates.some((c) => candidateRecordKey(c) === null)) return new Unparsed('a candidate has no FBI, SID or CII number');
    return { kind: 'candidates', ...ctx, candidates };
  }
  const records = blocksToRecords(blocks);
  if (typeof records === 'string') return new Unparsed(records);
  return body.caveat === undefined ? { kind: 'hit', ...ctx, records } : { kind: 'hit', ...ctx, caveat: body.caveat, records };
}

function messageText(block: Block): string | Unparsed {
  if (block.fields.some((f) => f.code !== 'MSG')) return new Unparsed('a MESSAGE section holds a field other than MSG');
  return block.fields.map((f) => f.value).join('\n');
}

function hitConfirmation(ctx: Ctx, body: Body): Reply | Unparsed {
  const block = body.blocks[0];
  if (body.blocks.length !== 1 || !block || block.name !== BLOCK_NAMES.hitConfirmation || body.caveat !== undefined) {
    return new Unparsed('a YR reply needs exactly one HIT CONFIRMATION section');
  }
  const con = block.fields.filter((f) => f.code === 'CON');
  const value = con[0]?.value;
  if (con.length !== 1 || (value !== 'Y' && value !== 'N')) return new Unparsed('a HIT CONFIRMATION needs exactly one CON/Y or CON/N');
  const section = toSection(block.fields.filter((f) => f.code !== 'CON'), HIT_CONFIRMATION_CODES);
  return { kind: 'hit_confirmation', ...ctx, confirmed: value === 'Y', ...section };
}

function admin(ctx: Ctx, body: Body): Reply | Unparsed {
  const block = body.blocks[0];
  if (body.blocks.length !== 1 || !block || block.name !== BLOCK_NAMES.message || body.caveat !== undefined) {
    return new Unparsed('an AM reply needs exactly one MESSAGE section');
  }
  const text = messageText(block);
  return text instanceof Unparsed ? text : { kind: 'admin', ...ctx, text };
}

function unsolicited(ctx: Ctx, code: UnsolicitedCode, body: Body): Reply | Unparsed {
  let blocks = body.blocks;
  let text: string | undefined;
  const first = blocks[0];
  if (first?.name === BLOCK_NAMES.message) {
    const t = messageText(first);
    if (t instanceof Unparsed) return t;
    text = t;
    blocks = blocks.slice(1);
  }
  const records = blocksToRecords(blocks);
  if (typeof records === 'string') return new Unparsed(records);
  return {
    kind: 'unsolicited',
    ...ctx,
    code,
    meaning: UNSOLICITED_DESCRIPTIONS[code],
    ...(body.caveat === undefined ? {} : { caveat: body.caveat }),
    ...(text === undefined ? {} : { text }),
    records,
  };
}

function errorReply(ctx: Ctx, lines: readonly string[]): Reply | Unparsed {
  const first = lines[0] ?? '';
  const m = /^\.([0-9]{2})\.(?: ([^]*))?$/.exec(first);
  if (!m) return new Unparsed('an ER reply does not start with a .NN. code line');
  const text = unescapeText(m[2] ?? '');
  if (text === null) return new Unparsed('the ER text holds a malformed escape');
  const rest = lines.slice(1);
  const split = rest.indexOf(ORIGINAL_MESSAGE_LINE);
  const details: string[] = [];
  for (const line of split < 0 ? rest : rest.slice(0, split)) {
    const d = unescapeText(line);
    if (d === null) return new Unparsed('an ER detail line holds a malformed escape');
    details.push(d);
  }
  const base = { kind: 'error' as const, ...ctx, code: m[1] ?? '', text, details };
  if (split < 0) return base;
  const original: string[] = [];
  for (const line of rest.slice(split + 1)) {
    const o = unescapeText(line);
    if (o === null) return new Unparsed('the original message holds a malformed escape');
    original.push(o);
  }
  return { ...base, originalMessage: original.join('\n') };
}

function decode(input: string, text: string): Reply | Unparsed {
  const lines = input.split('\n', MAX_REPLY_LINES + 1);
  if (lines.length > MAX_REPLY_LINES) return new Unparsed(`the reply has more than ${MAX_REPLY_LINES} lines`);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (RAW_CONTROL.test(clean)) return new Unparsed(`line ${i + 1} holds a control character`);
    lines[i] = clean;
  }
  const header = parseHeader(lines);
  if (typeof header === 'string') return new Unparsed(header);
  let body = lines.slice(4);
  const training = body[0] === TRAINING_MARKER_LINE;
  if (training) body = body.slice(1);
  const ctx: Ctx = { header, training, raw: text };
  const mke = header.mke;
  const withHeader = (r: Reply | Unparsed) => (r instanceof Unparsed ? unparsedOf(r.reason, text, header, training) : r);
  if (mke === 'ER') return withHeader(errorReply(ctx, body));
  const parsed = parseBody(body);
  if (parsed instanceof Unparsed) return unparsedOf(parsed.reason, text, header, training);
  if (mke === 'YR') return withHeader(hitConfirmation(ctx, parsed));
  if (mke === 'AM') return withHeader(admin(ctx, parsed));
  if (mke.startsWith('$')) {
    const code = mke.slice(2);
    if (!mke.startsWith('$.') || !(UNSOLICITED_CODES as readonly string[]).includes(code)) {
      return unparsedOf(`unknown switch message ${mke}`, text, header, training);
    }
    return withHeader(unsolicited(ctx, code as UnsolicitedCode, parsed));
  }
  return withHeader(queryReply(ctx, parsed));
}

function unparsedOf(reason: string, raw: string, header: ReplyHeader | undefined, training: boolean): UnparsedReply {
  return header ? { kind: 'unparsed', reason, header, training, raw } : { kind: 'unparsed', reason, training, raw };
}

/** Decodes reply text. Never throws; returns `unparsed` with a reason for anything it cannot read. */
export function decodeReply(text: string): Reply {
  if (typeof text !== 'string') return unparsedOf('the reply is not text', '', undefined, false);
  if (text.length > MAX_REPLY_CHARS) {
    return unparsedOf(`the reply is longer than ${MAX_REPLY_CHARS} characters`, text.slice(0, MAX_REPLY_CHARS), undefined, false);
  }
  try {
    const r = decode(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, text);
    return r instanceof Unparsed ? unparsedOf(r.reason, text, undefined, false) : r;
  } catch {
    return unparsedOf('the reply could not be read', text, undefined, false);
  }
}

/** Decodes reply bytes as UTF-8 (invalid sequences become U+FFFD). Never throws. */
export function decodeReplyBytes(bytes: Uint8Array): Reply {
  if (!ArrayBuffer.isView(bytes)) return unparsedOf('the reply is not bytes', '', undefined, false);
  if (bytes.length > MAX_REPLY_CHARS * 4) return unparsedOf('the reply is too long', '', undefined, false);
  try {
    return decodeReply(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  } catch {
    return unparsedOf('the reply could not be read as UTF-8', '', undefined, false);
  }
}
