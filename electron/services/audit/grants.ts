// The privileges of a workstation on an agency PostgreSQL, for the audit tables of migration 3.
//
// Run as the role that owns the schema (the one that runs migrations), once per workstation role:
//
//   REVOKE ALL ON audit_records, audit_checkpoints FROM PUBLIC;
//   REVOKE ALL ON audit_records, audit_checkpoints FROM clets_workstation;
//   GRANT SELECT, INSERT ON audit_records, audit_checkpoints TO clets_workstation;
//
// A workstation may then add rows (the replicator's INSERT … ON CONFLICT DO NOTHING needs only INSERT)
// and read them (its own position, conflict checks), but never UPDATE, DELETE or TRUNCATE — PostgreSQL
// refuses with 42501 before the append-only triggers are even reached. The workstation role must not
// own the tables (an owner can ALTER TABLE … DISABLE TRIGGER), and no workstation role needs
// CREATE on the schema. Retention in the agency store is the DBA's, with a separate privileged role.

import { auditError } from './errors';

export const AUDIT_TABLES = ['audit_records', 'audit_checkpoints'] as const;

const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements above for `role` (a plain lower-case identifier). One statement per entry. */
export function auditGrantStatements(role: string): string[] {
  if (!ROLE.test(role)) throw auditError('AUDIT_CONFIG_INVALID', 'A database role name is lower-case letters, digits and underscores.');
  const tables = AUDIT_TABLES.join(', ');
  return [
    `REVOKE ALL ON ${tables} FROM PUBLIC`,
    `REVOKE ALL ON ${tables} FROM ${role}`,
    `GRANT SELECT, INSERT ON ${tables} TO ${role}`,
  ];
}
