// Pure view models of the inquiry workspace: a hit confirmation's state and countdown against the
// store's ticking clock, and one line per inquiry of the session list.
import { PRIORITY_DESCRIPTIONS, RECORD_TYPE_DESCRIPTIONS } from '../../../../shared/codec';
import type { HitConfirmationView, InquirySummary } from '../../../../shared/contract/inquiry-channels';
import { FORM_TITLES, type FormKind } from '../../../../shared/policy/inquiry-policy';
import { formatClock } from '../../state/format';

export type ConfirmationTone = 'waiting' | 'overdue' | 'confirmed' | 'not-confirmed' | 'failed';

export interface ConfirmationRow {
  id: string;
  subject: string;
  operatorId: string;
  record: string;
  priority: string;
  requestNumber: string;
  sentAt: string;
  dueAt: string;
  tone: ConfirmationTone;
  /** "Waiting · 9 min left", "OVERDUE", "Confirmed", "Not confirmed", "Failed to send". */
  status: string;
  /** The countdown or how long overdue, in words. */
  time: string;
  detail: string | null;
}

function minutesWord(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/** Time left before a confirmation is due, or how late it is; `now` is the store's clock (m:ss). */
export function countdown(dueAt: string, now: number, sentAt?: string): { overdue: boolean; text: string } {
  const due = Date.parse(dueAt);
  // The store's clock may be a tick behind a request just sent: never show more than the full time.
  const full = sentAt === undefined ? Infinity : due - Date.parse(sentAt);
  const left = Math.min(due - now, full);
  if (left <= 0) {
    const late = Math.floor(-left / 60_000);
    return { overdue: true, text: late < 1 ? 'Due now' : `${minutesWord(late)} past due` };
  }
  const seconds = Math.ceil(left / 1000);
  const m = Math.floor(seconds / 60);
  const ss = String(seconds % 60).padStart(2, '0');
  return { overdue: false, text: `${m}:${ss} left` };
}

export function describeConfirmation(c: HitConfirmationView, now: number): ConfirmationRow {
  const base = {
    id: c.id,
    subject: c.subject,
    operatorId: c.operatorId,
    record: `${RECORD_TYPE_DESCRIPTIONS[c.rty]} · NIC ${c.nic}`,
    priority: PRIORITY_DESCRIPTIONS[c.priority],
    requestNumber: c.requestNumber,
    sentAt: c.sentAt,
    dueAt: c.dueAt,
  };
  switch (c.status) {
    case 'confirmed':
      return { ...base, tone: 'confirmed', status: 'Confirmed', time: c.closedAt ? `Answered ${formatClock(c.closedAt)}` : 'Answered', detail: c.replyText };
    case 'not_confirmed':
      return { ...base, tone: 'not-confirmed', status: 'Not confirmed', time: c.closedAt ? `Answered ${formatClock(c.closedAt)}` : 'Answered', detail: c.replyText };
    case 'failed':
      return { ...base, tone: 'failed', status: 'Failed to send', time: '', detail: c.error ? `${c.error.message} (${c.error.code})` : null };
    case 'overdue':
    case 'waiting': {
      const t = countdown(c.dueAt, now, c.sentAt);
      // The main process says overdue: believe it, whatever this window's clock says.
      if (c.status === 'overdue' && !t.overdue) return { ...base, tone: 'overdue', status: 'OVERDUE', time: `Was due at ${formatClock(c.dueAt)}`, detail: null };
      const overdue = c.status === 'overdue' || t.overdue;
      return { ...base, tone: overdue ? 'overdue' : 'waiting', status: overdue ? 'OVERDUE' : 'Waiting for the answer', time: t.text, detail: null };
    }
  }
}

export interface InquiryLine {
  ref: string;
  title: string;
  subject: string;
  time: string;
  sentAt: string;
  outcome: string;
  failed: boolean;
}

const REPLY_KIND_WORDS: Record<string, string> = {
  hit: 'HIT',
  no_record: 'No record',
  candidates: 'Candidates',
  hit_confirmation: 'Hit confirmation',
  admin: 'Message',
  error: 'Switch error',
  unsolicited: 'Switch message',
  unparsed: 'Not understood',
};

export function describeInquiry(s: InquirySummary): InquiryLine {
  const title = (FORM_TITLES as Record<string, string>)[s.kind as FormKind] ?? s.messageKey;
  return {
    ref: s.ref,
    title,
    subject: s.subject,
    time: formatClock(s.sentAt),
    sentAt: s.sentAt,
    outcome: s.status === 'failed' ? 'Failed' : s.replyKind ? (REPLY_KIND_WORDS[s.replyKind] ?? s.replyKind) : 'Replied',
    failed: s.status === 'failed',
  };
}
