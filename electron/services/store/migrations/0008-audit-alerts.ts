// Migration 8: audit-trail failures reported by the workstations (CJIS AU-5: alert within 1 hour when audit
// logging fails). A workstation whose journal cannot be written refuses every recorded action and says so on
// its own screen; this table carries the failure to the CRSO on any workstation. Append-only.
// Frozen once released; change the schema with a later migration.

import type { Migration } from './types';

export const migration0008: Migration = {
  version: 8,
  name: 'audit-alerts',
  statements: [
    `CREATE TABLE audit_alerts (
      alert_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workstation_id text NOT NULL
        CONSTRAINT audit_alerts_workstation_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      at timestamptz NOT NULL,
      code text NOT NULL CONSTRAINT audit_alerts_code_format CHECK (code ~ '^[A-Z][A-Z0-9_]{1,63}$'),
      message text NOT NULL CONSTRAINT audit_alerts_message_length CHECK (char_length(message) BETWEEN 1 AND 500),
      severity text NOT NULL CONSTRAINT audit_alerts_severity_known CHECK (severity IN ('warning', 'critical'))
    )`,
    `CREATE INDEX audit_alerts_at ON audit_alerts (at)`,
    `CREATE TRIGGER audit_alerts_append_only BEFORE UPDATE OR DELETE ON audit_alerts FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER audit_alerts_never_truncated BEFORE TRUNCATE ON audit_alerts FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
  ],
};
