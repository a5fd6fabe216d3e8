// Audit failure slice (issue #4, A5): the main process reports that the audit trail could not be written
// (`audit.failure`), and from then on refuses every action that needs a record. The operator must see it
// — on the active session and on the lock screen alike — and tell the CRSO.
//
// Not sensitive: it names the journal's trouble (a code, a message, a time), never criminal justice
// information, so it is NOT cleared by the lock (the event is delivered while locked, and the lock screen
// shows it). Dismissing hides the banner until the next failure; the count tells how many were reported.
import type { StateCreator } from 'zustand/vanilla';
import type { AuditFailureView } from '../../../shared/contract/channels';

export type { AuditFailureView };

export interface AuditFailureData {
  /** The last failure reported and not dismissed; null when there is none to show. */
  latest: AuditFailureView | null;
  /** Failures reported since the app started (a dismissed one stays counted). */
  count: number;
}

export interface AuditFailureSlice {
  auditFailure: AuditFailureData;
  receiveAuditFailure(payload: unknown): void;
  dismissAuditFailure(): void;
}

export const EMPTY_AUDIT_FAILURE: AuditFailureData = { latest: null, count: 0 };

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/** The main process validates every event; this keeps a malformed payload from reaching render. */
export function isAuditFailure(value: unknown): value is AuditFailureView {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === 3 &&
    typeof v.code === 'string' &&
    v.code.length >= 1 &&
    v.code.length <= 64 &&
    typeof v.message === 'string' &&
    v.message.length >= 1 &&
    v.message.length <= 2000 &&
    typeof v.at === 'string' &&
    ISO_TIME.test(v.at) &&
    !Number.isNaN(Date.parse(v.at))
  );
}

export function createAuditFailureSlice(): StateCreator<AuditFailureSlice, [], [], AuditFailureSlice> {
  return (set, get) => ({
    auditFailure: EMPTY_AUDIT_FAILURE,
    receiveAuditFailure(payload) {
      if (!isAuditFailure(payload)) return;
      const { code, message, at } = payload;
      set({ auditFailure: { latest: { code, message, at }, count: get().auditFailure.count + 1 } });
    },
    dismissAuditFailure() {
      set({ auditFailure: { ...get().auditFailure, latest: null } });
    },
  });
}
