// Session-layer messages carried in frames (docs/wire-protocol.md §3).
// A frame's text is one header line `KIND KEY=VALUE ...`, then optionally "\n" and a body
// (the CLETS message text for INQ/RPL/UNS, a human-readable reason for refusals and errors).
// The parser is strict and never throws: anything off the grammar is a ProtocolViolation.

export const PROTOCOL_VERSION = '1';

const KEY = /^[A-Z]{2,10}$/;
const VALUE = /^[A-Za-z0-9._:-]{1,64}$/;

export const MESSAGE_REF = /^[A-Z0-9][A-Z0-9-]{7,39}$/;
export const TERMINAL_MNEMONIC = /^[A-Z0-9]{4,8}$/;
export const ORI_PATTERN = /^[A-Z]{2}[A-Z0-9]{7}$/;
export const OPERATOR_ID = /^[A-Z0-9]{3,12}$/;

/** Client -> switch. */
export type ClientMessage =
  | { kind: 'LOGON'; trm: string; ori: string; opr: string; ver: string }
  | { kind: 'INQ'; ref: string; opr: string; text: string }
  | { kind: 'ACK'; ref: string }
  | { kind: 'PING'; seq: number }
  | { kind: 'LOGOFF' };

/** Switch -> client. */
export type SwitchMessage =
  | { kind: 'LOGON-OK'; session: string; training: boolean; keepaliveSeconds: number; switchName: string }
  | { kind: 'LOGON-REFUSED'; code: string; reason: string }
  | { kind: 'ACK'; ref: string }
  | { kind: 'RPL'; ref: string; training: boolean; text: string }
  | { kind: 'UNS'; seq: number; training: boolean; text: string }
  | { kind: 'PONG'; seq: number }
  | { kind: 'LOGOFF-OK' }
  | { kind: 'ERR'; code: string; reason: string };

export type Parsed<T> = { ok: true; message: T } | { ok: false; violation: string };

interface RawFrame {
  kind: string;
  fields: Map<string, string>;
  body: string | null;
}

function splitFrame(text: string): RawFrame | string {
  const newline = text.indexOf('\n');
  const head = newline === -1 ? text : text.slice(0, newline);
  const body = newline === -1 ? null : text.slice(newline + 1);
  if (head.length === 0 || head.length > 512) return 'header line missing or too long';
  const tokens = head.split(' ');
  const kind = tokens[0]!;
  if (!/^[A-Z][A-Z-]{1,15}$/.test(kind)) return `unknown frame kind`;
  const fields = new Map<string, string>();
  for (const token of tokens.slice(1)) {
    const eq = token.indexOf('=');
    if (eq <= 0) return `malformed header field`;
    const key = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (!KEY.test(key) || !VALUE.test(value)) return `malformed header field ${KEY.test(key) ? key : ''}`.trim();
    if (fields.has(key)) return `duplicate header field ${key}`;
    fields.set(key, value);
  }
  return { kind, fields, body };
}

function serialize(kind: string, fields: Record<string, string | number | boolean>, body?: string): string {
  const parts = [kind];
  for (const [key, raw] of Object.entries(fields)) {
    const value = typeof raw === 'boolean' ? (raw ? '1' : '0') : String(raw);
    if (!KEY.test(key) || !VALUE.test(value)) throw new Error(`invalid ${kind} header field ${key}`);
    parts.push(`${key}=${value}`);
  }
  const head = parts.join(' ');
  return body === undefined ? head : `${head}\n${body}`;
}

/** Reads a header field and checks it; collects the first problem. */
class FieldReader {
  problem: string | null = null;
  constructor(private readonly frame: RawFrame) {}

  str(key: string, pattern: RegExp = VALUE): string {
    const value = this.frame.fields.get(key);
    if (value === undefined) this.problem ??= `${this.frame.kind} lacks ${key}`;
    else if (!pattern.test(value)) this.problem ??= `${this.frame.kind} has an invalid ${key}`;
    return value ?? '';
  }

  int(key: string, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.str(key, /^\d{1,15}$/);
    const n = Number(value);
    if (value !== '' && n > max) this.problem ??= `${this.frame.kind} has an out-of-range ${key}`;
    return n;
  }

  flag(key: string): boolean {
    return this.str(key, /^[01]$/) === '1';
  }

  body(required: boolean): string {
    const body = this.frame.body;
    if (required && (body === null || body.length === 0)) this.problem ??= `${this.frame.kind} has no body`;
    return body ?? '';
  }

  noBody(): void {
    if (this.frame.body !== null) this.problem ??= `${this.frame.kind} must not carry a body`;
  }

