// The session layer's audit recorder: every logon, lock, unlock, logoff, settings change and roster change
// is recorded in the audit journal BEFORE it happens (A1, A5). If the record cannot be made durable the
// action is refused (fail closed) — except a lock, which always happens (it protects the screen) and whose
// failed record is only reported. Only the minimum is recorded (AU-3(3)): event type, operator, outcome and a
// reason code; never a password, PIN or badge value.
import type { AuditEvent } from '../audit/schema';
import { AppError, isAppError } from '../errors';

export type SessionAuditEvent = AuditEvent;

export interface SessionAudit {
  /** Resolves once the record is durable; rejects (AUDIT_*) when it is not. */
  record(event: SessionAuditEvent): Promise<void>;
}

/** Records nothing. Only for unit tests that are not about the audit trail. */
export const noAudit: SessionAudit = { record: () => Promise.resolve() };

export const AUDIT_REFUSED_MESSAGE = 'The audit trail could not be written, so nothing was done. Tell your CRSO.';

/** The refusal the operator sees when the record of an action could not be written. */
export function auditRefusal(error: unknown): AppError {
  const code = isAppError(error) && error.code.startsWith('AUDIT_') ? error.code : 'AUDIT_WRITE_FAILED';
  return new AppError(code, AUDIT_REFUSED_MESSAGE, { cause: error });
}

/** Records the event, or throws the audit refusal (the caller has not acted yet). */
export async function recordOrRefuse(audit: SessionAudit, event: SessionAuditEvent): Promise<void> {
  try {
    await audit.record(event);
  } catch (error) {
    throw auditRefusal(error);
  }
}
