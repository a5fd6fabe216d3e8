// Migration 4: the indexes behind the auditor's search of audit_records (electron/services/audit/search.ts).
//
// Every search is newest first with keyset pagination on (at, workstation_id, seq) — (at, seq) alone is
// not unique: seq runs per workstation. Each index below ends in that order, so a search reads one page
// straight off the index (no sort, no scan of the rest of the window), however many rows match:
//
//   audit_records_operator_at_key   operator + date window (the common one), replaces 0003's (operator_id, at)
//   audit_records_at_key            date window alone, replaces 0003's (at)
//   audit_records_workstation_at    workstation + date window (the primary key (workstation_id, seq) serves
//                                   auditNeighbours)
//   audit_records_requestor_at      requestor, kept only in the signed line: an expression index on it, over
//                                   the lines that have one (a LIKE, so the build parses only those lines)
//   audit_records_subject_keys      inquiry subject keys (NAM, DOB, OLN, LIC …): GIN over the line's
//                                   inquiry.subjectKeys object, searched with @> (containment)
//
// `line` is text (the record exactly as signed); `line::jsonb` is immutable, so it can be indexed. Every
// line the replicator copies has been JSON-parsed first (journal-cursor.ts). The search's SQL must spell
// these expressions exactly as here for the planner to match them (search.ts keeps them in one place).
// Message key and purpose codes are not indexed: they are filters on a window another index has narrowed.

import type { Migration } from './types';

export const migration0004: Migration = {
  version: 4,
  name: 'audit-search',
  statements: [
    `CREATE INDEX audit_records_operator_at_key ON audit_records (operator_id, at DESC, workstation_id DESC, seq DESC)`,
    `DROP INDEX IF EXISTS audit_records_operator_at`,
    `CREATE INDEX audit_records_at_key ON audit_records (at DESC, workstation_id DESC, seq DESC)`,
    `DROP INDEX IF EXISTS audit_records_at`,
    `CREATE INDEX audit_records_workstation_at ON audit_records (workstation_id, at DESC, seq DESC)`,
    `CREATE INDEX audit_records_requestor_at ON audit_records (((line::jsonb) ->> 'requestor'), at DESC, workstation_id DESC, seq DESC)
      WHERE line LIKE '%"requestor":"%'`,
    `CREATE INDEX audit_records_subject_keys ON audit_records USING gin ((((line::jsonb) -> 'inquiry') -> 'subjectKeys') jsonb_path_ops)
      WHERE event_type IN ('inquiry.sent', 'inquiry.failed')`,
  ],
};
