// The audit trail (main process, plain Node). See README.md in this folder.
export { openJournal, JOURNAL_DEFAULTS } from './open';
export { verifyJournal, describeVerifyResult, type VerifyOptions, type VerifyProgress, type VerifyResult } from './verify';
export { DAMAGE_KINDS, type Damage, type DamageKind, type TornTail } from './verify-core';
export { startAuditReplication, REPLICATION_DEFAULTS, type AuditReplication, type ReplicationOptions, type ReplicationState, type ReplicationStatus } from './replication';
export {
  checkpointIsAuthentic,
  fileCheckpointSink,
  folderScopedKeychainEntry,
  KEYCHAIN_CHECKPOINT_FOLDERS,
  keychainCheckpointSink,
  parseCheckpoint,
  serializeCheckpoint,
  storeCheckpointSink,
  type Checkpoint,
  type CheckpointSink,
  type KeychainEntry,
} from './checkpoint';
export { ensureAuditKey, keychainKeyProvider } from './key';
export {
  searchAudit,
  auditNeighbours,
  auditSearchFilterSchema,
  AUDIT_SEARCH_MAX_PAGE,
  AUDIT_SEARCH_DEFAULT_PAGE,
  AUDIT_NEIGHBOURS_MAX,
  type AuditRow,
  type AuditSearchFilter,
  type AuditSearchCursor,
  type AuditSearchPage,
  type AuditSearchPageRequest,
  type AuditNeighbours,
} from './search';
export { auditGrantStatements, AUDIT_TABLES } from './grants';
export { retentionCutoff } from './purge';
export { AUDIT_ERROR_CODES, type AuditErrorCode } from './errors';
export {
  auditEventSchema,
  OPERATOR_EVENT_TYPES,
  JOURNAL_EVENT_TYPES,
  OUTCOMES,
  SUBJECT_KEYS,
  type AuditEvent,
  type EventType,
  type Outcome,
  type StoredRecord,
} from './schema';
export type { AuditFs } from './fs';
export type {
  AppendResult,
  AuditFailure,
  AuditJournal,
  JournalOptions,
  KeyProvider,
  PurgeRequest,
  PurgeResult,
  RecoveryReport,
  RetentionOptions,
  RotationOptions,
} from './types';
