// The CRSO auditor's workspace slice (issue #4 §4): the search and its pages, the record opened with its
// neighbours, the weekly reviews, the charts, the last export and the in-app verification. Audit records
// name operators and subjects, so the whole slice is sensitive: cleared at lock and sign-off, fetched
// again after the same operator unlocks. Every call is checked (CRSO only) and recorded by the main
// process; the slice shows its answers, never a local guess. Nothing is fetched after an unlock until the
// CRSO asks again, because each read is itself an audit record.
import type { StateCreator } from 'zustand/vanilla';
import type {
  AuditAlert,
  AuditCursor,
  AuditExportResult,
  AuditFilter,
  AuditRecordResult,
  AuditRowView,
  AuditStats,
  AuditVerification,
  AuditVerifyProgress,
  AuditWeek,
} from '../../../shared/contract/audit-channels';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { Api } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';

/** The part of window.clets this slice uses (the lead adds these names to StoreApi). */
export type AuditApi = Pick<Api, 'searchAudit' | 'auditRecord' | 'auditReviews' | 'markAuditReviewed' | 'auditStats' | 'exportAudit' | 'verifyAudit' | 'onAuditVerifyProgress' | 'auditAlerts'>;

/** What the search form holds: every field as typed ('' = not used). */
export interface AuditFilterForm {
  subject: string;
  operator: string;
  workstationId: string;
  from: string;
  to: string;
  messageKey: string;
  purpose: string;
  requestPurpose: string;
  requestor: string;
  outcome: '' | 'success' | 'failure' | 'refused';
  eventType: string;
}

export const EMPTY_FILTER_FORM: AuditFilterForm = {
  subject: '',
  operator: '',
  workstationId: '',
  from: '',
  to: '',
  messageKey: '',
  purpose: '',
  requestPurpose: '',
  requestor: '',
  outcome: '',
  eventType: '',
};

export interface AuditOutcome {
  ok: boolean;
  message: string;
  seq: number;
}

export interface AuditVerifyState {
  running: boolean;
  done: number;
  total: number;
  phase: AuditVerifyProgress['phase'] | null;
  result: AuditVerification | null;
  error: ErrorInfo | null;
}

export interface AuditData {
  /** The filter of the rows shown (null before the first search). */
  filter: AuditFilter | null;
  rows: readonly AuditRowView[] | null;
  next: AuditCursor | null;
  searching: boolean;
  searchError: ErrorInfo | null;
  opened: AuditRecordResult | null;
  opening: boolean;
  openError: ErrorInfo | null;
  weeks: readonly AuditWeek[] | null;
  weeksLoading: boolean;
  weeksError: ErrorInfo | null;
  /** The last review's outcome (marked, or refused). */
  reviewOutcome: AuditOutcome | null;
  stats: AuditStats | null;
  statsLoading: boolean;
  statsError: ErrorInfo | null;
  exported: AuditExportResult | null;
  exporting: boolean;
  exportError: ErrorInfo | null;
  verify: AuditVerifyState;
  /** Audit-trail failures the workstations filed (AU-5), when asked for. */
  alerts: readonly AuditAlert[] | null;
  alertsLoading: boolean;
  alertsError: ErrorInfo | null;
}

export const EMPTY_VERIFY: AuditVerifyState = { running: false, done: 0, total: 0, phase: null, result: null, error: null };

export const EMPTY_AUDIT: AuditData = {
  filter: null,
  rows: null,
  next: null,
  searching: false,
  searchError: null,
  opened: null,
  opening: false,
  openError: null,
  weeks: null,
  weeksLoading: false,
  weeksError: null,
  reviewOutcome: null,
  stats: null,
  statsLoading: false,
  statsError: null,
  exported: null,
  exporting: false,
  exportError: null,
  verify: EMPTY_VERIFY,
  alerts: null,
  alertsLoading: false,
  alertsError: null,
};

