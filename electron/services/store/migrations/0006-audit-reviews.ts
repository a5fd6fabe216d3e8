// Migration 6: the CRSO's weekly reviews of the audit trail (AU-6, issue #4 §4).
//
//   audit_reviews   one row per reviewed week (its Monday, agency time zone) and agency: who reviewed it,
//                   when, their note and how many records the week held then. A week is reviewed once
//                   (primary key); the review itself is also recorded in the journal (audit.reviewed).
//
// Reviews never touch audit_records. Like the audit tables, rows are append-only: triggers refuse UPDATE,
// DELETE and TRUNCATE (the function audit_append_only() comes from migration 3).
// Frozen once released; change the schema with a later migration.

import type { Migration } from './types';

export const migration0006: Migration = {
  version: 6,
  name: 'audit-reviews',
  statements: [
    `CREATE TABLE audit_reviews (
      week_start date NOT NULL
        CONSTRAINT audit_reviews_week_is_monday CHECK (extract(isodow FROM week_start) = 1),
      ori text NOT NULL
        CONSTRAINT audit_reviews_ori_format CHECK (ori ~ '^[A-Z]{2}[A-Z0-9]{7}$'),
      reviewed_by text NOT NULL
        CONSTRAINT audit_reviews_reviewer_format CHECK (reviewed_by ~ '^[A-Z0-9]{3,12}$'),
      reviewed_at timestamptz NOT NULL,
      note text NOT NULL
        CONSTRAINT audit_reviews_note_length CHECK (char_length(note) BETWEEN 3 AND 1000),
      records_count bigint NOT NULL
        CONSTRAINT audit_reviews_records_count CHECK (records_count >= 0),
      CONSTRAINT audit_reviews_pkey PRIMARY KEY (ori, week_start)
    )`,
    `COMMENT ON TABLE audit_reviews IS 'The CRSO''s weekly audit reviews (CJIS AU-6). One per week and agency, append-only. Reviews never change audit records (AU-7).'`,
    `CREATE TRIGGER audit_reviews_append_only BEFORE UPDATE OR DELETE ON audit_reviews FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER audit_reviews_never_truncated BEFORE TRUNCATE ON audit_reviews FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
  ],
};
