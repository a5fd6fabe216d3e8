// CORI release slice (issue #6): this operator's release requests, the supervisors' pending queue
// (kept live by the main process's release.queue events), the watermarked document of a release just
// performed, and the dissemination log (CRSO, supervisors). Every piece is criminal justice information,
// so the whole slice is sensitive: the lock, the sign-off and a change of operator empty it. The main
// process decides every step again (roles, own request, status); its refusal is shown as given, code and
// message. The checks here only spare a round trip and put the cursor on the field at fault.
import type { StateCreator } from 'zustand/vanilla';
import { decodeReply, type RapSheetRecord } from '../../../shared/codec';
import {
  MIN_DETERMINATION_LENGTH,
  RECIPIENT_TYPES,
  RELEASE_DECIDER_ROLES,
  RELEASE_ID,
  RELEASE_LOG_ROLES,
  RELEASE_PREPARER_ROLES,
  releaseQueueEventSchema,
  releaseRequestInputSchema,
  type DisseminationEntry,
  type ReleaseDocument,
  type ReleaseRequestInput,
  type ReleaseView,
} from '../../../shared/contract/release-channels';
import type { ErrorInfo, Result } from '../../../shared/contract/result';
import type { Role } from '../../../shared/contract/roles';
import type { SessionState } from '../../../shared/contract/session-schemas';
import { MESSAGE_REF, ORI_PATTERN } from '../../../shared/wire/protocol';
import type { Api } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';

/** The part of window.clets this slice uses (the lead adds these names to StoreApi). */
export type ReleaseApi = Pick<
  Api,
  | 'prepareRelease'
  | 'pendingReleases'
  | 'myReleases'
  | 'decideRelease'
  | 'performRelease'
  | 'disseminationLog'
  | 'exportDisseminationLog'
  | 'recordDestruction'
  | 'onReleaseQueue'
>;

export type RecipientType = ReleaseView['recipientType'];
export type LegalBasisType = ReleaseView['legalBasisType'];
export type ReleaseMethod = ReleaseView['method'];
export type DestructionMethod = NonNullable<DisseminationEntry['destructionMethod']>;

export interface LogFilter {
  from?: string;
  to?: string;
  recipient?: string;
  operator?: string;
  releaseId?: string;
}

export interface DestructionInput {
  releaseId: string;
  method: DestructionMethod;
  witness: string;
  destroyedOn: string;
}

export interface ExportedLog {
  file: string;
  rows: number;
  sha256: string;
}

/** What a step came to: the main process's answer (or a local check), for the screen's alert or status line. */
export interface ReleaseOutcome {
  ok: boolean;
  /** The refusal code (the main process's, or the local check's mirror of it); null on success. */
  code: string | null;
  message: string;
  /** The form field a refusal is about, when known. */
  field: string | null;
  /** Which step: the screens show only their own step's outcome. */
  step: 'prepare' | 'decide' | 'perform' | 'log' | 'export' | 'destroy';
  /** The release the step was about, if any. */
  releaseId: string | null;
  seq: number;
}

export type PrepareResult = { ok: true; release: ReleaseView } | { ok: false; code: string; message: string; field: string | null };

export interface ReleaseData {
  /** This operator's requests, newest first; null until loaded. */
  mine: readonly ReleaseView[] | null;
  mineError: ErrorInfo | null;
  /** Supervisors and the CRSO: the pending queue (DA charging requests first, then oldest). */
  pending: readonly ReleaseView[] | null;
  pendingError: ErrorInfo | null;
  pendingFilter: RecipientType | null;
  /** The agency's pending count, from the last queue event or read. */
  pendingCount: number | null;
  loading: boolean;
  /** A decision or a release in flight (its ID): buttons do not send a second one. */
  busy: string | null;
  /** The document of the release just performed: shown once, printed from the app's one print path. */
  document: ReleaseDocument | null;
  /** The dissemination log (CRSO, supervisors); null until searched. */
  log: readonly DisseminationEntry[] | null;
  logFilter: LogFilter;
  logLoading: boolean;
  logError: ErrorInfo | null;
  exported: ExportedLog | null;
  outcome: ReleaseOutcome | null;
}

