// The audit trail's event types, shared: the journal (electron/services/audit) accepts exactly these, and the
// auditor's workspace offers exactly these as filters. One list, so a new event type is searchable at once.

/** Events the app records (A1). `inquiry.sent` is written, and made durable, before the inquiry goes out. */
export const OPERATOR_EVENT_TYPES = [
  'logon.success',
  'logon.failure',
  'logoff',
  'session.lock',
  'session.unlock',
  'setting.change',
  'roster.change',
  'password.change',
  'inquiry.sent',
  'inquiry.failed',
  'reply.received',
  'record.viewed',
  'record.printed',
  'record.exported',
  'record.released',
  // CORI release under supervision (issue #6, R1–R7): request, decision, destruction of a returned copy.
  'release.requested',
  'release.approved',
  'release.denied',
  'release.destroyed',
  // A hit confirmation request (YQ) not answered in time (Q7): flagged to the operator and supervisors.
  'confirmation.overdue',
  // Reading the audit is itself audited (AU-9), and so are the CRSO's review, export and verification.
  'audit.searched',
  'audit.viewed',
  'audit.reviewed',
  'audit.exported',
  'audit.verified',
] as const;
export type OperatorEventType = (typeof OPERATOR_EVENT_TYPES)[number];

/** Records the journal writes about itself: file headers, seals, recovery and purge (signed checkpoints). */
export const JOURNAL_EVENT_TYPES = ['journal.opened', 'journal.sealed', 'journal.recovered', 'journal.purged'] as const;

export const AUDIT_EVENT_TYPES = [...OPERATOR_EVENT_TYPES, ...JOURNAL_EVENT_TYPES] as const;
