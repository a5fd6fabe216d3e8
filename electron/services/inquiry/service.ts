// The inquiry service (issue #5, requirements Q1–Q8, A1/A5): every inquiry is decided again here, whatever
// the renderer showed — the role per kind, the need to know (purpose, right-to-know reference, requestor on
// the roster, agency action), the codec's field rules — and recorded in the audit trail BEFORE it goes out.
// A refusal is recorded too. The reply is decoded from structure, a confidential DMV address is withheld
// unless the operator's role may see it (VC 1808.4), and the return is kept for this session only.
// Hit confirmations (YQ) are tracked to their YR or flagged overdue to the operator and supervisors (Q7).
import { KIND_SPECS } from '../../../shared/codec/inquiry-spec';
import {
  dateToCcyymmdd,
  decodeReply,
  encodeInquiry,
  formatReply,
  INQUIRY_MKE,
  validateInquiry,
  type HitReply,
  type HitRecord,
  type Inquiry,
  type InquiryKind,
  type RecordTypeCode,
  type Reply,
} from '../../../shared/codec';
import type {
  HitConfirmationView,
  InquiryPolicyView,
  InquiryRequest,
  InquiryResult,
  InquirySummary,
  NeedToKnowInput,
  ReplyView,
} from '../../../shared/contract/inquiry-channels';
import type { Role } from '../../../shared/contract/roles';
import {
  checkNeedToKnow,
  DEFAULT_INQUIRY_POLICY,
  FORM_KINDS,
  hasOtherRequestor,
  isHistoryKind,
  mayInquire,
  normalizeReference,
  type InquiryPolicy,
} from '../../../shared/policy/inquiry-policy';
import { subjectKeysOf, subjectLineOf } from '../../../shared/policy/inquiry-subject';
import { OPERATOR_ID } from '../../../shared/wire/protocol';
import { MESSAGE_KEY, type AuditEvent } from '../audit/schema';
import type { Clock, TimerHandle } from '../clock';
import { AppError, isAppError } from '../errors';
import type { CletsLink } from '../link';
import type { Logger } from '../log';
import { auditRefusal } from '../session/audit';
import type { HitConfirmationStatus, HitConfirmationStore } from '../store/hit-confirmations';
import type { Operator } from '../store/roster';

/** The text that replaces a confidential DMV address for a role that may not see it (VC 1808.4). */
export const WITHHELD_ADDRESS = 'WITHHELD - VC 1808.4';
/** Returns kept per session (newest first); older ones drop off. */
export const MAX_SESSION_RETURNS = 200;
/** Q7: an urgent request is answered within 10 minutes, a routine one within an hour. */
export const CONFIRMATION_DUE_MS = { U: 10 * 60_000, R: 60 * 60_000 } as const;

export interface InquiryCaller {
  operatorId: string;
  roles: readonly Role[];
}

export interface InquiryAudit {
  /** Resolves once the record is durable; rejects (AUDIT_*) when it is not. */
  record(event: AuditEvent): Promise<void>;
}

export interface InquiryServiceDeps {
  link: Pick<CletsLink, 'send' | 'nextRef'>;
  audit: InquiryAudit;
  roster: { getOperator(operatorId: string): Promise<Operator | null> };
  hitConfirmations: HitConfirmationStore;
  /** Sent/due times, the overdue timers and today's date for the codec and the roster checks. */
  clock: Clock;
  workstation: { ori: string; id: string };
  /** The agency's rules (default DEFAULT_INQUIRY_POLICY); read at every call. */
  policy?: () => InquiryPolicy;
  logger: Logger;
  /** A hit confirmation of the operator signed on now changed (the app emits `inquiry.hitConfirmation`). */
  emit(view: HitConfirmationView): void;
  /** The operator signed on now (events about another operator's requests are not sent to this one). */
  currentOperator(): string | null;
}

