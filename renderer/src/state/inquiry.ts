// Inquiry slice (issue #5): the forms this operator may use and the agency's reference formats, the
// return on screen, this session's inquiries, and this operator's hit confirmation requests (plus the
// supervisor's overdue list). Returns and subjects are criminal justice information, so the whole
// slice is sensitive: the lock, the sign-off and a change of operator empty it, and the same operator
// back from the lock gets it again from the main process. The main process decides every send again;
// a refusal it gives is shown as given (code and message), never replaced by a local guess.
import type { StateCreator } from 'zustand/vanilla';
import type {
  HitConfirmationView,
  InquiryPolicyView,
  InquiryRequest,
  InquiryResult,
  InquirySummary,
} from '../../../shared/contract/inquiry-channels';
import { hitConfirmationSchema } from '../../../shared/contract/inquiry-channels';
import type { ErrorInfo, Result } from '../../../shared/contract/result';
import type { CandidateRecordKey, PriorityCode, RequestNumber } from '../../../shared/codec';
import { INQUIRY_ROLES, type FormKind } from '../../../shared/policy/inquiry-policy';
import type { Role } from '../../../shared/contract/roles';
import type { StoreApi } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';
import type { SessionSlice } from './session';

export const SUPERVISION_ROLES: readonly Role[] = ['supervisor', 'crso'];

export interface InquiryOutcome {
  ok: boolean;
  message: string;
  /** The main process's refusal code, shown with the message. */
  code: string | null;
  seq: number;
}

export interface InquiryData {
  /** Null until loaded (and for roles that make no inquiries). */
  policy: InquiryPolicyView | null;
  policyError: ErrorInfo | null;
  /** This session's inquiries, newest first; null until loaded. */
  list: readonly InquirySummary[] | null;
  listError: ErrorInfo | null;
  /** The return on screen. */
  current: InquiryResult | null;
  /** Changes every time a return is put on screen (focus moves to its heading). */
  currentSeq: number;
  sending: boolean;
  /** The last send's refusal by the main process, or an open that failed. */
  refusal: InquiryOutcome | null;
  confirmations: readonly HitConfirmationView[] | null;
  confirmationsError: ErrorInfo | null;
  confirmOutcome: InquiryOutcome | null;
  confirming: boolean;
  /** Supervisors: overdue requests of every operator. */
  overdue: readonly HitConfirmationView[] | null;
  overdueLoading: boolean;
  overdueError: ErrorInfo | null;
  /** A form asked for by its function key from another screen, opened when the workspace shows. */
  pendingForm: FormKind | null;
}

export const EMPTY_INQUIRY: InquiryData = {
  policy: null,
  policyError: null,
  list: null,
  listError: null,
  current: null,
  currentSeq: 0,
  sending: false,
  refusal: null,
  confirmations: null,
  confirmationsError: null,
  confirmOutcome: null,
  confirming: false,
  overdue: null,
  overdueLoading: false,
  overdueError: null,
  pendingForm: null,
};

export interface InquirySlice {
  inquiry: InquiryData;
  /** Policy, this session's list and this operator's confirmations (when the roles make inquiries). */
  loadInquiryWorkspace(): Promise<void>;
  loadInquiries(): Promise<void>;
  /** Sends one inquiry; true when the main process took it (the return, or its failure, is on screen). */
  sendInquiry(request: InquiryRequest): Promise<boolean>;
  /** A candidate's record: the same need to know, `followUpOf` the candidate list on screen. */
  requestRecord(key: CandidateRecordKey): Promise<boolean>;
  openInquiry(ref: string): Promise<void>;
  closeReturn(): void;
  confirmHit(recordIndex: number, priority: PriorityCode, requestNumber: RequestNumber): Promise<boolean>;
  applyHitConfirmation(payload: unknown): void;
  loadHitConfirmations(): Promise<void>;
  loadOverdueConfirmations(): Promise<void>;
  dismissInquiryRefusal(): void;
  /** Function key on another screen: remember the form; the workspace opens it (and clears this). */
  setPendingForm(kind: FormKind | null): void;
}

interface Needs extends InquirySlice, SessionSlice {
  nav: { view: string };
}

export type InquiryApi = Pick<
  StoreApi,
  'inquiryPolicy' | 'sendInquiry' | 'listInquiries' | 'openInquiry' | 'confirmHit' | 'hitConfirmations' | 'overdueConfirmations'
>;

/** The record request a candidate's key opens (CII → California record, FBI/SID → III record). */
export function recordRequestFor(current: InquiryResult, key: CandidateRecordKey): InquiryRequest {
  const value = key.value.trim().toUpperCase();
  const fields = key.code === 'CII' ? { cii: value } : key.code === 'FBI' ? { fbi: value } : { sid: value };
  return {
    kind: key.code === 'CII' ? 'ca_history_cii' : 'iii_record',
    fields,
    needToKnow: current.needToKnow,
    followUpOf: current.ref,
  };
}

function summaryOf(r: InquiryResult): InquirySummary {
  return { ref: r.ref, kind: r.kind, messageKey: r.messageKey, subject: r.subject, sentAt: r.sentAt, repliedAt: r.repliedAt, status: r.status, replyKind: r.replyKind };
}

function upsertConfirmation(list: readonly HitConfirmationView[] | null, c: HitConfirmationView): HitConfirmationView[] {
  const out = [...(list ?? [])];
  const at = out.findIndex((x) => x.id === c.id);
  if (at === -1) out.unshift(c);
  else out[at] = c;
  return out;
}