export const EMPTY_RELEASE: ReleaseData = {
  mine: null,
  mineError: null,
  pending: null,
  pendingError: null,
  pendingFilter: null,
  pendingCount: null,
  loading: false,
  busy: null,
  document: null,
  log: null,
  logFilter: {},
  logLoading: false,
  logError: null,
  exported: null,
  outcome: null,
};

export interface ReleaseSlice {
  release: ReleaseData;
  /** The Releases screen: this operator's requests, and the pending queue for supervisors and the CRSO. */
  loadReleases(): Promise<void>;
  loadPendingReleases(): Promise<void>;
  setPendingFilter(recipientType: RecipientType | null): Promise<void>;
  prepareRelease(input: ReleaseRequestInput): Promise<PrepareResult>;
  decideRelease(id: string, decision: 'approve' | 'deny', reason: string): Promise<boolean>;
  performRelease(id: string): Promise<boolean>;
  closeReleaseDocument(): void;
  searchDisseminationLog(filter: LogFilter): Promise<boolean>;
  exportDisseminationLog(filter: LogFilter): Promise<boolean>;
  recordReleaseDestruction(input: DestructionInput): Promise<boolean>;
  /** A release.queue event: re-read what the open screen shows. Anything malformed is ignored. */
  applyReleaseQueue(event: unknown): void;
}

interface Needs extends ReleaseSlice {
  nav: { view: string };
  session: { state: SessionState | null };
  clock: { now: number };
}

export const RELEASE_VIEWS = { releases: 'releases', dissemination: 'dissemination' } as const;

const hasAny = (roles: readonly Role[], wanted: readonly Role[]) => roles.some((r) => wanted.includes(r));
export const mayPrepareRelease = (roles: readonly Role[]) => hasAny(roles, RELEASE_PREPARER_ROLES);
export const mayDecideRelease = (roles: readonly Role[]) => hasAny(roles, RELEASE_DECIDER_ROLES);
/** Who reads the pending queue (the channel's roles: supervisors and the CRSO). */
export const mayReadReleaseQueue = (roles: readonly Role[]) => hasAny(roles, ['supervisor', 'crso']);
export const mayReadDisseminationLog = (roles: readonly Role[]) => hasAny(roles, RELEASE_LOG_ROLES);
export const mayExportDisseminationLog = (roles: readonly Role[]) => roles.includes('crso');

// ---------------------------------------------------------------------------------------------------
// The form's rules, mirroring the release service (electron/services/release/service.ts) and the contract.

/** What the prepare form holds: strings as typed. */
export interface ReleaseDraft {
  recipientName: string;
  recipientAgency: string;
  recipientOri: string;
  recipientType: RecipientType;
  legalBasisType: LegalBasisType;
  legalBasisReference: string;
  rightToKnow: string;
  needToKnow: string;
  chargingCase: string;
  scope: 'whole' | 'parts';
  /** Chosen arrests, 0-based indexes into the rap sheet's arrests. */
  arrests: readonly number[];
  method: ReleaseMethod;
}

export const EMPTY_DRAFT: ReleaseDraft = {
  recipientName: '',
  recipientAgency: '',
  recipientOri: '',
  recipientType: 'criminal_justice_agency',
  legalBasisType: 'statute',
  legalBasisReference: '',
  rightToKnow: '',
  needToKnow: '',
  chargingCase: '',
  scope: 'whole',
  arrests: [],
  method: 'print',
};

export type DraftRefusal = { ok: false; code: string; message: string; field: keyof ReleaseDraft | 'inquiryRef' };
export type DraftCheck = { ok: true; value: ReleaseRequestInput } | DraftRefusal;

const CONTROL = /\p{Cc}/u;

/** True when a court order or other legal process stands in for the right/need-to-know determination. */
export const byOrder = (type: LegalBasisType) => type === 'court_order' || type === 'legal_process';

function textCheck(value: string, field: keyof ReleaseDraft, what: string, min: number, max: number): DraftRefusal | null {
  const v = value.trim();
  if (CONTROL.test(v)) return { ok: false, code: 'BAD_REQUEST', message: `${what}: control characters are not allowed.`, field };
  if (v.length < min) return { ok: false, code: 'BAD_REQUEST', message: `Enter ${what.toLowerCase()}${min > 1 ? ` (at least ${min} characters)` : ''}.`, field };
  if (v.length > max) return { ok: false, code: 'BAD_REQUEST', message: `${what} is too long (at most ${max} characters).`, field };
  return null;
}