export interface AuditSlice {
  audit: AuditData;
  /** A new search from the form's values (first page). False when the form itself is refused. */
  searchAudit(form: AuditFilterForm): Promise<boolean>;
  /** The next page of the current search, appended. */
  moreAudit(): Promise<void>;
  openAuditRecord(workstationId: string, seq: number): Promise<void>;
  closeAuditRecord(): void;
  loadAuditReviews(): Promise<void>;
  markAuditWeekReviewed(weekStart: string, note: string): Promise<boolean>;
  loadAuditStats(from: string, to: string, operator: string): Promise<void>;
  /** Exports the rows of the current filter. */
  exportAudit(): Promise<void>;
  verifyAudit(): Promise<void>;
  /** The audit-trail failures every workstation reported (reading them is recorded). */
  loadAuditAlerts(): Promise<void>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const refusal = (message: string): ErrorInfo => ({ code: 'INVALID_FILTER', message });

/** The form's values as the contract's filter: trimmed, capitals where the codes are capitals, blanks left out. */
export function filterFromForm(form: AuditFilterForm): { ok: true; filter: AuditFilter } | { ok: false; error: ErrorInfo } {
  const up = (s: string) => s.trim().toUpperCase();
  const f: Record<string, unknown> = {};
  if (form.subject.trim() !== '') f.subject = form.subject.trim().replace(/\s+/g, ' ');
  if (form.operator.trim() !== '') f.operator = up(form.operator);
  if (form.workstationId.trim() !== '') f.workstationId = up(form.workstationId);
  if (form.messageKey.trim() !== '') f.messageKey = up(form.messageKey);
  if (form.purpose.trim() !== '') f.purpose = up(form.purpose);
  if (form.requestPurpose.trim() !== '') f.requestPurpose = up(form.requestPurpose);
  if (form.requestor.trim() !== '') f.requestor = form.requestor.trim();
  if (form.outcome !== '') f.outcome = form.outcome;
  if (form.eventType !== '') f.eventTypes = [form.eventType];
  for (const key of ['from', 'to'] as const) {
    const v = form[key].trim();
    if (v === '') continue;
    if (!DATE.test(v)) return { ok: false, error: refusal(`Enter the ${key === 'from' ? 'first' : 'last'} day as a date (YYYY-MM-DD).`) };
    f[key] = v;
  }
  if (typeof f.from === 'string' && typeof f.to === 'string' && f.from > f.to) return { ok: false, error: refusal('The first day must not be after the last day.') };
  if (typeof f.operator === 'string' && !/^[A-Z0-9]{3,12}$/.test(f.operator)) return { ok: false, error: refusal('An operator ID is 3 to 12 letters and digits.') };
  if (typeof f.purpose === 'string' && !/^[A-Z]$/.test(f.purpose)) return { ok: false, error: refusal('A purpose code is one letter.') };
  if (typeof f.requestPurpose === 'string' && !/^[A-Z]$/.test(f.requestPurpose)) return { ok: false, error: refusal('A request purpose code is one letter.') };
  return { ok: true, filter: f as AuditFilter };
}

export function createAuditSlice(api: AuditApi, registry: SensitiveRegistry): StateCreator<AuditSlice, [], [], AuditSlice> {
  return (set, get) => {
    let seq = 0;
    const patch = (p: Partial<AuditData>) => set({ audit: { ...get().audit, ...p } });
    const patchVerify = (p: Partial<AuditVerifyState>) => patch({ verify: { ...get().audit.verify, ...p } });
    /** The progress listener of a running verification, removed when it ends or the slice is cleared. */
    let stopProgress: (() => void) | null = null;
    const endProgress = () => {
      stopProgress?.();
      stopProgress = null;
    };

    async function runSearch(filter: AuditFilter, after: AuditCursor | null): Promise<void> {
      const epoch = registry.epoch();
      patch({ searching: true, searchError: null, ...(after === null ? { filter } : {}) });
      const result = await api.searchAudit({ filter, after, limit: 50 });
      if (registry.epoch() !== epoch) return;
      if (!result.ok) {
        patch({ searching: false, searchError: result.error });
        return;
      }
      const rows = after === null ? result.value.rows : [...(get().audit.rows ?? []), ...result.value.rows];
      patch({ searching: false, rows, next: result.value.next, ...(after === null ? { opened: null, exported: null, exportError: null } : {}) });
    }

    return {
      audit: sensitive(registry, {
        key: 'audit',
        initial: EMPTY_AUDIT,
        onClear: endProgress,
        // No reload after an unlock: every read of the audit is itself recorded (AU-9), so the screen
        // fetches again only when the CRSO asks (a search, the review tab, the charts).
      }),

      async searchAudit(form) {
        const checked = filterFromForm(form);
        if (!checked.ok) {
          patch({ searchError: checked.error });
          return false;
        }
        await runSearch(checked.filter, null);
        return get().audit.searchError === null;
      },

      async moreAudit() {
        const { filter, next, searching } = get().audit;
        if (filter === null || next === null || searching) return;
        await runSearch(filter, next);
      },

      async openAuditRecord(workstationId, recordSeq) {
        const epoch = registry.epoch();
        patch({ opening: true, openError: null });
        const result = await api.auditRecord({ workstationId, seq: recordSeq, neighbours: 5 });
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ opening: false, opened: result.value });
        else patch({ opening: false, openError: result.error });
      },

      closeAuditRecord() {
        patch({ opened: null, openError: null });
      },

      async loadAuditReviews() {
        const epoch = registry.epoch();
        patch({ weeksLoading: true });
        const result = await api.auditReviews({ weeks: 8 });
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ weeksLoading: false, weeks: result.value, weeksError: null });
        else patch({ weeksLoading: false, weeksError: result.error });
      },

      async markAuditWeekReviewed(weekStart, note) {
        const text = note.trim();
        if (text.length < 3) {
          seq += 1;
          patch({ reviewOutcome: { ok: false, message: 'Write what you reviewed (at least 3 characters).', seq } });
          return false;
        }
        const epoch = registry.epoch();
        const result = await api.markAuditReviewed({ weekStart, note: text });
        if (registry.epoch() !== epoch) return false;
        seq += 1;
        if (!result.ok) {
          patch({ reviewOutcome: { ok: false, message: result.error.message, seq } });
          return false;
        }
        const review = result.value;
        const weeks = (get().audit.weeks ?? []).map((w) => (w.weekStart === review.weekStart ? { ...w, review } : w));
        patch({ weeks, reviewOutcome: { ok: true, message: `The week of ${review.weekStart} is marked reviewed by ${review.reviewedBy}.`, seq } });
        return true;
      },

      async loadAuditStats(from, to, operator) {
        const op = operator.trim().toUpperCase();
        if (!DATE.test(from) || !DATE.test(to) || from > to) {
          patch({ statsError: refusal('Choose a first and a last day (the first not after the last).') });
          return;
        }
        if (op !== '' && !/^[A-Z0-9]{3,12}$/.test(op)) {
          patch({ statsError: refusal('An operator ID is 3 to 12 letters and digits.') });
          return;
        }
        const epoch = registry.epoch();
        patch({ statsLoading: true, statsError: null });
        const result = await api.auditStats({ from, to, ...(op !== '' ? { operator: op } : {}) });
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ statsLoading: false, stats: result.value });
        else patch({ statsLoading: false, statsError: result.error });
      },

      async exportAudit() {
        const { filter, exporting } = get().audit;
        if (filter === null || exporting) return;
        const epoch = registry.epoch();
        patch({ exporting: true, exportError: null, exported: null });
        const result = await api.exportAudit({ filter });
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ exporting: false, exported: result.value });
        else patch({ exporting: false, exportError: result.error });
      },

      async verifyAudit() {
        if (get().audit.verify.running) return;
        const epoch = registry.epoch();
        endProgress();
        patchVerify({ running: true, done: 0, total: 0, phase: 'checking', result: null, error: null });
        stopProgress = api.onAuditVerifyProgress((p) => {
          if (registry.epoch() === epoch) patchVerify({ done: p.done, total: p.total, phase: p.phase });
        });
        const result = await api.verifyAudit({});
        if (registry.epoch() !== epoch) return;
        endProgress();
        if (result.ok) patchVerify({ running: false, result: result.value, phase: 'done', done: Math.max(get().audit.verify.total, get().audit.verify.done) });
        else patchVerify({ running: false, error: result.error });
      },

      async loadAuditAlerts() {
        const epoch = registry.epoch();
        patch({ alertsLoading: true, alertsError: null });
        const result = await api.auditAlerts({});
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ alertsLoading: false, alerts: result.value });
        else patch({ alertsLoading: false, alertsError: result.error });
      },
    };
  };
}
