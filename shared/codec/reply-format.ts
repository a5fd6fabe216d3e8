// formatReply: writes reply text for every reply kind (the training switch builds its replies
// with it). Throws CodecError when the draft could not be decoded back to itself.

import { CodecError } from './errors';
import { escapeLine, formatFieldLines } from './escape';
import { formatHeader, headerProblem } from './reply-header';
import { fromSection, recordToBlocks, type Block } from './reply-records';
import {
  BLOCK_NAMES,
  CANDIDATE_CODES,
  HIT_CONFIRMATION_CODES,
  NO_RECORD_REASONS,
  PERSONS_CAVEAT,
  TRAINING_MARKER_LINE,
  UNSOLICITED_CODES,
  type HitRecord,
  type ReplyDraft,
  type ReplyField,
} from './types';
import { MAX_REPLY_CHARS, MAX_REPLY_RECORDS } from './limits';
import { candidateRecordKey } from './candidates';

/** Reply lines are wrapped between fields at this width. */
export const REPLY_LINE_WIDTH = 80;
export const ORIGINAL_MESSAGE_LINE = 'ORIGINAL MESSAGE';

const invalid = (message: string): never => {
  throw new CodecError(`Reply is invalid: ${message}`, [{ field: 'message', message }]);
};

function blockLines(b: Block): string[] {
  return [`MKE/${b.name}`, ...formatFieldLines(b.fields, REPLY_LINE_WIDTH)];
}

function caveatLine(caveat: string | undefined, records: readonly HitRecord[]): string[] {
  const text = caveat ?? (records.some((r) => r.type === 'person') ? PERSONS_CAVEAT : undefined);
  if (text === undefined) return [];
  if (typeof text !== 'string' || !text.startsWith('WARNING-')) invalid('the caveat must start with WARNING-');
  return [escapeLine(text)];
}

function recordLines(records: readonly HitRecord[]): string[] {
  if (!Array.isArray(records)) invalid('records must be a list');
  return records.flatMap((r) => recordToBlocks(r).flatMap(blockLines));
}

function messageBlock(text: string): string[] {
  if (typeof text !== 'string') invalid('message text must be text');
  // One MSG field per line of text, each on its own line.
  return [`MKE/${BLOCK_NAMES.message}`, ...text.split('\n').flatMap((value) => formatFieldLines([{ code: 'MSG', value }]))];
}

function errorBody(code: string, text: string, details: readonly string[], original: string | undefined): string[] {
  if (typeof code !== 'string' || !/^[0-9]{2}$/.test(code)) invalid('the ER code must be two digits');
  if (typeof text !== 'string' || !Array.isArray(details)) invalid('ER text and details must be text');
  const lines = [text === '' ? `.${code}.` : `.${code}. ${escapeLine(text)}`];
  for (const d of details) {
    if (typeof d !== 'string') invalid('ER details must be text');
    const line = escapeLine(d);
    // Keep a detail line from forging the ORIGINAL MESSAGE section.
    lines.push(line === ORIGINAL_MESSAGE_LINE ? `\\u004F${line.slice(1)}` : line);
  }
  if (original !== undefined) {
    if (typeof original !== 'string') invalid('the original message must be text');
    lines.push(ORIGINAL_MESSAGE_LINE, ...original.split('\n').map(escapeLine));
  }
  return lines;
}

function bodyLines(d: ReplyDraft): string[] {
  const mke = d.header.mke;
  const expect = (want: string) => {
    if (mke !== want) invalid(`a ${d.kind} reply has message key ${want}, not ${mke}`);
  };
  switch (d.kind) {
    case 'hit':
    case 'no_record':
    case 'candidates':
      if (mke === 'ER' || mke === 'YR' || mke === 'AM' || mke.startsWith('$')) invalid(`message key ${mke} is not a query reply`);
      break;
    case 'error':
      expect('ER');
      break;
    case 'hit_confirmation':
      expect('YR');
      break;
    case 'admin':
      expect('AM');
      break;
    case 'unsolicited':
      if (!(UNSOLICITED_CODES as readonly string[]).includes(d.code)) invalid(`$.${String(d.code)} is not a switch message code`);
      expect(`$.${d.code}`);
      break;
  }
  switch (d.kind) {
    case 'hit':
      if (!Array.isArray(d.records) || d.records.length === 0) invalid('a hit needs at least one record');
      return [...caveatLine(d.caveat, d.records), ...recordLines(d.records)];
    case 'no_record': {
      if (!(NO_RECORD_REASONS as readonly string[]).includes(d.reason)) invalid(`no-record reason ${String(d.reason)} is unknown`);
      const echo = fromSection({ fields: {}, extra: d.echo }, [], 'no-record echo', ['RSN']);
      return blockLines({ name: BLOCK_NAMES.noRecord, fields: [{ code: 'RSN', value: d.reason }, ...echo] });
    }
    case 'candidates':
      if (!Array.isArray(d.candidates) || d.candidates.length === 0) invalid('a candidate list needs at least one candidate');
      return d.candidates.flatMap((c) => {
        if (candidateRecordKey(c) === null) invalid('each candidate needs an FBI, SID or CII number');
        return blockLines({ name: BLOCK_NAMES.candidate, fields: fromSection(c, CANDIDATE_CODES, 'candidate') });
      });
    case 'hit_confirmation': {
      if (typeof d.confirmed !== 'boolean') invalid('confirmed must be true or false');
      const fields: ReplyField[] = [
        { code: 'CON', value: d.confirmed ? 'Y' : 'N' },
        ...fromSection(d, HIT_CONFIRMATION_CODES, 'hit confirmation', ['CON']),
      ];
      return blockLines({ name: BLOCK_NAMES.hitConfirmation, fields });
    }
    case 'admin':
      return messageBlock(d.text);
    case 'error':
      return errorBody(d.code, d.text, d.details, d.originalMessage);
    case 'unsolicited':
      return [
        ...caveatLine(d.caveat, d.records),
        ...(d.text === undefined ? [] : messageBlock(d.text)),
        ...recordLines(d.records),
      ];
    default:
      return invalid(`reply kind ${JSON.stringify((d as { kind?: unknown }).kind)} cannot be formatted`);
  }
}

/**
 * Writes a reply's text: the four header lines, the training marker when `training` is true, then the
 * body (format in types.ts). Values may hold any text; they are escaped so they cannot forge structure.
 * @throws CodecError when the draft is inconsistent or the text would exceed MAX_REPLY_CHARS.
 */
export function formatReply(draft: ReplyDraft): string {
  if (typeof draft !== 'object' || draft === null) invalid('the reply is empty');
  const problem = headerProblem(draft.header);
  if (problem) invalid(`header: ${problem}`);
  if (typeof draft.training !== 'boolean') invalid('training must be true or false');
  const body = bodyLines(draft);
  const sections = body.reduce((n, l) => (l.startsWith('MKE/') ? n + 1 : n), 0);
  if (sections > MAX_REPLY_RECORDS) invalid(`more than ${MAX_REPLY_RECORDS} record sections`);
  const lines = [...formatHeader(draft.header), ...(draft.training ? [TRAINING_MARKER_LINE] : []), ...body];
  const text = lines.join('\n');
  if (text.length > MAX_REPLY_CHARS) invalid(`the text is longer than ${MAX_REPLY_CHARS} characters`);
  return text;
}