/**
 * The draft as the request the main process takes, or the first thing wrong with it (with the code the
 * service would give). `arrestCount` is the rap sheet's number of arrests.
 */
export function checkReleaseDraft(inquiryRef: string, draft: ReleaseDraft, arrestCount: number): DraftCheck {
  if (!MESSAGE_REF.test(inquiryRef)) return { ok: false, code: 'BAD_REQUEST', message: 'This return has no message reference to release from.', field: 'inquiryRef' };
  const shape =
    textCheck(draft.recipientName, 'recipientName', 'The recipient’s name', 2, 100) ??
    textCheck(draft.recipientAgency, 'recipientAgency', 'The recipient’s agency', 2, 100);
  if (shape) return shape;
  const ori = draft.recipientOri.trim().toUpperCase();
  if (ori !== '' && !ORI_PATTERN.test(ori)) return { ok: false, code: 'BAD_REQUEST', message: 'An ORI is 9 characters, e.g. CA0340000. Leave it empty when the recipient has none.', field: 'recipientOri' };
  if (!RECIPIENT_TYPES.includes(draft.recipientType)) return { ok: false, code: 'BAD_REQUEST', message: 'Choose the recipient type.', field: 'recipientType' };
  const chargingCase = draft.chargingCase.trim();
  if (draft.recipientType === 'da_charging') {
    if (chargingCase === '') return { ok: false, code: 'RELEASE_CHARGING_CASE_REQUIRED', message: 'A DA charging request names the department case the charges are requested on.', field: 'chargingCase' };
    const c = textCheck(chargingCase, 'chargingCase', 'The charging case', 2, 40);
    if (c) return c;
  }
  const order = byOrder(draft.legalBasisType);
  const reference = textCheck(draft.legalBasisReference, 'legalBasisReference', order ? 'The order or process reference' : 'The statute', 2, 120);
  if (reference) return order ? { ...reference, code: 'RELEASE_ORDER_REFERENCE_REQUIRED' } : reference;
  if (order && !/[0-9]/.test(draft.legalBasisReference)) {
    return {
      ok: false,
      code: 'RELEASE_ORDER_REFERENCE_REQUIRED',
      message: 'A court order or other legal process replaces the right/need-to-know determination, but its reference (case or order number) is required.',
      field: 'legalBasisReference',
    };
  }
  const rightToKnow = draft.rightToKnow.trim();
  const needToKnow = draft.needToKnow.trim();
  if (!order) {
    const rtk = textCheck(rightToKnow, 'rightToKnow', 'The right to know', 0, 500) ?? textCheck(needToKnow, 'needToKnow', 'The need to know', 0, 500);
    if (rtk) return rtk;
    // R4: on a DA charging request the service writes the determination when it is left empty.
    const filledForDa = draft.recipientType === 'da_charging';
    if (!(filledForDa && rightToKnow === '') && rightToKnow.length < MIN_DETERMINATION_LENGTH) {
      return { ok: false, code: 'RELEASE_RIGHT_TO_KNOW_REQUIRED', message: 'State why the recipient has a right to know (the statute or authority that entitles them to CORI).', field: 'rightToKnow' };
    }
    if (!(filledForDa && needToKnow === '') && needToKnow.length < MIN_DETERMINATION_LENGTH) {
      return { ok: false, code: 'RELEASE_NEED_TO_KNOW_REQUIRED', message: 'State why the recipient needs this record for their official duties.', field: 'needToKnow' };
    }
  }
  let scope: ReleaseRequestInput['scope'] = { kind: 'whole' };
  if (draft.scope === 'parts') {
    const chosen = [...new Set(draft.arrests)].sort((a, b) => a - b);
    if (chosen.length === 0) return { ok: false, code: 'RELEASE_SCOPE_INVALID', message: 'Choose the arrests to release, or release the whole record.', field: 'arrests' };
    const beyond = chosen.find((i) => !Number.isInteger(i) || i < 0 || i >= arrestCount);
    if (beyond !== undefined) return { ok: false, code: 'RELEASE_SCOPE_INVALID', message: `The record has ${arrestCount} arrests; arrest ${beyond + 1} does not exist.`, field: 'arrests' };
    scope = { kind: 'parts', arrests: chosen };
  }
  const input: ReleaseRequestInput = {
    inquiryRef,
    recipientName: draft.recipientName.trim(),
    recipientAgency: draft.recipientAgency.trim(),
    ...(ori ? { recipientOri: ori } : {}),
    recipientType: draft.recipientType,
    legalBasisType: draft.legalBasisType,
    legalBasisReference: draft.legalBasisReference.trim(),
    // A court order or legal process replaces the determination: none is sent.
    ...(!order && rightToKnow ? { rightToKnow } : {}),
    ...(!order && needToKnow ? { needToKnow } : {}),
    scope,
    method: draft.method,
    ...(draft.recipientType === 'da_charging' ? { chargingCase } : {}),
  };
  const parsed = releaseRequestInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'recipientName') as keyof ReleaseDraft;
    return { ok: false, code: 'BAD_REQUEST', message: issue?.message ?? 'The request is not complete.', field };
  }
  return { ok: true, value: parsed.data };
}

