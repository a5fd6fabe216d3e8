// Migration 1: the roster — operators and workstations.
// Frozen once released: the runner stores a checksum of every applied migration and refuses a database
// whose applied migration differs from this text. Change the schema with a new migration, never here.
//
// The CHECK constraints repeat the formats of shared/wire/protocol.ts (OPERATOR_ID, ORI_PATTERN,
// TERMINAL_MNEMONIC) and the roles of shared/contract/roles.ts; the repository checks first and gives the
// clear message, the database is the backstop for anything that reaches it another way.

import type { Migration } from './types';

export const migration0001: Migration = {
  version: 1,
  name: 'roster',
  statements: [
    `CREATE TABLE operators (
      operator_id text PRIMARY KEY
        CONSTRAINT operators_id_format CHECK (operator_id ~ '^[A-Z0-9]{3,12}$'),
      name text NOT NULL
        CONSTRAINT operators_name_format CHECK (char_length(name) BETWEEN 1 AND 100 AND name = btrim(name)),
      roles text[] NOT NULL
        CONSTRAINT operators_roles_known CHECK (
          cardinality(roles) BETWEEN 1 AND 5
          AND array_position(roles, NULL) IS NULL
          AND roles <@ ARRAY['dispatcher', 'records', 'supervisor', 'crso', 'admin']::text[]
        ),
      password_hash text NOT NULL
        CONSTRAINT operators_password_hash_format CHECK (password_hash LIKE 'scrypt$%'),
      badge_hash text
        CONSTRAINT operators_badge_hash_unique UNIQUE
        CONSTRAINT operators_badge_hash_format CHECK (badge_hash LIKE 'hmac-sha256$%'),
      pin_hash text
        CONSTRAINT operators_pin_hash_format CHECK (pin_hash LIKE 'scrypt$%'),
      statement_signed_on date,
      certified_until date,
      last_logon_at timestamptz,
      locked_at timestamptz,
      locked_reason text,
      disabled_at timestamptz,
      created_at timestamptz NOT NULL,
      CONSTRAINT operators_lock_has_reason CHECK ((locked_at IS NULL) = (locked_reason IS NULL)),
      CONSTRAINT operators_lock_reason_length CHECK (locked_reason IS NULL OR char_length(locked_reason) BETWEEN 1 AND 200)
    )`,
    `COMMENT ON TABLE operators IS 'CLETS operators. Rows are never deleted and IDs never change: disabling is deleting, so an ID is never reused (CJIS IA-4). No password hints are kept (IA-5(1)).'`,
    // One guard for the rules that keep an ID from ever being reused: no DELETE, no TRUNCATE, no change of
    // ID, no way back from disabled.
    `CREATE FUNCTION operators_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' THEN
        IF NEW.operator_id IS DISTINCT FROM OLD.operator_id THEN
          RAISE EXCEPTION 'operator IDs never change: an ID is never reused' USING ERRCODE = 'P0001';
        END IF;
        IF OLD.disabled_at IS NOT NULL AND NEW.disabled_at IS DISTINCT FROM OLD.disabled_at THEN
          RAISE EXCEPTION 'a disabled operator stays disabled: an ID is never reused' USING ERRCODE = 'P0001';
        END IF;
        RETURN NEW;
      END IF;
      RAISE EXCEPTION 'operators are never deleted (%): disable them instead, an ID is never reused', TG_OP USING ERRCODE = 'P0001';
    END
    $$`,
    `CREATE TRIGGER operators_never_deleted BEFORE DELETE ON operators FOR EACH ROW EXECUTE FUNCTION operators_guard()`,
    `CREATE TRIGGER operators_never_truncated BEFORE TRUNCATE ON operators FOR EACH STATEMENT EXECUTE FUNCTION operators_guard()`,
    `CREATE TRIGGER operators_id_fixed BEFORE UPDATE ON operators FOR EACH ROW EXECUTE FUNCTION operators_guard()`,
    `CREATE TABLE workstations (
      workstation_id text PRIMARY KEY
        CONSTRAINT workstations_id_format CHECK (workstation_id ~ '^[A-Z0-9][A-Z0-9-]{1,31}$'),
      ori text NOT NULL
        CONSTRAINT workstations_ori_format CHECK (ori ~ '^[A-Z]{2}[A-Z0-9]{7}$'),
      terminal text NOT NULL
        CONSTRAINT workstations_terminal_unique UNIQUE
        CONSTRAINT workstations_terminal_format CHECK (terminal ~ '^[A-Z0-9]{4,8}$'),
      lock_profile jsonb NOT NULL
        CONSTRAINT workstations_lock_profile_object CHECK (jsonb_typeof(lock_profile) = 'object'),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`,
    // Small facts about the store itself, e.g. the check value of the agency badge key.
    `CREATE TABLE store_meta (
      key text PRIMARY KEY CONSTRAINT store_meta_key_format CHECK (key ~ '^[a-z][a-z0-9-]{0,62}$'),
      value text NOT NULL
    )`,
  ],
};