export interface InquiryService {
  policyView(caller: InquiryCaller): InquiryPolicyView;
  send(request: InquiryRequest, caller: InquiryCaller): Promise<InquiryResult>;
  list(caller: InquiryCaller): InquirySummary[];
  open(ref: string, caller: InquiryCaller): Promise<InquiryResult>;
  confirmHit(request: { hitRef: string; recordIndex: number; priority: 'U' | 'R'; requestNumber?: '1' | '2' | '3' | undefined }, caller: InquiryCaller): Promise<HitConfirmationView>;
  hitConfirmations(caller: InquiryCaller): HitConfirmationView[];
  overdueConfirmations(): Promise<HitConfirmationView[]>;
  /**
   * A criminal history return (a rap sheet) of this operator's session, for a CORI release (issue #6):
   * the text as the operator saw it and its subject line; null when there is none under that reference.
   */
  criminalHistory(ref: string, operatorId: string): { text: string; subject: string } | null;
  /** An unsolicited message: true when it was a YR this service was waiting for (not for the message board). */
  handleUnsolicited(text: string): boolean;
  /** The operator's session ended: forget the returns, stop showing the requests (timers and store go on). */
  endSession(operatorId: string): void;
  /**
   * After a restart: this workstation's requests still waiting in the agency store get their overdue timers
   * again (they are no operator's session any more: only the store row and the audit record change).
   */
  resumeWaiting(): Promise<number>;
  /** Stops the overdue timers. */
  close(): void;
}

interface Problem {
  code: string;
  message: string;
}

interface SessionEntry {
  result: InquiryResult;
  /** The decoded reply as received (hit records for a confirmation request). */
  decoded: Reply | null;
}