/** The rule checks on a finished request (what the slice checks again before sending). */
function checkInput(input: ReleaseRequestInput): DraftCheck {
  return checkReleaseDraft(
    input.inquiryRef,
    {
      recipientName: input.recipientName,
      recipientAgency: input.recipientAgency,
      recipientOri: input.recipientOri ?? '',
      recipientType: input.recipientType,
      legalBasisType: input.legalBasisType,
      legalBasisReference: input.legalBasisReference,
      rightToKnow: input.rightToKnow ?? '',
      needToKnow: input.needToKnow ?? '',
      chargingCase: input.chargingCase ?? '',
      scope: input.scope.kind,
      arrests: input.scope.kind === 'parts' ? input.scope.arrests : [],
      method: input.method,
    },
    input.scope.kind === 'parts' ? Math.max(...input.scope.arrests) + 1 : 0,
  );
}

/** A decision's reason: 3–500 characters, no control characters (the contract's rule). */
export function checkDecisionReason(reason: string): { ok: true; value: string } | { ok: false; message: string } {
  const v = reason.trim();
  if (v.length < 3) return { ok: false, message: 'Give the reason for the decision (at least 3 characters): it is recorded with it.' };
  if (v.length > 500) return { ok: false, message: 'The reason is too long (at most 500 characters).' };
  if (CONTROL.test(v)) return { ok: false, message: 'The reason cannot contain control characters.' };
  return { ok: true, value: v };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkLogFilter(filter: LogFilter): { ok: true; value: LogFilter } | { ok: false; message: string; field: keyof LogFilter } {
  const out: LogFilter = {};
  const from = filter.from?.trim() ?? '';
  const to = filter.to?.trim() ?? '';
  if (from && !ISO_DATE.test(from)) return { ok: false, message: 'The “from” date is not a date.', field: 'from' };
  if (to && !ISO_DATE.test(to)) return { ok: false, message: 'The “to” date is not a date.', field: 'to' };
  if (from && to && from > to) return { ok: false, message: 'The “from” date is after the “to” date.', field: 'from' };
  if (from) out.from = from;
  if (to) out.to = to;
  const recipient = filter.recipient?.trim() ?? '';
  if (recipient.length > 100 || CONTROL.test(recipient)) return { ok: false, message: 'The recipient search is too long or holds control characters.', field: 'recipient' };
  if (recipient) out.recipient = recipient;
  const operator = filter.operator?.trim().toUpperCase() ?? '';
  if (operator && !/^[A-Z0-9]{3,12}$/.test(operator)) return { ok: false, message: 'An operator ID is 3 to 12 letters and digits.', field: 'operator' };
  if (operator) out.operator = operator;
  const releaseId = filter.releaseId?.trim().toUpperCase() ?? '';
  if (releaseId && !RELEASE_ID.test(releaseId)) return { ok: false, message: 'A release ID looks like R2026-000042.', field: 'releaseId' };
  if (releaseId) out.releaseId = releaseId;
  return { ok: true, value: out };
}

export function checkDestruction(input: DestructionInput, operatorId: string | null, today: string): { ok: true; value: DestructionInput } | { ok: false; code: string; message: string; field: keyof DestructionInput } {
  const releaseId = input.releaseId.trim().toUpperCase();
  if (!RELEASE_ID.test(releaseId)) return { ok: false, code: 'BAD_REQUEST', message: 'A release ID looks like R2026-000042.', field: 'releaseId' };
  const witness = input.witness.trim();
  if (witness.length < 3 || witness.length > 100 || CONTROL.test(witness)) return { ok: false, code: 'DESTRUCTION_WITNESS_REQUIRED', message: 'Name the witness (name and agency, 3 to 100 characters).', field: 'witness' };
  if (operatorId && (witness.toUpperCase() === operatorId || witness.toUpperCase().split(/\s+/).includes(operatorId))) {
    return { ok: false, code: 'DESTRUCTION_WITNESS_REQUIRED', message: 'Destruction is witnessed by someone other than the person recording it (T11 §708).', field: 'witness' };
  }
  if (!ISO_DATE.test(input.destroyedOn)) return { ok: false, code: 'BAD_REQUEST', message: 'Enter the date the copy was destroyed.', field: 'destroyedOn' };
  if (input.destroyedOn > today) return { ok: false, code: 'DESTRUCTION_DATE_FUTURE', message: 'The destruction date cannot be in the future.', field: 'destroyedOn' };
  return { ok: true, value: { releaseId, method: input.method, witness, destroyedOn: input.destroyedOn } };
}

/** What a criminal history return offers the prepare form: its subject and number of arrests; null when it holds no rap sheet. */
export function releasableOf(text: string): { subject: string; arrests: number } | null {
  let reply: ReturnType<typeof decodeReply>;
  try {
    reply = decodeReply(text);
  } catch {
    return null;
  }
  if (reply.kind !== 'hit') return null;
  const sheet = reply.records.find((r): r is RapSheetRecord => r.type === 'rap_sheet');
  if (!sheet) return null;
  const id = sheet.fields.CII ? `CII ${sheet.fields.CII}` : sheet.fields.FBI ? `FBI ${sheet.fields.FBI}` : '';
  const subject = [sheet.fields.NAM, id].filter(Boolean).join(' · ') || 'Criminal history record';
  return { subject, arrests: sheet.arrests.length };
}

// ---------------------------------------------------------------------------------------------------

function upsert<T>(list: readonly T[] | null, item: T, same: (a: T) => boolean, atStart = true): T[] {
  const out = [...(list ?? [])];
  const at = out.findIndex(same);
  if (at !== -1) out[at] = item;
  else if (atStart) out.unshift(item);
  else out.push(item);
  return out;
}

const FIELD_OF_CODE: Record<string, string> = {
  RELEASE_CHARGING_CASE_REQUIRED: 'chargingCase',
  RELEASE_ORDER_REFERENCE_REQUIRED: 'legalBasisReference',
  RELEASE_RIGHT_TO_KNOW_REQUIRED: 'rightToKnow',
  RELEASE_NEED_TO_KNOW_REQUIRED: 'needToKnow',
  RELEASE_SCOPE_INVALID: 'arrests',
  DESTRUCTION_WITNESS_REQUIRED: 'witness',
  DESTRUCTION_DATE_FUTURE: 'destroyedOn',
};

export function createReleaseSlice(api: ReleaseApi, registry: SensitiveRegistry): StateCreator<Needs, [], [], ReleaseSlice> {
  return (set, get) => {
    let seq = 0;
    // A queue event while a read is in flight: read once more when it lands (no change is lost).
    let reading = false;
    let readAgain = false;

    const patch = (p: Partial<ReleaseData>) => set({ release: { ...get().release, ...p } });
    const roles = (): readonly Role[] => {
      const s = get().session.state;
      return s !== null && s.phase === 'active' ? s.operator.roles : [];
    };
    const operatorId = (): string | null => {
      const s = get().session.state;
      return s !== null && s.phase === 'active' ? s.operator.id : null;
    };

    function outcome(step: ReleaseOutcome['step'], ok: boolean, message: string, extra: { code?: string | null; field?: string | null; releaseId?: string | null } = {}): void {
      seq += 1;
      patch({ outcome: { ok, message, step, code: extra.code ?? null, field: extra.field ?? null, releaseId: extra.releaseId ?? null, seq } });
    }

    function refused(step: ReleaseOutcome['step'], error: ErrorInfo, releaseId: string | null = null): void {
      outcome(step, false, error.message, { code: error.code, field: FIELD_OF_CODE[error.code] ?? null, releaseId });
    }

    async function readMine(): Promise<void> {
      const epoch = registry.epoch();
      const result = await api.myReleases();
      if (registry.epoch() !== epoch) return;
      if (result.ok) patch({ mine: result.value, mineError: null });
      else patch({ mineError: result.error });
    }

    async function readPending(): Promise<void> {
      const epoch = registry.epoch();
      const filter = get().release.pendingFilter;
      const result = await api.pendingReleases(filter ? { recipientType: filter } : {});
      if (registry.epoch() !== epoch) return;
      if (result.ok) patch({ pending: result.value, pendingError: null, ...(filter === null ? { pendingCount: result.value.length } : {}) });
      else patch({ pendingError: result.error });
    }

    async function readScreen(): Promise<void> {
      if (reading) {
        readAgain = true;
        return;
      }
      reading = true;
      try {
        do {
          readAgain = false;
          const epoch = registry.epoch();
          patch({ loading: true });
          const r = roles();
          await Promise.all([mayPrepareRelease(r) ? readMine() : null, mayReadReleaseQueue(r) ? readPending() : null]);
          if (registry.epoch() !== epoch) return;
          patch({ loading: false });
        } while (readAgain);
      } finally {
        reading = false;
      }
    }

    async function searchLog(filter: LogFilter): Promise<boolean> {
      const epoch = registry.epoch();
      patch({ logLoading: true, logFilter: filter });
      const result = await api.disseminationLog(filter);
      if (registry.epoch() !== epoch) return false;
      if (result.ok) {
        patch({ log: result.value, logLoading: false, logError: null });
        return true;
      }
      patch({ logLoading: false, logError: result.error });
      refused('log', result.error);
      return false;
    }

    return {
      release: sensitive(registry, {
        key: 'release',
        initial: EMPTY_RELEASE,
        reload: () => {
          // The document is not fetched again: a release is performed once (a new request for another copy).
          const view = get().nav.view;
          if (view === RELEASE_VIEWS.releases) void get().loadReleases();
          if (view === RELEASE_VIEWS.dissemination) void get().searchDisseminationLog({});
        },
        onClear: () => {
          readAgain = false;
        },
      }),

      loadReleases: () => readScreen(),

      async loadPendingReleases() {
        if (mayReadReleaseQueue(roles())) await readPending();
      },

      async setPendingFilter(recipientType) {
        patch({ pendingFilter: recipientType });
        await readPending();
      },

      async prepareRelease(input) {
        const check = checkInput(input);
        if (!check.ok) {
          outcome('prepare', false, check.message, { code: check.code, field: check.field });
          return { ok: false, code: check.code, message: check.message, field: check.field };
        }
        const epoch = registry.epoch();
        const result: Result<ReleaseView> = await api.prepareRelease(check.value);
        if (registry.epoch() !== epoch) return { ok: false, code: 'LOCKED', message: 'The workstation locked before the answer arrived.', field: null };
        if (!result.ok) {
          refused('prepare', result.error);
          return { ok: false, code: result.error.code, message: result.error.message, field: FIELD_OF_CODE[result.error.code] ?? null };
        }
        const release = result.value;
        patch({ mine: upsert(get().release.mine, release, (r) => r.id === release.id) });
        outcome('prepare', true, `Release ${release.id} requested. It waits for a supervisor's approval.`, { releaseId: release.id });
        return { ok: true, release };
      },

      async decideRelease(id, decision, reason) {
        const check = checkDecisionReason(reason);
        if (!check.ok) {
          outcome('decide', false, check.message, { code: 'BAD_REQUEST', field: 'reason', releaseId: id });
          return false;
        }
        if (get().release.busy !== null) return false;
        const epoch = registry.epoch();
        patch({ busy: id });
        const result = await api.decideRelease({ id, decision, reason: check.value });
        if (registry.epoch() !== epoch) return false;
        patch({ busy: null });
        if (!result.ok) {
          refused('decide', result.error, id);
          // Decided elsewhere first: the queue on screen is stale.
          if (result.error.code === 'RELEASE_ALREADY_DECIDED' || result.error.code === 'RELEASE_NOT_FOUND') void readPending();
          return false;
        }
        const view = result.value;
        const pending = get().release.pending?.filter((r) => r.id !== id) ?? null;
        patch({ pending, pendingCount: get().release.pendingFilter === null && pending ? pending.length : get().release.pendingCount });
        outcome('decide', true, `Release ${id} ${view.status === 'approved' ? 'approved' : 'denied'}. ${view.requestedBy} is told on their workstation.`, { releaseId: id });
        return true;
      },

      async performRelease(id) {
        if (get().release.busy !== null) return false;
        const epoch = registry.epoch();
        patch({ busy: id });
        const result = await api.performRelease({ id });
        if (registry.epoch() !== epoch) return false;
        patch({ busy: null });
        if (!result.ok) {
          refused('perform', result.error, id);
          void readMine();
          return false;
        }
        const doc = result.value;
        patch({ document: doc, mine: upsert(get().release.mine, doc.release, (r) => r.id === id) });
        outcome('perform', true, `Release ${id} recorded in the dissemination log.${doc.file ? ` Electronic copy written to ${doc.file}.` : ''}`, { releaseId: id });
        return true;
      },

      closeReleaseDocument() {
        patch({ document: null });
      },

      async searchDisseminationLog(filter) {
        const check = checkLogFilter(filter);
        if (!check.ok) {
          outcome('log', false, check.message, { code: 'BAD_REQUEST', field: check.field });
          return false;
        }
        return searchLog(check.value);
      },

      async exportDisseminationLog(filter) {
        const check = checkLogFilter(filter);
        if (!check.ok) {
          outcome('export', false, check.message, { code: 'BAD_REQUEST', field: check.field });
          return false;
        }
        const epoch = registry.epoch();
        const result = await api.exportDisseminationLog(check.value);
        if (registry.epoch() !== epoch) return false;
        if (!result.ok) {
          refused('export', result.error);
          return false;
        }
        patch({ exported: result.value });
        outcome('export', true, `Exported ${result.value.rows} ${result.value.rows === 1 ? 'entry' : 'entries'} to ${result.value.file} (SHA-256 ${result.value.sha256}).`);
        return true;
      },

      async recordReleaseDestruction(input) {
        // The service allows up to a day ahead of its UTC date (time zones); the local check allows the same.
        const latest = new Date(get().clock.now + 86_400_000).toISOString().slice(0, 10);
        const check = checkDestruction(input, operatorId(), latest);
        if (!check.ok) {
          outcome('destroy', false, check.message, { code: check.code, field: check.field, releaseId: input.releaseId });
          return false;
        }
        const epoch = registry.epoch();
        const result = await api.recordDestruction(check.value);
        if (registry.epoch() !== epoch) return false;
        if (!result.ok) {
          refused('destroy', result.error, check.value.releaseId);
          return false;
        }
        const entry = result.value;
        const log = get().release.log;
        patch({ log: log === null ? log : upsert(log, entry, (e) => e.releaseId === entry.releaseId) });
        outcome('destroy', true, `Destruction of release ${entry.releaseId} recorded (${entry.destructionMethod ?? input.method}, witnessed by ${entry.destructionWitness ?? check.value.witness}).`, { releaseId: entry.releaseId });
        return true;
      },

      applyReleaseQueue(event) {
        const parsed = releaseQueueEventSchema.safeParse(event);
        if (!parsed.success) return;
        if (roles().length === 0) return;
        patch({ pendingCount: parsed.data.pending });
        if (get().nav.view === RELEASE_VIEWS.releases) void readScreen();
      },
    };
  };
}
