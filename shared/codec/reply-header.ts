// The four header lines of every reply, and the block names each record type uses.

import { isRealDate } from './dates';
import type { ReplyHeader, ReplyStamp } from './types';

export const ORI_PATTERN = /^[A-Z]{2}[A-Z0-9]{7}$/;
/** Reply message keys: `ER`, `DR`, `IW.QW`, `IH.R.QH`, `$.H`… */
export const REPLY_MKE_PATTERN = /^(?:\$|[A-Z0-9]{1,4})(?:\.[A-Z0-9]{1,4}){0,3}$/;
const TIME = /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^[0-9]{2}\/[0-9]{2}\/[0-9]{4}$/;
const SEQ = /^[0-9]{1,10}$/;

export function stampProblem(s: ReplyStamp): string | null {
  if (!TIME.test(s.time)) return `time "${s.time}" is not HH:MM`;
  if (!DATE.test(s.date) || !isRealDate(`${s.date.slice(6)}${s.date.slice(0, 2)}${s.date.slice(3, 5)}`)) {
    return `date "${s.date}" is not a real MM/DD/CCYY date`;
  }
  if (!SEQ.test(s.seq)) return `sequence number "${s.seq}" is not 1 to 10 digits`;
  return null;
}

export function headerProblem(h: ReplyHeader): string | null {
  if (!REPLY_MKE_PATTERN.test(h.mke)) return `message key "${h.mke}" is invalid`;
  if (!ORI_PATTERN.test(h.senderOri)) return 'sender ORI is not 9 characters';
  if (!ORI_PATTERN.test(h.destOri)) return 'destination ORI is not 9 characters';
  return stampProblem(h.switchStamp) ?? stampProblem(h.destStamp);
}

export function formatHeader(h: ReplyHeader): string[] {
  const st = (s: ReplyStamp) => `${s.time} ${s.date} ${s.seq}`;
  return [`${h.mke}.${h.senderOri}`, st(h.switchStamp), `${st(h.destStamp)} ${h.destOri}`, 'TXT'];
}

function parseStamp(parts: readonly string[]): ReplyStamp | null {
  const [time = '', date = '', seq = ''] = parts;
  const s = { time, date, seq };
  return stampProblem(s) === null ? s : null;
}

/** Parses the first four lines. Returns the header or a reason. */
export function parseHeader(lines: readonly string[]): ReplyHeader | string {
  if (lines.length < 4) return 'the reply is shorter than its four header lines';
  const [l1 = '', l2 = '', l3 = '', l4 = ''] = lines.slice(0, 4).map((l) => l.trimEnd());
  const dot = l1.lastIndexOf('.');
  const mke = l1.slice(0, Math.max(dot, 0));
  const senderOri = l1.slice(dot + 1);
  if (dot < 1 || !REPLY_MKE_PATTERN.test(mke) || !ORI_PATTERN.test(senderOri)) {
    return 'header line 1 is not MKE.SENDER-ORI';
  }
  const p2 = l2.split(' ');
  const switchStamp = p2.length === 3 ? parseStamp(p2) : null;
  if (!switchStamp) return 'header line 2 is not "HH:MM MM/DD/CCYY SEQ"';
  const p3 = l3.split(' ');
  const destStamp = p3.length === 4 ? parseStamp(p3) : null;
  const destOri = p3[3] ?? '';
  if (!destStamp || !ORI_PATTERN.test(destOri)) return 'header line 3 is not "HH:MM MM/DD/CCYY SEQ DEST-ORI"';
  if (l4 !== 'TXT') return 'header line 4 is not TXT';
  return { mke, senderOri, switchStamp, destStamp, destOri };
}
