// Migration 2: what the session layer must share across workstations and restarts —
//   active_sessions  one row per signed-on operator (L10: one session per operator at a time), with the
//                    workstation holding it and a heartbeat, so a workstation that vanished stops blocking;
//   logon_failures   failed sign-on and unlock attempts, counted for the account lockout (L2) whatever
//                    workstation they came from; cleared by a successful sign-on or a release;
//   logon_lockouts   the lockouts the session layer applied, with when they lift (null: until a CRSO or
//                    administrator releases it, CJIS 5.9.4; a time: the 10 minutes of CJIS 5.8).
// No secret is stored: claim_id only tells a workstation's own row from a newer one.
// operator_id carries the roster's format but no foreign key: operators are never deleted and their IDs
// never change (migration 1), the session layer writes a row only for an operator it has just read, and a
// foreign key would make TRUNCATE operators fail on the reference before the roster's own guard answers.
// Frozen once released; change the schema with a later migration.

import type { Migration } from './types';

export const migration0002: Migration = {
  version: 2,
  name: 'sessions',
  statements: [
    `CREATE TABLE active_sessions (
      operator_id text PRIMARY KEY
        CONSTRAINT active_sessions_operator_format CHECK (operator_id ~ '^[A-Z0-9]{3,12}$'),
      workstation_id text NOT NULL
        CONSTRAINT active_sessions_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      claim_id text NOT NULL
        CONSTRAINT active_sessions_claim_format CHECK (claim_id ~ '^[0-9a-f]{32}$'),
      started_at timestamptz NOT NULL,
      heartbeat_at timestamptz NOT NULL
    )`,
    `COMMENT ON TABLE active_sessions IS 'One row per signed-on operator (CJIS 5.5.2.2, one session per user). A row whose heartbeat is older than the stale limit belongs to a workstation that is gone and does not block.'`,
    `CREATE TABLE logon_failures (
      failure_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      operator_id text NOT NULL
        CONSTRAINT logon_failures_operator_format CHECK (operator_id ~ '^[A-Z0-9]{3,12}$'),
      workstation_id text NOT NULL
        CONSTRAINT logon_failures_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      kind text NOT NULL
        CONSTRAINT logon_failures_kind_known CHECK (kind IN ('password', 'second-factor', 'unlock')),
      failed_at timestamptz NOT NULL
    )`,
    `CREATE INDEX logon_failures_by_operator ON logon_failures (operator_id, failed_at)`,
    `CREATE TABLE logon_lockouts (
      operator_id text PRIMARY KEY
        CONSTRAINT logon_lockouts_operator_format CHECK (operator_id ~ '^[A-Z0-9]{3,12}$'),
      locked_at timestamptz NOT NULL,
      lifts_at timestamptz,
      rule text NOT NULL
        CONSTRAINT logon_lockouts_rule_known CHECK (rule IN ('cjis-5.9.4', 'cjis-5.8')),
      CONSTRAINT logon_lockouts_lifts_after_lock CHECK (lifts_at IS NULL OR lifts_at > locked_at)
    )`,
  ],
};