export function createInquirySlice(api: InquiryApi, registry: SensitiveRegistry): StateCreator<Needs, [], [], InquirySlice> {
  return (set, get) => {
    let seq = 0;

    function patch(p: Partial<InquiryData>): void {
      set({ inquiry: { ...get().inquiry, ...p } });
    }

    function roles(): readonly Role[] {
      const s = get().session.state;
      return s?.phase === 'active' && !get().session.locking ? s.operator.roles : [];
    }

    const mayInquire = () => roles().some((r) => INQUIRY_ROLES.includes(r));
    const maySupervise = () => roles().some((r) => SUPERVISION_ROLES.includes(r));

    function outcome(ok: boolean, message: string, code: string | null = null): InquiryOutcome {
      seq += 1;
      return { ok, message, code, seq };
    }

    /** Runs one call; drops the answer when the screen locked (or the operator changed) meanwhile. */
    async function guarded<T>(run: () => Promise<Result<T>>): Promise<Result<T> | null> {
      const epoch = registry.epoch();
      const result = await run();
      return registry.epoch() === epoch ? result : null;
    }

    function show(result: InquiryResult): void {
      const list = get().inquiry.list ?? [];
      patch({
        current: result,
        currentSeq: get().inquiry.currentSeq + 1,
        list: [summaryOf(result), ...list.filter((s) => s.ref !== result.ref)],
      });
    }

    return {
      inquiry: sensitive(registry, {
        key: 'inquiry',
        initial: EMPTY_INQUIRY,
        reload: () => {
          void get().loadInquiryWorkspace();
          if (get().nav.view === 'supervision') void get().loadOverdueConfirmations();
        },
      }),

      async loadInquiryWorkspace() {
        if (!mayInquire()) return;
        await Promise.all([
          (async () => {
            const r = await guarded(() => api.inquiryPolicy());
            if (r === null) return;
            patch(r.ok ? { policy: r.value, policyError: null } : { policyError: r.error });
          })(),
          get().loadInquiries(),
          get().loadHitConfirmations(),
        ]);
      },

      async loadInquiries() {
        if (!mayInquire()) return;
        const r = await guarded(() => api.listInquiries());
        if (r === null) return;
        if (r.ok) patch({ list: [...r.value].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0)), listError: null });
        else patch({ listError: r.error });
      },

      async sendInquiry(request) {
        if (get().inquiry.sending) return false;
        patch({ sending: true, refusal: null });
        const r = await guarded(() => api.sendInquiry(request));
        if (r === null) return false;
        if (!r.ok) {
          patch({ sending: false, refusal: outcome(false, r.error.message, r.error.code) });
          return false;
        }
        patch({ sending: false });
        show(r.value);
        return true;
      },

      async requestRecord(key) {
        const current = get().inquiry.current;
        if (current === null) return false;
        return get().sendInquiry(recordRequestFor(current, key));
      },

      async openInquiry(ref) {
        const r = await guarded(() => api.openInquiry({ ref }));
        if (r === null) return;
        if (!r.ok) {
          patch({ refusal: outcome(false, r.error.message, r.error.code) });
          return;
        }
        patch({ refusal: null });
        show(r.value);
      },

      closeReturn() {
        patch({ current: null });
      },

      async confirmHit(recordIndex, priority, requestNumber) {
        const current = get().inquiry.current;
        if (current === null || get().inquiry.confirming) return false;
        patch({ confirming: true, confirmOutcome: null });
        const r = await guarded(() => api.confirmHit({ hitRef: current.ref, recordIndex, priority, requestNumber }));
        if (r === null) return false;
        if (!r.ok) {
          patch({ confirming: false, confirmOutcome: outcome(false, r.error.message, r.error.code) });
          return false;
        }
        patch({
          confirming: false,
          confirmations: upsertConfirmation(get().inquiry.confirmations, r.value),
          confirmOutcome: outcome(true, `Hit confirmation request sent for ${r.value.subject}.`),
        });
        return true;
      },

      applyHitConfirmation(payload) {
        if (!mayInquire()) return;
        const parsed = hitConfirmationSchema.safeParse(payload);
        if (!parsed.success) return;
        const c = parsed.data;
        const patchOverdue = get().inquiry.overdue;
        patch({
          confirmations: upsertConfirmation(get().inquiry.confirmations, c),
          ...(patchOverdue !== null && patchOverdue.some((x) => x.id === c.id)
            ? { overdue: c.status === 'overdue' ? patchOverdue.map((x) => (x.id === c.id ? c : x)) : patchOverdue.filter((x) => x.id !== c.id) }
            : {}),
        });
      },

      async loadHitConfirmations() {
        if (!mayInquire()) return;
        const r = await guarded(() => api.hitConfirmations());
        if (r === null) return;
        if (r.ok) patch({ confirmations: [...r.value].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0)), confirmationsError: null });
        else patch({ confirmationsError: r.error });
      },

      async loadOverdueConfirmations() {
        if (!maySupervise()) return;
        patch({ overdueLoading: true });
        const r = await guarded(() => api.overdueConfirmations());
        if (r === null) return;
        if (r.ok) patch({ overdue: r.value, overdueLoading: false, overdueError: null });
        else patch({ overdueLoading: false, overdueError: r.error });
      },

      dismissInquiryRefusal() {
        if (get().inquiry.refusal !== null) patch({ refusal: null });
      },

      setPendingForm(kind) {
        if (get().inquiry.pendingForm !== kind) patch({ pendingForm: kind });
      },
    };
  };
}
