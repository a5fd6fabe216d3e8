// Migration 7: CORI release under supervision (issue #6; requirements R1–R7, T11 §707(c), §708).
//
//   release_requests      a records user's request to release a criminal history record; a supervisor
//                         approves or denies it (never their own: a CHECK, not only the app); the status
//                         only moves pending → approved | denied, approved → released (a trigger). The
//                         released text is kept only while the request is open and cleared when it is
//                         released or denied (the dissemination log keeps what was released, not the CORI).
//   dissemination_log     one row per release (T11 §707(c)): append-only like the audit tables, kept at
//                         least 3 years.
//   release_destructions  the destruction of a released copy returned to the agency, with its method and
//                         witness (T11 §708); append-only, one per release.
// Every change to release_requests is announced with NOTIFY cori_release '<id>:<status>', so supervisors
// see a new request on their own workstations at once (PostgreSQL; PGlite within one process).
// Frozen once released; change the schema with a later migration.

import type { Migration } from './types';

const OPERATOR = `'^[A-Z0-9]{3,12}$'`;
const WORKSTATION = `'^[A-Z0-9][A-Z0-9-]{1,31}$'`;

export const migration0007: Migration = {
  version: 7,
  name: 'releases',
  statements: [
    `CREATE SEQUENCE release_number AS bigint MINVALUE 1 NO CYCLE`,
    `CREATE TABLE release_requests (
      release_id text PRIMARY KEY
        CONSTRAINT release_requests_id_format CHECK (release_id ~ '^R[0-9]{4}-[0-9]{6}$'),
      status text NOT NULL
        CONSTRAINT release_requests_status_known CHECK (status IN ('pending', 'approved', 'denied', 'released')),
      requested_at timestamptz NOT NULL,
      requested_by text NOT NULL CONSTRAINT release_requests_requested_by_format CHECK (requested_by ~ ${OPERATOR}),
      requesting_workstation text NOT NULL CONSTRAINT release_requests_workstation_format CHECK (requesting_workstation ~ ${WORKSTATION}),
      inquiry_ref text NOT NULL CONSTRAINT release_requests_inquiry_ref_format CHECK (inquiry_ref ~ '^[A-Z0-9][A-Z0-9-]{7,39}$'),
      subject text NOT NULL CONSTRAINT release_requests_subject_length CHECK (char_length(subject) BETWEEN 1 AND 160),
      recipient_name text NOT NULL CONSTRAINT release_requests_recipient_name_length CHECK (char_length(recipient_name) BETWEEN 2 AND 100),
      recipient_agency text NOT NULL CONSTRAINT release_requests_recipient_agency_length CHECK (char_length(recipient_agency) BETWEEN 2 AND 100),
      recipient_ori text CONSTRAINT release_requests_recipient_ori_format CHECK (recipient_ori IS NULL OR recipient_ori ~ '^[A-Z]{2}[A-Z0-9]{7}$'),
      recipient_type text NOT NULL
        CONSTRAINT release_requests_recipient_type_known CHECK (recipient_type IN ('da_charging', 'court', 'criminal_justice_agency', 'other_authorized')),
      legal_basis_type text NOT NULL
        CONSTRAINT release_requests_legal_basis_type_known CHECK (legal_basis_type IN ('statute', 'court_order', 'legal_process')),
      legal_basis_reference text NOT NULL CONSTRAINT release_requests_legal_basis_length CHECK (char_length(legal_basis_reference) BETWEEN 2 AND 120),
      right_to_know text CONSTRAINT release_requests_rtk_length CHECK (right_to_know IS NULL OR char_length(right_to_know) <= 500),
      need_to_know text CONSTRAINT release_requests_ntk_length CHECK (need_to_know IS NULL OR char_length(need_to_know) <= 500),
      scope text NOT NULL CONSTRAINT release_requests_scope_length CHECK (char_length(scope) BETWEEN 1 AND 200),
      method text NOT NULL CONSTRAINT release_requests_method_known CHECK (method IN ('print', 'photocopy', 'electronic')),
      charging_case text CONSTRAINT release_requests_charging_case_length CHECK (charging_case IS NULL OR char_length(charging_case) <= 40),
      content text CONSTRAINT release_requests_content_length CHECK (content IS NULL OR char_length(content) <= 262144),
      decided_by text CONSTRAINT release_requests_decided_by_format CHECK (decided_by IS NULL OR decided_by ~ ${OPERATOR}),
      decided_at timestamptz,
      decision_reason text CONSTRAINT release_requests_reason_length CHECK (decision_reason IS NULL OR char_length(decision_reason) <= 500),
      released_by text CONSTRAINT release_requests_released_by_format CHECK (released_by IS NULL OR released_by ~ ${OPERATOR}),
      released_at timestamptz,
      CONSTRAINT release_requests_not_self_decided CHECK (decided_by IS NULL OR decided_by <> requested_by),
      CONSTRAINT release_requests_determination CHECK (
        legal_basis_type IN ('court_order', 'legal_process') OR (right_to_know IS NOT NULL AND need_to_know IS NOT NULL)
      ),
      CONSTRAINT release_requests_decision_complete CHECK (
        (status = 'pending' AND decided_by IS NULL) OR (status <> 'pending' AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
      ),
      CONSTRAINT release_requests_release_complete CHECK ((status = 'released') = (released_by IS NOT NULL AND released_at IS NOT NULL))
    )`,
    `CREATE INDEX release_requests_pending ON release_requests (requested_at) WHERE status = 'pending'`,
    `CREATE INDEX release_requests_by_requester ON release_requests (requested_by, requested_at)`,
    `CREATE FUNCTION release_requests_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'release requests are never deleted' USING ERRCODE = 'P0001';
      END IF;
      IF NEW.release_id <> OLD.release_id OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
         OR NEW.recipient_name <> OLD.recipient_name OR NEW.recipient_agency <> OLD.recipient_agency
         OR NEW.legal_basis_reference <> OLD.legal_basis_reference OR NEW.inquiry_ref <> OLD.inquiry_ref THEN
        RAISE EXCEPTION 'a release request''s facts never change' USING ERRCODE = 'P0001';
      END IF;
      IF NOT ((OLD.status = 'pending' AND NEW.status IN ('approved', 'denied'))
              OR (OLD.status = 'approved' AND NEW.status = 'released')) THEN
        RAISE EXCEPTION 'a release request cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'P0001';
      END IF;
      RETURN NEW;
    END
    $$`,
    `CREATE TRIGGER release_requests_guarded BEFORE UPDATE OR DELETE ON release_requests FOR EACH ROW EXECUTE FUNCTION release_requests_guard()`,
    `CREATE FUNCTION release_requests_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('cori_release', NEW.release_id || ':' || NEW.status);
      RETURN NEW;
    END
    $$`,
    `CREATE TRIGGER release_requests_announced AFTER INSERT OR UPDATE ON release_requests FOR EACH ROW EXECUTE FUNCTION release_requests_notify()`,
    `CREATE TABLE dissemination_log (
      release_id text PRIMARY KEY REFERENCES release_requests (release_id),
      released_at timestamptz NOT NULL,
      requesting_workstation text NOT NULL CONSTRAINT dissemination_log_requesting_ws CHECK (requesting_workstation ~ ${WORKSTATION}),
      requested_by text NOT NULL CONSTRAINT dissemination_log_requested_by CHECK (requested_by ~ ${OPERATOR}),
      approved_by text NOT NULL CONSTRAINT dissemination_log_approved_by CHECK (approved_by ~ ${OPERATOR}),
      released_by text NOT NULL CONSTRAINT dissemination_log_released_by CHECK (released_by ~ ${OPERATOR}),
      releasing_workstation text NOT NULL CONSTRAINT dissemination_log_releasing_ws CHECK (releasing_workstation ~ ${WORKSTATION}),
      recipient_name text NOT NULL,
      recipient_agency text NOT NULL,
      recipient_ori text,
      recipient_type text NOT NULL,
      purpose text NOT NULL,
      legal_basis text NOT NULL,
      released text NOT NULL,
      method text NOT NULL,
      CONSTRAINT dissemination_log_approver_not_requester CHECK (approved_by <> requested_by)
    )`,
    `COMMENT ON TABLE dissemination_log IS 'Every release of CORI (T11 707(c)): kept at least 3 years. Append-only.'`,
    `CREATE INDEX dissemination_log_released_at ON dissemination_log (released_at)`,
    `CREATE TABLE release_destructions (
      release_id text PRIMARY KEY REFERENCES dissemination_log (release_id),
      destroyed_on date NOT NULL,
      method text NOT NULL CONSTRAINT release_destructions_method_known CHECK (method IN ('shredded', 'burned', 'pulped', 'electronic_wipe')),
      witness text NOT NULL CONSTRAINT release_destructions_witness_length CHECK (char_length(witness) BETWEEN 3 AND 100),
      recorded_by text NOT NULL CONSTRAINT release_destructions_recorded_by CHECK (recorded_by ~ ${OPERATOR}),
      recorded_at timestamptz NOT NULL
    )`,
    `CREATE TRIGGER dissemination_log_append_only BEFORE UPDATE OR DELETE ON dissemination_log FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER dissemination_log_never_truncated BEFORE TRUNCATE ON dissemination_log FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER release_destructions_append_only BEFORE UPDATE OR DELETE ON release_destructions FOR EACH ROW EXECUTE FUNCTION audit_append_only()`,
    `CREATE TRIGGER release_destructions_never_truncated BEFORE TRUNCATE ON release_destructions FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()`,
  ],
};
