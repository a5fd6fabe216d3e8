// Migration 3: the agency copy of every workstation's audit journal (electron/services/audit/).
//
//   audit_records      one row per journal record, copied from the workstation's local journal (the outbox)
//                      by the replicator; primary key (workstation_id, seq), so a copy sent twice is kept
//                      once (INSERT … ON CONFLICT DO NOTHING). `line` is the record exactly as signed, so
//                      the chain and HMACs can be verified from the store as from the files.
//   audit_checkpoints  the signed checkpoints of each journal (its latest state), kept outside the
//                      workstation so that deleting or truncating its files is detected.
//
// Both tables are append-only for everyone: triggers refuse UPDATE, DELETE and TRUNCATE (A7, CSP AU-9).
// On an agency PostgreSQL the workstation role also gets only SELECT and INSERT on them — see
// electron/services/audit/grants.ts for the GRANT statements — and never owns them (an owner can
// disable triggers). Frozen once released; change the schema with migration 4.

import type { Migration } from './types';

export const migration0003: Migration = {
  version: 3,
  name: 'audit',
  statements: [
    `CREATE TABLE audit_records (
      workstation_id text NOT NULL
        CONSTRAINT audit_records_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      seq bigint NOT NULL
        CONSTRAINT audit_records_seq_positive CHECK (seq >= 1),
      at timestamptz NOT NULL,
      event_type text NOT NULL
        CONSTRAINT audit_records_event_type_format CHECK (event_type ~ '^[a-z]+(\\.[a-z-]+)+$'),
      operator_id text
        CONSTRAINT audit_records_operator_format CHECK (operator_id IS NULL OR operator_id ~ '^[A-Z0-9]{3,12}$'),
      outcome text NOT NULL
        CONSTRAINT audit_records_outcome_known CHECK (outcome IN ('success', 'failure', 'refused')),
      message_ref text
        CONSTRAINT audit_records_message_ref_format CHECK (message_ref IS NULL OR message_ref ~ '^[A-Z0-9][A-Z0-9-]{7,39}$'),
      hash text NOT NULL
        CONSTRAINT audit_records_hash_format CHECK (hash ~ '^[0-9a-f]{64}$'),
      line text NOT NULL
        CONSTRAINT audit_records_line_length CHECK (char_length(line) BETWEEN 2 AND 16384),
      copied_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT audit_records_pkey PRIMARY KEY (workstation_id, seq)
    )`,
    `COMMENT ON TABLE audit_records IS 'Copies of the workstations'' signed audit records (CJIS AU-2/AU-3, T11 707(c)). Append-only: rows are never updated or deleted. Retention is applied to whole journal files on the workstation by an approved, audited purge.'`,
    `CREATE INDEX audit_records_at ON audit_records (at)`,
    `CREATE INDEX audit_records_operator_at ON audit_records (operator_id, at)`,
    `CREATE INDEX audit_records_message_ref ON audit_records (message_ref) WHERE message_ref IS NOT NULL`,
    `CREATE TABLE audit_checkpoints (
      workstation_id text NOT NULL
        CONSTRAINT audit_checkpoints_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      seq bigint NOT NULL
        CONSTRAINT audit_checkpoints_seq_positive CHECK (seq >= 1),
      file text NOT NULL
        CONSTRAINT audit_checkpoints_file_length CHECK (char_length(file) BETWEEN 1 AND 128),
      file_no integer NOT NULL
        CONSTRAINT audit_checkpoints_file_no_positive CHECK (file_no >= 1),
      hash text NOT NULL
        CONSTRAINT audit_checkpoints_hash_format CHECK (hash ~ '^[0-9a-f]{64}$'),
      at timestamptz NOT NULL,
      checkpoint text NOT NULL
        CONSTRAINT audit_checkpoints_checkpoint_length CHECK (char_length(checkpoint) BETWEEN 2 AND 2048),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT audit_checkpoints_pkey PRIMARY KEY (workstation_id, seq)
    )`,
    `COMMENT ON TABLE audit_checkpoints IS 'Signed checkpoints of each workstation audit journal: the latest shows whether its files were truncated or deleted. Append-only.'`,
    `CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit rows are append-only: % on % is refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'P0001';
    END
    $$`,
    `CREATE TRIGGER audit_records_append_only BEFORE UPDATE OR DELETE ON audit_records FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER audit_records_never_truncated BEFORE TRUNCATE ON audit_records FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER audit_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER audit_checkpoints_never_truncated BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
  ],
};
