// The roster: who may use this workstation (requirements §1) and the workstations themselves.
//
// Operators are never deleted: disabling is deleting, and the database refuses DELETE, TRUNCATE, a change
// of ID and a return from disabled, so an operator ID is never reused (U6 asks for one year; never is
// simpler and stricter). Hashes never leave this module: an Operator says only whether a badge or PIN is
// set. The session layer decides what a locked, disabled, unsigned or uncertified operator may do; the
// roster keeps the facts and checks secrets in constant time.

import type { Role } from '../../../shared/contract/roles';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import { SQLSTATE, sqlConstraint, sqlState, type Db, type Queryable } from './db';
import { BADGE_KEY_BYTES, badgeDigest, badgeKeyCheck, dummyHash, hashSecret, needsRehash, verifySecret } from './hashing';
import { assertPasswordAcceptable, assertPinAcceptable } from './password-policy';
import { badgeOf, dateOf, nameOf, operatorIdOf, rolesOf } from './validate';
import { createWorkstations, type Workstations } from './workstations';

export interface Operator {
  operatorId: string;
  name: string;
  roles: Role[];
  hasBadge: boolean;
  hasPin: boolean;
  /** Date the Employee/Volunteer Statement form was signed (U2), 'YYYY-MM-DD'. */
  statementSignedOn: string | null;
  /** Last day of CLETS certification (U3), 'YYYY-MM-DD'. */
  certifiedUntil: string | null;
  /** Epoch milliseconds. */
  lastLogonAt: number | null;
  lockedAt: number | null;
  lockedReason: string | null;
  disabledAt: number | null;
  createdAt: number;
}

export interface NewOperator {
  operatorId: string;
  name: string;
  roles: readonly Role[];
  password: string;
  badge?: string;
  pin?: string;
  statementSignedOn?: string | null;
  certifiedUntil?: string | null;
}

export interface RosterOptions {
  /** The agency badge key (keychain `badge-hmac-key`), at least 32 bytes. */
  badgeKey: Uint8Array;
}

export interface Roster extends Workstations {
  /** Fails with OPERATOR_ID_USED when the ID exists or ever existed. */
  createOperator(input: NewOperator): Promise<Operator>;
  getOperator(operatorId: string): Promise<Operator | null>;
  /** Sorted by ID. Disabled operators only when asked. */
  listOperators(options?: { includeDisabled?: boolean }): Promise<Operator[]>;
  /** The operator whose badge this is, or null. Disabling an operator frees the badge. */
  findOperatorByBadge(badge: string): Promise<Operator | null>;
  /**
   * Constant-time check of the secret only (false for an unknown ID); the session layer refuses a disabled,
   * locked, unsigned or uncertified operator. Re-hashes with current parameters after a match when due.
   */
  checkPassword(operatorId: string, password: string): Promise<boolean>;
  /** Constant-time check; false for an unknown ID or an operator without a PIN. */
  checkPin(operatorId: string, pin: string): Promise<boolean>;
  setPassword(operatorId: string, password: string): Promise<void>;
  /** null removes the badge. Fails with BADGE_IN_USE when another operator has it. */
  setBadge(operatorId: string, badge: string | null): Promise<void>;
  /** null removes the PIN. */
  setPin(operatorId: string, pin: string | null): Promise<void>;
  setRoles(operatorId: string, roles: readonly Role[]): Promise<Operator>;
  setStatementSigned(operatorId: string, signedOn: string | null): Promise<Operator>;
  setCertifiedUntil(operatorId: string, until: string | null): Promise<Operator>;
  recordLogon(operatorId: string): Promise<Operator>;
  lockOperator(operatorId: string, reason: string): Promise<Operator>;
  unlockOperator(operatorId: string): Promise<Operator>;
  /** Irreversible: the operator can never log on again and the ID is never given out again. */
  disableOperator(operatorId: string): Promise<Operator>;
  /**
   * Records the badge key's check value on first use and refuses a different key later (BADGE_KEY_MISMATCH):
   * a workstation with the wrong key would silently never match a badge. Call once at startup.
   */
  verifyBadgeKey(): Promise<void>;
}

interface OperatorRow {
  operator_id: string;
  name: string;
  roles: Role[];
  password_hash: string;
  badge_hash: string | null;
  pin_hash: string | null;
  statement_signed_on: string | null;
  certified_until: string | null;
  last_logon_at: Date | null;
  locked_at: Date | null;
  locked_reason: string | null;
  disabled_at: Date | null;
  created_at: Date;
}

const COLUMNS =
  'operator_id, name, roles, password_hash, badge_hash, pin_hash, statement_signed_on, certified_until, last_logon_at, locked_at, locked_reason, disabled_at, created_at';

const ms = (d: Date | null) => (d === null ? null : d.getTime());