interface Confirmation {
  view: HitConfirmationView;
  /** Shown in the operator's list until their session ends. */
  visible: boolean;
  timer: TimerHandle | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Local calendar day 'YYYY-MM-DD' (the roster's certification dates). */
function localDay(ms: number): string {
  const d = dateToCcyymmdd(new Date(ms));
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
}

function refusalError(problems: readonly Problem[]): AppError {
  const message = problems
    .map((p) => p.message)
    .join('\n')
    .slice(0, 2000);
  return new AppError(problems[0]?.code ?? 'INQUIRY_REFUSED', message);
}

/** The need to know as recorded: reference normalized, requestor only when another employee. */
function normalizeNeedToKnow(ntk: NeedToKnowInput, operatorId: string): NeedToKnowInput {
  const reference = normalizeReference(ntk.reference);
  const requestor = ntk.requestor?.trim().toUpperCase() ?? '';
  const other = hasOtherRequestor({ requestor }, operatorId);
  const action = ntk.agencyAction?.trim().replace(/\s+/g, ' ') ?? '';
  return {
    ...(ntk.purpose !== undefined ? { purpose: ntk.purpose } : {}),
    requestPurpose: ntk.requestPurpose,
    reference,
    ...(other ? { requestor, requestorVerified: ntk.requestorVerified === true } : {}),
    jurisdiction: ntk.jurisdiction,
    ...(action !== '' ? { agencyAction: action } : {}),
  };
}

/** A licence or registration record with a confidential address (CNF/Y, or an ADR saying so). */
function isConfidential(record: HitRecord): boolean {
  if (record.type !== 'licence' && record.type !== 'registration') return false;
  const cnf = record.extra.some((f) => f.code === 'CNF' && f.value.trim().toUpperCase() === 'Y');
  return cnf || (record.fields.ADR ?? '').trim().toUpperCase().startsWith('CONFIDENTIAL');
}

function withholdAddresses(reply: HitReply): HitReply {
  return {
    ...reply,
    records: reply.records.map((record) => {
      if (!isConfidential(record) || (record.type !== 'licence' && record.type !== 'registration')) return record;
      const extra = record.extra.map((f) => (f.code === 'MAD' ? { ...f, value: WITHHELD_ADDRESS } : f));
      if (record.type === 'licence') return { ...record, fields: { ...record.fields, ADR: WITHHELD_ADDRESS }, extra };
      return { ...record, fields: { ...record.fields, ADR: WITHHELD_ADDRESS }, extra };
    }),
  };
}

/** The record type letter of a hit record for a YQ, or null when it cannot be confirmed. */
export function recordTypeOf(record: HitRecord): RecordTypeCode | null {
  if (record.type === 'person') {
    if (record.category === 'WANTED PERSON') return 'W';
    if (record.category === 'MISSING PERSON') return 'M';
    if (record.category === 'PROTECTION ORDER') return 'P';
    return null;
  }
  if (record.type === 'vehicle') {
    if (record.category === 'STOLEN PLATE') return 'L';
    return 'V';
  }
  return null;
}

function recordsOf(reply: Reply): number | undefined {
  switch (reply.kind) {
    case 'hit':
      return reply.records.length;
    case 'candidates':
      return reply.candidates.length;
    case 'no_record':
      return 0;
    default:
      return undefined;
  }
}

export function createInquiryService(deps: InquiryServiceDeps): InquiryService {
  const { link, audit, roster, clock, workstation, logger } = deps;
  const policyOf = deps.policy ?? (() => DEFAULT_INQUIRY_POLICY);
  /** This workstation's sessions' returns, per operator, newest first. */
  const sessions = new Map<string, SessionEntry[]>();
  /** Hit confirmation requests sent from this workstation, by YQ reference. */
  const confirmations = new Map<string, Confirmation>();

  /** Bumped when an operator's session ends: a reply arriving after that is not kept for the next session. */
  const generations = new Map<string, number>();
  const generationOf = (operatorId: string) => generations.get(operatorId) ?? 0;

  const entriesOf = (operatorId: string): SessionEntry[] => {
    let list = sessions.get(operatorId);
    if (!list) {
      list = [];
      sessions.set(operatorId, list);
    }
    return list;
  };

  const keep = (operatorId: string, generation: number, entry: SessionEntry) => {
    if (generationOf(operatorId) !== generation) return;
    const list = entriesOf(operatorId);
    list.unshift(entry);
    if (list.length > MAX_SESSION_RETURNS) list.length = MAX_SESSION_RETURNS;
  };

  const bestEffort = (event: AuditEvent, what: string) =>
    audit.record(event).catch((error: unknown) => logger.error(`the ${what} could not be recorded in the audit trail`, { error }));

  /** The `inquiry` block of an audit record. */
  function inquiryFields(kind: InquiryKind, request: InquiryRequest, ntk: NeedToKnowInput, messageRef?: string): NonNullable<AuditEvent['inquiry']> {
    const destinations = (request.destinations ?? []).map((d) => d.trim().toUpperCase());
    return {
      messageKey: INQUIRY_MKE[kind],
      ...(messageRef !== undefined ? { messageRef } : {}),
      jurisdiction: ntk.jurisdiction,
      ...(ntk.agencyAction !== undefined ? { agencyAction: ntk.agencyAction.slice(0, 200) } : {}),
      ...(ntk.requestor !== undefined ? { requestorVerified: ntk.requestorVerified === true } : {}),
      ...(request.followUpOf !== undefined ? { followUpOf: request.followUpOf } : {}),
      ...(ntk.purpose !== undefined ? { purpose: ntk.purpose } : {}),
      requestPurpose: ntk.requestPurpose,
      ...(ntk.reference !== '' ? { rightToKnow: ntk.reference.slice(0, 60) } : {}),
      ...(destinations.length > 0 && destinations.every((d) => /^[A-Z0-9]{2,9}$/.test(d)) ? { destinations } : {}),
      subjectKeys: subjectKeysOf(request.fields),
    };
  }

  async function refuse(problems: Problem[], kind: InquiryKind, request: InquiryRequest, ntk: NeedToKnowInput, operatorId: string): Promise<never> {
    const first = problems[0]!;
    try {
      await audit.record({
        type: 'inquiry.sent',
        operator: operatorId,
        ...(ntk.requestor !== undefined ? { requestor: ntk.requestor } : {}),
        outcome: 'refused',
        reason: first.code.slice(0, 200),
        inquiry: inquiryFields(kind, request, ntk),
      });
    } catch (error) {
      throw auditRefusal(error);
    }
    throw refusalError(problems);
  }

  async function requestorProblems(requestor: string, today: string): Promise<Problem[]> {
    const unknown = { code: 'REQUESTOR_UNKNOWN', message: `The requestor ${requestor.slice(0, 12)} is not on this agency's roster: only an employee on the roster may ask for an inquiry.` };
    if (!OPERATOR_ID.test(requestor)) return [unknown];
    const employee = await roster.getOperator(requestor);
    if (employee === null || employee.disabledAt !== null) return [unknown];
    const problems: Problem[] = [];
    if (employee.certifiedUntil === null || employee.certifiedUntil < today) {
      problems.push({ code: 'REQUESTOR_NOT_CERTIFIED', message: `The requestor ${requestor} has no current CLETS certification, so they may not receive CLETS information.` });
    }
    if (employee.statementSignedOn === null) {
      problems.push({ code: 'REQUESTOR_NO_STATEMENT', message: `The requestor ${requestor} has not signed the Employee/Volunteer Statement form, so they may not receive CLETS information.` });
    }
    return problems;
  }

  function summaryOf(result: InquiryResult): InquirySummary {
    const { ref, kind, messageKey, subject, sentAt, repliedAt, status, replyKind } = result;
    return { ref, kind, messageKey, subject, sentAt, repliedAt, status, replyKind };
  }

  // --- hit confirmations --------------------------------------------------------------------------

  async function persistStatus(id: string, status: HitConfirmationStatus, closedAt: number | null) {
    try {
      await deps.hitConfirmations.setStatus(id, status, closedAt);
    } catch (error) {
      logger.error('the hit confirmation request could not be updated in the agency store', { id, status, error });
    }
  }

  function changed(c: Confirmation) {
    if (c.visible && deps.currentOperator() === c.view.operatorId) deps.emit({ ...c.view });
  }

  function close(c: Confirmation, status: 'confirmed' | 'not_confirmed' | 'failed', replyText: string | null, error: { code: string; message: string } | null) {
    if (c.timer) clock.clearTimeout(c.timer);
    c.timer = null;
    const closedAt = clock.now();
    c.view = { ...c.view, status, closedAt: iso(closedAt), replyText, error };
    void persistStatus(c.view.id, status, closedAt);
    changed(c);
    if (!c.visible) confirmations.delete(c.view.id);
  }

  function overdue(c: Confirmation) {
    c.timer = null;
    if (c.view.status !== 'waiting') return;
    c.view = { ...c.view, status: 'overdue' };
    void bestEffort(
      {
        type: 'confirmation.overdue',
        operator: c.view.operatorId,
        outcome: 'failure',
        reason: 'CONFIRMATION_OVERDUE',
        confirmation: { messageRef: c.view.id, hitRef: c.view.hitRef, nic: c.view.nic, priority: c.view.priority, dueAt: c.view.dueAt },
      },
      'overdue hit confirmation',
    );
    void persistStatus(c.view.id, 'overdue', null);
    changed(c);
  }

  /** A YR (as the reply or unsolicited): closes the request it answers. */
  function answerConfirmation(c: Confirmation, reply: Extract<Reply, { kind: 'hit_confirmation' }>) {
    void bestEffort(
      {
        type: 'reply.received',
        operator: c.view.operatorId,
        outcome: 'success',
        reply: { messageRef: c.view.id, messageKey: 'YR', records: 1, training: reply.training },
      },
      'hit confirmation reply',
    );
    close(c, reply.confirmed ? 'confirmed' : 'not_confirmed', reply.raw, null);
  }

  return {
    policyView(caller) {
      const policy = policyOf();
      return {
        kinds: FORM_KINDS.filter((kind) => mayInquire(kind, caller.roles)),
        referenceFormats: policy.referenceFormats.map((f) => ({ label: f.label, mask: f.mask })),
        dmvReferenceRequired: policy.dmvReferenceRequired,
        ori: workstation.ori,
      };
    },

    async send(request, caller) {
      const operatorId = caller.operatorId;
      const generation = generationOf(operatorId);
      const kind: InquiryKind = request.kind;
      const policy = policyOf();
      const now = clock.now();
      const today = dateToCcyymmdd(new Date(now));

      // A record request from a candidate list carries the need to know of the search it follows.
      let ntk = normalizeNeedToKnow(request.needToKnow, operatorId);
      if (request.followUpOf !== undefined) {
        const original = entriesOf(operatorId).find((e) => e.result.ref === request.followUpOf);
        if (!original || original.result.reply?.kind !== 'candidates') {
          await refuse([{ code: 'FOLLOW_UP_UNKNOWN', message: 'A record request follows a candidate list of this session: that list is not here any more. Search again.' }], kind, request, ntk, operatorId);
        }
        ntk = original!.result.needToKnow;
      }

      // Only the fields of this form: a field another form takes (a name on a plate inquiry) would be recorded
      // as a subject key of an inquiry that never asked for it.
      const allowed = new Set<string>(KIND_SPECS[kind].fields.map((f) => f.prop));
      const stray = Object.entries(request.fields)
        .filter(([name, value]) => !allowed.has(name) && value.trim() !== '')
        .map(([name]) => name.toUpperCase());
      if (stray.length > 0) {
        await refuse([{ code: 'FIELD_NOT_IN_FORM', message: `${INQUIRY_MKE[kind]} does not take ${stray.join(', ')}: send it with the form it belongs to.` }], kind, request, ntk, operatorId);
      }

      if (!mayInquire(kind, caller.roles)) {
        await refuse([{ code: 'ROLE_REQUIRED', message: 'Your role does not allow this inquiry.' }], kind, request, ntk, operatorId);
      }
      const problems: Problem[] = checkNeedToKnow(kind, ntk, policy, operatorId).map((p) => ({ code: p.code, message: p.message }));
      if (ntk.requestor !== undefined) problems.push(...(await requestorProblems(ntk.requestor, localDay(now))));

      const attention = `${ntk.requestor ?? operatorId} ${ntk.reference}`.trim().slice(0, 30);
      const draft = {
        kind,
        ori: workstation.ori,
        ...request.fields,
        ...(request.destinations !== undefined ? { destinations: request.destinations.map((d) => d.trim().toUpperCase()) } : {}),
        ...(ntk.purpose !== undefined ? { purpose: ntk.purpose } : {}),
        requestPurpose: ntk.requestPurpose,
        attention,
      } as unknown as Inquiry;
      const validation = validateInquiry(draft, { today });
      if (!validation.ok) {
        // The need-to-know problems say it better than the codec's (purpose, attention): theirs first.
        const fields = new Set(['purpose', 'attention', 'requestPurpose', 'ori']);
        for (const e of validation.errors) if (!fields.has(e.field) || problems.length === 0) problems.push({ code: 'INQUIRY_INVALID', message: e.message });
      }
      if (problems.length > 0 || !validation.ok) await refuse(problems.length > 0 ? problems : [{ code: 'INQUIRY_INVALID', message: 'The inquiry is not valid.' }], kind, request, ntk, operatorId);
      const inquiry = (validation as Extract<typeof validation, { ok: true }>).value;

      // The record first, durable; then the send with the same reference.
      const ref = link.nextRef();
      const sentFields = inquiryFields(kind, request, ntk, ref);
      try {
        await audit.record({
          type: 'inquiry.sent',
          operator: operatorId,
          ...(ntk.requestor !== undefined ? { requestor: ntk.requestor } : {}),
          outcome: 'success',
          inquiry: sentFields,
        });
      } catch (error) {
        throw auditRefusal(error);
      }

      const base = {
        ref,
        kind,
        messageKey: INQUIRY_MKE[kind],
        subject: subjectLineOf(request.fields),
        needToKnow: ntk,
      };
      let linkReply;
      try {
        linkReply = await link.send(encodeInquiry(inquiry, { today }), { operator: operatorId, ref });
      } catch (error) {
        const code = isAppError(error) || (error as { code?: unknown })?.code ? String((error as { code: unknown }).code).slice(0, 64) : 'INQUIRY_FAILED';
        const message = error instanceof Error ? error.message.slice(0, 500) : 'The inquiry could not be sent.';
        void bestEffort({ type: 'inquiry.failed', operator: operatorId, outcome: 'failure', reason: code, inquiry: sentFields }, 'failed inquiry');
        const result: InquiryResult = { ...base, sentAt: iso(clock.now()), repliedAt: null, status: 'failed', replyKind: null, reply: null, error: { code, message } };
        keep(operatorId, generation, { result, decoded: null });
        return result;
      }

      const decoded = decodeReply(linkReply.text);
      const mke = decoded.header?.mke;
      const records = recordsOf(decoded);
      let view: ReplyView;
      const mayseeAddress = caller.roles.some((role) => policy.confidentialAddressRoles.includes(role));
      if (!mayseeAddress && decoded.kind === 'hit' && decoded.records.some(isConfidential)) {
        const { raw: _raw, ...rest } = withholdAddresses(decoded);
        let text: string;
        try {
          text = formatReply(rest);
        } catch (error) {
          logger.error('a reply with a confidential address could not be re-written without it', { error });
          text = `The reply held a confidential DMV address (VC 1808.4) and could not be shown without it. Reference ${ref}.`;
        }
        view = { kind: decoded.kind, text, training: linkReply.training, withheld: true };
      } else if (!mayseeAddress && decoded.kind === 'unparsed' && /(^|\s)CNF\/Y(\s|$)/m.test(linkReply.text)) {
        view = { kind: 'unparsed', text: `The reply could not be read and may hold a confidential DMV address (VC 1808.4): it is not shown. Reference ${ref}.`, training: linkReply.training, withheld: true };
      } else {
        view = { kind: decoded.kind, text: linkReply.text, training: linkReply.training, withheld: false };
      }
      const result: InquiryResult = {
        ...base,
        sentAt: linkReply.sentAt,
        repliedAt: linkReply.repliedAt,
        status: 'replied',
        replyKind: decoded.kind,
        reply: view,
        error: null,
      };
      keep(operatorId, generation, { result, decoded });
      try {
        await audit.record({
          type: 'reply.received',
          operator: operatorId,
          outcome: 'success',
          reply: {
            messageRef: ref,
            ...(mke !== undefined && MESSAGE_KEY.test(mke) ? { messageKey: mke } : {}),
            ...(records !== undefined ? { records: Math.min(records, 10_000) } : {}),
            training: linkReply.training,
          },
        });
      } catch (error) {
        // The reply is kept: opening it again records the view first.
        throw auditRefusal(error);
      }
      return result;
    },

    list(caller) {
      return (sessions.get(caller.operatorId) ?? []).map((e) => summaryOf(e.result));
    },

    async open(ref, caller) {
      const entry = (sessions.get(caller.operatorId) ?? []).find((e) => e.result.ref === ref);
      if (!entry) throw new AppError('NOT_FOUND', 'That inquiry is not among this session’s returns.');
      try {
        await audit.record({ type: 'record.viewed', operator: caller.operatorId, outcome: 'success', target: { messageRef: ref } });
      } catch (error) {
        throw auditRefusal(error);
      }
      return entry.result;
    },

    async confirmHit(request, caller) {
      const operatorId = caller.operatorId;
      const generation = generationOf(operatorId);
      if (!mayInquire('hit_confirmation_request', caller.roles)) throw new AppError('ROLE_REQUIRED', 'Your role does not allow a hit confirmation request.');
      const entry = (sessions.get(operatorId) ?? []).find((e) => e.result.ref === request.hitRef);
      if (!entry) throw new AppError('NOT_FOUND', 'That inquiry is not among this session’s returns.');
      const decoded = entry.decoded;
      const record = decoded?.kind === 'hit' ? decoded.records[request.recordIndex] : undefined;
      if (!record || (record.type !== 'person' && record.type !== 'vehicle')) {
        throw new AppError('NOT_CONFIRMABLE', 'Only a person or vehicle hit (a want, missing person, protection order or stolen vehicle) can be confirmed.');
      }
      const rty = recordTypeOf(record);
      const nic = record.fields.NIC ?? '';
      const oca = record.fields.OCA ?? '';
      const destination = record.fields.ORI ?? '';
      if (rty === null || !/^[A-Z][0-9]{9}$/.test(nic) || oca === '' || !/^[A-Z]{2}[A-Z0-9]{7}$/.test(destination)) {
        throw new AppError('NOT_CONFIRMABLE', 'This record has no NIC, OCA or ORI to confirm it with the agency that holds it.');
      }
      const now = clock.now();
      const today = dateToCcyymmdd(new Date(now));
      const requestNumber = request.requestNumber ?? '1';
      const validation = validateInquiry(
        { kind: 'hit_confirmation_request', ori: workstation.ori, destinations: [destination], rty, rno: requestNumber, pri: request.priority, oca, nic, attention: operatorId },
        { today },
      );
      if (!validation.ok) throw new AppError('INQUIRY_INVALID', validation.errors.map((e) => e.message).join('\n').slice(0, 2000));

      const ref = link.nextRef();
      const dueAt = now + CONFIRMATION_DUE_MS[request.priority];
      const subjectFields = record.type === 'person' ? { nam: record.fields.NAM, dob: record.fields.DOB } : { lic: record.fields.LIC, lis: record.fields.LIS, vin: record.fields.VIN };
      const subject = subjectLineOf(subjectFields);
      try {
        await audit.record({
          type: 'inquiry.sent',
          operator: operatorId,
          outcome: 'success',
          inquiry: { messageKey: 'YQ', messageRef: ref, destinations: [destination], followUpOf: request.hitRef, subjectKeys: subjectKeysOf(subjectFields) },
          confirmation: { messageRef: ref, hitRef: request.hitRef, nic, priority: request.priority, dueAt: iso(dueAt) },
        });
      } catch (error) {
        throw auditRefusal(error);
      }

      const c: Confirmation = {
        view: {
          id: ref,
          hitRef: request.hitRef,
          recordIndex: request.recordIndex,
          operatorId,
          subject,
          rty,
          nic,
          oca: oca.slice(0, 20),
          destination,
          priority: request.priority,
          requestNumber,
          sentAt: iso(now),
          dueAt: iso(dueAt),
          status: 'waiting',
          closedAt: null,
          replyText: null,
          error: null,
        },
        visible: generationOf(operatorId) === generation,
        timer: null,
      };
      confirmations.set(ref, c);
      c.timer = clock.setTimeout(() => overdue(c), dueAt - now);
      try {
        // The agency store's row is the view as sent, with this workstation and epoch times.
        const { sentAt: _sentAt, dueAt: _dueAt, closedAt: _closedAt, replyText: _replyText, error: _error, ...row } = c.view;
        await deps.hitConfirmations.insert({ ...row, workstationId: workstation.id, sentAt: now, dueAt, closedAt: null });
      } catch (error) {
        logger.error('the hit confirmation request could not be written to the agency store', { id: ref, error });
      }
      changed(c);

      try {
        const reply = await link.send(encodeInquiry(validation.value, { today }), { operator: operatorId, ref });
        const yr = decodeReply(reply.text);
        if (yr.kind === 'hit_confirmation') {
          answerConfirmation(c, yr);
        } else {
          void bestEffort(
            {
              type: 'reply.received',
              operator: operatorId,
              outcome: 'success',
              reply: { messageRef: ref, ...(yr.header && MESSAGE_KEY.test(yr.header.mke) ? { messageKey: yr.header.mke } : {}), training: reply.training },
            },
            'hit confirmation acknowledgement',
          );
          if (yr.kind === 'error' || yr.kind === 'unparsed') {
            close(c, 'failed', null, { code: 'CONFIRMATION_REFUSED', message: yr.kind === 'error' ? `The switch refused the request: ${yr.text}`.slice(0, 500) : 'The switch’s answer could not be read.' });
          }
        }
      } catch (error) {
        const code = (error as { code?: unknown })?.code ? String((error as { code: unknown }).code).slice(0, 64) : 'INQUIRY_FAILED';
        const message = error instanceof Error ? error.message.slice(0, 500) : 'The request could not be sent.';
        void bestEffort(
          {
            type: 'inquiry.failed',
            operator: operatorId,
            outcome: 'failure',
            reason: code,
            inquiry: { messageKey: 'YQ', messageRef: ref, destinations: [destination], subjectKeys: subjectKeysOf(subjectFields) },
          },
          'failed hit confirmation request',
        );
        close(c, 'failed', null, { code, message });
      }
      return { ...c.view };
    },

    hitConfirmations(caller) {
      return [...confirmations.values()]
        .filter((c) => c.visible && c.view.operatorId === caller.operatorId)
        .map((c) => ({ ...c.view }))
        .reverse()
        .slice(0, 200);
    },

    async overdueConfirmations() {
      const rows = await deps.hitConfirmations.listOverdue(500);
      return rows.map((r) => ({
        id: r.id,
        hitRef: r.hitRef,
        recordIndex: r.recordIndex,
        operatorId: r.operatorId,
        subject: r.subject,
        rty: r.rty as RecordTypeCode,
        nic: r.nic,
        oca: r.oca,
        destination: r.destination,
        priority: r.priority,
        requestNumber: r.requestNumber,
        sentAt: iso(r.sentAt),
        dueAt: iso(r.dueAt),
        status: r.status,
        closedAt: r.closedAt === null ? null : iso(r.closedAt),
        replyText: null,
        error: null,
      }));
    },

    criminalHistory(ref, operatorId) {
      const entry = (sessions.get(operatorId) ?? []).find((e) => e.result.ref === ref);
      if (!entry || !isHistoryKind(entry.result.kind) || entry.result.reply === null) return null;
      const decoded = entry.decoded;
      if (decoded?.kind !== 'hit' || !decoded.records.some((r) => r.type === 'rap_sheet')) return null;
      return { text: entry.result.reply.text, subject: entry.result.subject };
    },

    handleUnsolicited(text) {
      const reply = decodeReply(text);
      if (reply.kind !== 'hit_confirmation') return false;
      const nic = reply.fields.NIC;
      const oca = reply.fields.OCA;
      const match = [...confirmations.values()]
        .filter((c) => (c.view.status === 'waiting' || c.view.status === 'overdue') && c.view.nic === nic && c.view.oca === oca)
        .sort((a, b) => a.view.sentAt.localeCompare(b.view.sentAt))[0];
      if (!match) return false;
      answerConfirmation(match, reply);
      return true;
    },

    endSession(operatorId) {
      generations.set(operatorId, generationOf(operatorId) + 1);
      sessions.delete(operatorId);
      for (const [id, c] of confirmations) {
        if (c.view.operatorId !== operatorId) continue;
        c.visible = false;
        if (c.view.status !== 'waiting' && c.view.status !== 'overdue') confirmations.delete(id);
      }
    },

    async resumeWaiting() {
      const rows = await deps.hitConfirmations.listWaiting(workstation.id);
      let resumed = 0;
      for (const row of rows) {
        if (confirmations.has(row.id)) continue;
        const c: Confirmation = {
          view: {
            id: row.id,
            hitRef: row.hitRef,
            recordIndex: row.recordIndex,
            operatorId: row.operatorId,
            subject: row.subject,
            rty: row.rty as RecordTypeCode,
            nic: row.nic,
            oca: row.oca,
            destination: row.destination,
            priority: row.priority,
            requestNumber: row.requestNumber,
            sentAt: iso(row.sentAt),
            dueAt: iso(row.dueAt),
            status: 'waiting',
            closedAt: null,
            replyText: null,
            error: null,
          },
          visible: false,
          timer: null,
        };
        confirmations.set(row.id, c);
        c.timer = clock.setTimeout(() => overdue(c), Math.max(0, row.dueAt - clock.now()));
        resumed += 1;
      }
      return resumed;
    },

    close() {
      for (const c of confirmations.values()) if (c.timer) clock.clearTimeout(c.timer);
      confirmations.clear();
      sessions.clear();
    },
  };
}

