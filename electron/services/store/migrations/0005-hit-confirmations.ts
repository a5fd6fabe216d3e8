// Migration 5: hit confirmation requests (YQ) of every workstation (requirements Q7), so a supervisor sees
// the overdue ones agency-wide (`supervision.overdueConfirmations`). One row per YQ, keyed by its message
// reference; the workstation that sent it updates its status (waiting → confirmed / not_confirmed /
// overdue / failed). No reply text is kept here: the YR stays in the operator's session.
// Frozen once released; change the schema with a later migration.

import type { Migration } from './types';

export const migration0005: Migration = {
  version: 5,
  name: 'hit-confirmations',
  statements: [
    `CREATE TABLE hit_confirmations (
      id text PRIMARY KEY
        CONSTRAINT hit_confirmations_id_format CHECK (id ~ '^[A-Z0-9][A-Z0-9-]{7,39}$'),
      workstation_id text NOT NULL
        CONSTRAINT hit_confirmations_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      operator_id text NOT NULL
        CONSTRAINT hit_confirmations_operator_format CHECK (operator_id ~ '^[A-Z0-9]{3,12}$'),
      hit_ref text NOT NULL,
      record_index integer NOT NULL CONSTRAINT hit_confirmations_record_index CHECK (record_index >= 0),
      subject text NOT NULL CONSTRAINT hit_confirmations_subject_length CHECK (length(subject) <= 160),
      rty text NOT NULL CONSTRAINT hit_confirmations_rty CHECK (rty IN ('W', 'M', 'P', 'V', 'L', 'G', 'A', 'B', 'S')),
      nic text NOT NULL CONSTRAINT hit_confirmations_nic_format CHECK (nic ~ '^[A-Z][0-9]{9}$'),
      oca text NOT NULL CONSTRAINT hit_confirmations_oca_length CHECK (length(oca) BETWEEN 1 AND 20),
      destination text NOT NULL CONSTRAINT hit_confirmations_destination_format CHECK (destination ~ '^[A-Z0-9]{9}$'),
      priority text NOT NULL CONSTRAINT hit_confirmations_priority CHECK (priority IN ('U', 'R')),
      request_number text NOT NULL CONSTRAINT hit_confirmations_request_number CHECK (request_number IN ('1', '2', '3')),
      sent_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      status text NOT NULL
        CONSTRAINT hit_confirmations_status CHECK (status IN ('waiting', 'confirmed', 'not_confirmed', 'overdue', 'failed')),
      closed_at timestamptz,
      CONSTRAINT hit_confirmations_due_after_sent CHECK (due_at > sent_at)
    )`,
    `COMMENT ON TABLE hit_confirmations IS 'Hit confirmation requests (YQ) of every workstation and their state, supervisors list the overdue ones (Q7). No reply text.'`,
    `CREATE INDEX hit_confirmations_by_status ON hit_confirmations (status, due_at)`,
  ],
};