  done<T>(message: T): Parsed<T> {
    return this.problem === null ? { ok: true, message } : { ok: false, violation: this.problem };
  }
}

export function encodeClientMessage(message: ClientMessage): string {
  switch (message.kind) {
    case 'LOGON':
      return serialize('LOGON', { TRM: message.trm, ORI: message.ori, OPR: message.opr, VER: message.ver });
    case 'INQ':
      return serialize('INQ', { REF: message.ref, OPR: message.opr }, message.text);
    case 'ACK':
      return serialize('ACK', { REF: message.ref });
    case 'PING':
      return serialize('PING', { SEQ: message.seq });
    case 'LOGOFF':
      return serialize('LOGOFF', {});
  }
}

export function parseClientMessage(text: string): Parsed<ClientMessage> {
  const frame = splitFrame(text);
  if (typeof frame === 'string') return { ok: false, violation: frame };
  const r = new FieldReader(frame);
  switch (frame.kind) {
    case 'LOGON': {
      const message = {
        kind: 'LOGON' as const,
        trm: r.str('TRM', TERMINAL_MNEMONIC),
        ori: r.str('ORI', ORI_PATTERN),
        opr: r.str('OPR', OPERATOR_ID),
        ver: r.str('VER'),
      };
      r.noBody();
      return r.done(message);
    }
    case 'INQ':
      return r.done({ kind: 'INQ', ref: r.str('REF', MESSAGE_REF), opr: r.str('OPR', OPERATOR_ID), text: r.body(true) });
    case 'ACK':
      r.noBody();
      return r.done({ kind: 'ACK', ref: r.str('REF', MESSAGE_REF) });
    case 'PING':
      r.noBody();
      return r.done({ kind: 'PING', seq: r.int('SEQ') });
    case 'LOGOFF':
      r.noBody();
      return r.done({ kind: 'LOGOFF' });
    default:
      return { ok: false, violation: `unknown client frame kind ${frame.kind}` };
  }
}

export function encodeSwitchMessage(message: SwitchMessage): string {
  switch (message.kind) {
    case 'LOGON-OK':
      return serialize('LOGON-OK', {
        SES: message.session,
        TRAINING: message.training,
        KEEPALIVE: message.keepaliveSeconds,
        SWITCH: message.switchName,
      });
    case 'LOGON-REFUSED':
      return serialize('LOGON-REFUSED', { CODE: message.code }, message.reason);
    case 'ACK':
      return serialize('ACK', { REF: message.ref });
    case 'RPL':
      return serialize('RPL', { REF: message.ref, TRAINING: message.training }, message.text);
    case 'UNS':
      return serialize('UNS', { SEQ: message.seq, TRAINING: message.training }, message.text);
    case 'PONG':
      return serialize('PONG', { SEQ: message.seq });
    case 'LOGOFF-OK':
      return serialize('LOGOFF-OK', {});
    case 'ERR':
      return serialize('ERR', { CODE: message.code }, message.reason);
  }
}

export function parseSwitchMessage(text: string): Parsed<SwitchMessage> {
  const frame = splitFrame(text);
  if (typeof frame === 'string') return { ok: false, violation: frame };
  const r = new FieldReader(frame);
  switch (frame.kind) {
    case 'LOGON-OK': {
      const message = {
        kind: 'LOGON-OK' as const,
        session: r.str('SES'),
        training: r.flag('TRAINING'),
        keepaliveSeconds: r.int('KEEPALIVE', 3600),
        switchName: r.str('SWITCH'),
      };
      r.noBody();
      return r.done(message);
    }
    case 'LOGON-REFUSED':
      return r.done({ kind: 'LOGON-REFUSED', code: r.str('CODE'), reason: r.body(false) });
    case 'ACK':
      r.noBody();
      return r.done({ kind: 'ACK', ref: r.str('REF', MESSAGE_REF) });
    case 'RPL':
      return r.done({ kind: 'RPL', ref: r.str('REF', MESSAGE_REF), training: r.flag('TRAINING'), text: r.body(true) });
    case 'UNS':
      return r.done({ kind: 'UNS', seq: r.int('SEQ'), training: r.flag('TRAINING'), text: r.body(true) });
    case 'PONG':
      r.noBody();
      return r.done({ kind: 'PONG', seq: r.int('SEQ') });
    case 'LOGOFF-OK':
      r.noBody();
      return r.done({ kind: 'LOGOFF-OK' });
    case 'ERR':
      return r.done({ kind: 'ERR', code: r.str('CODE'), reason: r.body(false) });
    default:
      return { ok: false, violation: `unknown switch frame kind ${frame.kind}` };
  }
}
