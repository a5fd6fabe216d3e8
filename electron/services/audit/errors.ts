// The audit trail's stable error codes. Every refusal reaches the operator as an AppError with one of
// these codes and a message that says what happened, that the action was refused, and what to do.

import { AppError } from '../errors';

export const AUDIT_ERROR_CODES = [
  /** The record could not be made durable on disk (ENOSPC, EFBIG, EACCES, EROFS, EIO …): the action is refused. */
  'AUDIT_WRITE_FAILED',
  /** The HMAC key could not be read from the OS keychain (or is not this journal's key): the action is refused. */
  'AUDIT_KEY_UNAVAILABLE',
  /** The journal on disk fails verification (other than a torn, never-acknowledged final line). */
  'AUDIT_JOURNAL_DAMAGED',
  /** Another live process holds the journal folder. */
  'AUDIT_JOURNAL_LOCKED',
  /** append() after close(). */
  'AUDIT_JOURNAL_CLOSED',
  /** The event does not match the record schema (unknown field, bad format, too long). */
  'AUDIT_RECORD_INVALID',
  /** openJournal() options out of range. */
  'AUDIT_CONFIG_INVALID',
  /** A purge was refused (no approver, nothing sealed and expired) or failed part way. */
  'AUDIT_PURGE_REFUSED',
  'AUDIT_PURGE_FAILED',
  /** An external checkpoint could not be saved, or one that was loaded is not authentic. */
  'AUDIT_CHECKPOINT_FAILED',
  'AUDIT_CHECKPOINT_INVALID',
  /** The copy to the agency store failed (it retries) or found a conflicting row (it stops). */
  'AUDIT_REPLICATION_FAILED',
  'AUDIT_REPLICA_CONFLICT',
] as const;

export type AuditErrorCode = (typeof AUDIT_ERROR_CODES)[number];

export function auditError(code: AuditErrorCode, message: string, cause?: unknown): AppError {
  return new AppError(code, message, cause === undefined ? undefined : { cause });
}

const ERRNO_TEXT: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file size limit was reached',
  EACCES: 'permission was denied on the audit folder',
  EPERM: 'the operation was not permitted on the audit folder',
  EROFS: 'the audit folder is on a read-only file system',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the audit folder or file is missing',
  EEXIST: 'a journal file that should be new already exists',
  EBADF: 'the journal file is no longer open',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
};

/** A short human reason for a file-system error, with its code: "the disk is full (ENOSPC)". */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return `${ERRNO_TEXT[code] ?? 'the file system refused the write'} (${code})`;
  return error instanceof Error ? error.message : String(error);
}

export function writeFailed(what: string, error: unknown): AppError {
  return auditError(
    'AUDIT_WRITE_FAILED',
    `The audit record could not be written to disk: ${describeFsError(error)} while ${what}. ` +
      'The action was refused and nothing was sent (no action goes ahead without its audit record). The failure is reported to the CRSO.',
    error,
  );
}

export function keyUnavailable(detail: string, cause?: unknown): AppError {
  return auditError(
    'AUDIT_KEY_UNAVAILABLE',
    `The audit trail's signing key could not be read from the OS keychain: ${detail}. ` +
      'The action was refused and nothing was sent (no action goes ahead without its audit record). The failure is reported to the CRSO.',
    cause,
  );
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
