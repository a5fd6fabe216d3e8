// The agency store: one schema, two drivers (embedded PGlite, agency PostgreSQL), the roster on top.
export type { Db, Queryable, SqlParam } from './db';
export { SQLSTATE, sqlConstraint, sqlState } from './db';
export { openPglite, type PgliteOptions } from './pglite';
export { describePostgresUrl, openPostgres, parsePostgresUrl, type PostgresOptions, type PostgresTarget, type PostgresTls } from './postgres';
export { latestVersion, migrate, migrationChecksum, schemaVersion, validateMigrations, type MigrateOptions, type MigrateResult } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { BADGE_KEY_BYTES, SCRYPT_PARAMS, badgeDigest, hashSecret, needsRehash, normalizeBadge, verifySecret } from './hashing';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PIN_MAX_LENGTH,
  PIN_MIN_LENGTH,
  assertPasswordAcceptable,
  assertPinAcceptable,
  checkPassword,
  type PasswordCheck,
  type PasswordProblem,
} from './password-policy';
export { DEFAULT_LOCK_PROFILE, lockProfileSchema, type LockProfile } from './lock-profile';
export { createRoster, type NewOperator, type Operator, type Roster, type RosterOptions } from './roster';
export type { NewWorkstation, Workstation, Workstations } from './workstations';
export { TRAINING_LOGINS, seedTrainingRoster, type SeedResult, type TrainingLogin } from './training-roster';
export {
  createSessionStore,
  type ClaimResult,
  type FailureKind,
  type FailureOutcome,
  type Lockout,
  type LockoutPolicy,
  type LockoutRule,
  type SessionStore,
} from './sessions';
export { openAgencyStore, type AgencyStore, type OpenAgencyStoreOptions } from './open';