function toOperator(row: OperatorRow): Operator {
  return {
    operatorId: row.operator_id,
    name: row.name,
    roles: row.roles,
    hasBadge: row.badge_hash !== null,
    hasPin: row.pin_hash !== null,
    statementSignedOn: row.statement_signed_on,
    certifiedUntil: row.certified_until,
    lastLogonAt: ms(row.last_logon_at),
    lockedAt: ms(row.locked_at),
    lockedReason: row.locked_reason,
    disabledAt: ms(row.disabled_at),
    createdAt: row.created_at.getTime(),
  };
}

const notFound = (id: string) => new AppError('OPERATOR_NOT_FOUND', `There is no operator ${id}.`);
const disabled = (id: string) => new AppError('OPERATOR_DISABLED', `Operator ${id} is disabled; a disabled operator cannot be changed or enabled again.`);

export function createRoster(db: Db, clock: Clock, options: RosterOptions): Roster {
  if (!(options?.badgeKey instanceof Uint8Array) || options.badgeKey.length < BADGE_KEY_BYTES) {
    throw new AppError('BADGE_KEY_INVALID', `The agency badge key must be at least ${BADGE_KEY_BYTES} random bytes.`);
  }
  const badgeKey = Uint8Array.from(options.badgeKey);
  const now = () => new Date(clock.now());

  const selectRow = async (q: Queryable, id: string, forUpdate = false) =>
    (await q.query<OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE operator_id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))[0] ?? null;

  /** Runs a change on a live (not disabled) operator inside a transaction, returning the row after it. */
  const change = async (rawId: string, apply: (tx: Queryable, row: OperatorRow) => Promise<void>): Promise<Operator> => {
    const id = operatorIdOf(rawId);
    return db.transaction(async (tx) => {
      const row = await selectRow(tx, id, true);
      if (!row) throw notFound(id);
      if (row.disabled_at !== null) throw disabled(id);
      await apply(tx, row);
      return toOperator((await selectRow(tx, id))!);
    });
  };

  const badgeInUse = (error: unknown) =>
    sqlState(error) === SQLSTATE.uniqueViolation && sqlConstraint(error) === 'operators_badge_hash_unique'
      ? new AppError('BADGE_IN_USE', 'That badge is already assigned to another operator.')
      : error;

  return {
    ...createWorkstations(db, clock),

    async createOperator(input) {
      const operatorId = operatorIdOf(input.operatorId);
      const name = nameOf(input.name);
      const roles = rolesOf(input.roles);
      assertPasswordAcceptable(input.password, { operatorId, name });
      if (input.pin !== undefined) assertPinAcceptable(input.pin);
      const badgeHash = input.badge !== undefined ? badgeDigest(badgeKey, badgeOf(input.badge)) : null;
      const statementSignedOn = dateOf(input.statementSignedOn, 'The statement form date');
      const certifiedUntil = dateOf(input.certifiedUntil, 'The certification expiry');
      const passwordHash = await hashSecret(input.password);
      const pinHash = input.pin !== undefined ? await hashSecret(input.pin) : null;
      try {
        const rows = await db.query<OperatorRow>(
          `INSERT INTO operators (operator_id, name, roles, password_hash, badge_hash, pin_hash, statement_signed_on, certified_until, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
          [operatorId, name, roles, passwordHash, badgeHash, pinHash, statementSignedOn, certifiedUntil, now()],
        );
        return toOperator(rows[0]!);
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation && sqlConstraint(error) === 'operators_pkey') {
          throw new AppError(
            'OPERATOR_ID_USED',
            `Operator ID ${operatorId} is in use or was used before, and operator IDs are never reused (CJIS IA-4). Choose another ID.`,
          );
        }
        throw badgeInUse(error);
      }
    },

    async getOperator(rawId) {
      const id = operatorIdOf(rawId);
      const row = await selectRow(db, id);
      return row ? toOperator(row) : null;
    },

    async listOperators(opts = {}) {
      const rows = await db.query<OperatorRow>(
        `SELECT ${COLUMNS} FROM operators ${opts.includeDisabled ? '' : 'WHERE disabled_at IS NULL'} ORDER BY operator_id`,
      );
      return rows.map(toOperator);
    },

    async findOperatorByBadge(badge) {
      let normalized: string;
      try {
        normalized = badgeOf(badge);
      } catch {
        return null;
      }
      const rows = await db.query<OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE badge_hash = $1`, [badgeDigest(badgeKey, normalized)]);
      return rows[0] ? toOperator(rows[0]) : null;
    },

    async checkPassword(rawId, password) {
      let row: OperatorRow | null = null;
      try {
        row = await selectRow(db, operatorIdOf(rawId));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      if (typeof password !== 'string' || !row) {
        await verifySecret(String(password), await dummyHash());
        return false;
      }
      const ok = await verifySecret(password, row.password_hash);
      if (ok && needsRehash(row.password_hash)) {
        await db.query('UPDATE operators SET password_hash = $2 WHERE operator_id = $1 AND password_hash = $3', [
          row.operator_id,
          await hashSecret(password),
          row.password_hash,
        ]);
      }
      return ok;
    },

    async checkPin(rawId, pin) {
      let row: OperatorRow | null = null;
      try {
        row = await selectRow(db, operatorIdOf(rawId));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
      const hash = row?.pin_hash ?? null;
      if (typeof pin !== 'string' || hash === null) {
        await verifySecret(String(pin), await dummyHash());
        return false;
      }
      return verifySecret(pin, hash);
    },

    async setPassword(rawId, password) {
      await change(rawId, async (tx, row) => {
        assertPasswordAcceptable(password, { operatorId: row.operator_id, name: row.name });
        await tx.query('UPDATE operators SET password_hash = $2 WHERE operator_id = $1', [row.operator_id, await hashSecret(password)]);
      });
    },

    async setBadge(rawId, badge) {
      const hash = badge === null ? null : badgeDigest(badgeKey, badgeOf(badge));
      try {
        await change(rawId, (tx, row) => tx.query('UPDATE operators SET badge_hash = $2 WHERE operator_id = $1', [row.operator_id, hash]).then(() => undefined));
      } catch (error) {
        throw badgeInUse(error);
      }
    },

    async setPin(rawId, pin) {
      if (pin !== null) assertPinAcceptable(pin);
      const hash = pin === null ? null : await hashSecret(pin);
      await change(rawId, (tx, row) => tx.query('UPDATE operators SET pin_hash = $2 WHERE operator_id = $1', [row.operator_id, hash]).then(() => undefined));
    },

    async setRoles(rawId, roles) {
      const canonical = rolesOf(roles);
      return change(rawId, (tx, row) => tx.query('UPDATE operators SET roles = $2 WHERE operator_id = $1', [row.operator_id, canonical]).then(() => undefined));
    },

    async setStatementSigned(rawId, signedOn) {
      const date = dateOf(signedOn, 'The statement form date');
      return change(rawId, (tx, row) =>
        tx.query('UPDATE operators SET statement_signed_on = $2 WHERE operator_id = $1', [row.operator_id, date]).then(() => undefined),
      );
    },

    async setCertifiedUntil(rawId, until) {
      const date = dateOf(until, 'The certification expiry');
      return change(rawId, (tx, row) => tx.query('UPDATE operators SET certified_until = $2 WHERE operator_id = $1', [row.operator_id, date]).then(() => undefined));
    },

    async recordLogon(rawId) {
      return change(rawId, (tx, row) => tx.query('UPDATE operators SET last_logon_at = $2 WHERE operator_id = $1', [row.operator_id, now()]).then(() => undefined));
    },

    async lockOperator(rawId, reason) {
      const why = typeof reason === 'string' ? reason.trim() : '';
      if (why.length < 1 || why.length > 200) throw new AppError('LOCK_REASON_INVALID', 'A lock needs a reason of 1 to 200 characters.');
      return change(rawId, async (tx, row) => {
        if (row.locked_at !== null) return; // already locked: keep the first time and reason
        await tx.query('UPDATE operators SET locked_at = $2, locked_reason = $3 WHERE operator_id = $1', [row.operator_id, now(), why]);
      });
    },

    async unlockOperator(rawId) {
      return change(rawId, (tx, row) =>
        tx.query('UPDATE operators SET locked_at = NULL, locked_reason = NULL WHERE operator_id = $1', [row.operator_id]).then(() => undefined),
      );
    },

    async disableOperator(rawId) {
      // Disabling also drops the badge, so the card can be given to someone else.
      return change(rawId, (tx, row) =>
        tx.query('UPDATE operators SET disabled_at = $2, badge_hash = NULL WHERE operator_id = $1', [row.operator_id, now()]).then(() => undefined),
      );
    },

    async verifyBadgeKey() {
      const check = badgeKeyCheck(badgeKey);
      await db.query("INSERT INTO store_meta (key, value) VALUES ('badge-key-check', $1) ON CONFLICT (key) DO NOTHING", [check]);
      const rows = await db.query<{ value: string }>("SELECT value FROM store_meta WHERE key = 'badge-key-check'");
      if (rows[0]?.value !== check) {
        throw new AppError(
          'BADGE_KEY_MISMATCH',
          "This workstation's badge key (keychain entry badge-hmac-key) is not the one the agency database was set up with, so no badge would ever match. Install the agency's badge key on this workstation.",
        );
      }
    },
  };
}
