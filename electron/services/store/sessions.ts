// The session facts the agency store keeps for every workstation (migration 2): who is signed on where
// (L10), failed sign-on attempts and the lockouts they caused (L2). The session layer decides; this
// module only records, counts and answers, each in one statement or one transaction, so that workstations
// sharing an agency PostgreSQL database agree.
//
// Times come from the injected clock (the workstations' clocks are kept in sync, CJIS AU-8).

import type { Clock } from '../clock';
import type { Db, Queryable } from './db';
import { operatorIdOf, workstationIdOf } from './validate';

export type LockoutRule = 'cjis-5.9.4' | 'cjis-5.8';
export type FailureKind = 'password' | 'second-factor' | 'unlock';

export interface LockoutPolicy {
  /** Failures within the window that lock the account (5). */
  maxFailures: number;
  /** The window, in milliseconds (15 minutes). */
  windowMs: number;
  rule: LockoutRule;
  /** How long the lock lasts, or null: until released (5.9.4). */
  lockForMs: number | null;
}

export interface FailureOutcome {
  /** False when there is no such operator (nothing to count against). */
  counted: boolean;
  /** Failures inside the window, this one included. */
  failures: number;
  /** True when this failure locked the account. */
  lockedNow: boolean;
}

export interface Lockout {
  lockedAt: number;
  /** null: until released. */
  liftsAt: number | null;
  rule: LockoutRule;
}

export type ClaimResult = { claimed: true } | { claimed: false; workstationId: string };

export interface SessionStore {
  /** Counts a failed attempt and locks the account when the policy says so (one transaction). */
  recordFailure(operatorId: string, workstationId: string, kind: FailureKind, policy: LockoutPolicy): Promise<FailureOutcome>;
  /** A successful sign-on or unlock: the count starts again. */
  clearFailures(operatorId: string): Promise<void>;
  /** The lockout this layer applied, if the operator is still locked by it. */
  lockoutOf(operatorId: string): Promise<Lockout | null>;
  /** Lifts a timed (5.8) lockout whose time is up; true when it did. */
  liftExpiredLockout(operatorId: string): Promise<boolean>;
  /** Forgets the failures and the lockout record (a CRSO release; the roster clears the lock itself). */
  forgetLockout(operatorId: string): Promise<void>;
  /**
   * Takes the operator's one session slot for this workstation. Succeeds when there is no row, when the
   * row is this workstation's own (a restart), or when the row's heartbeat is older than `staleAfterMs`.
   */
  claimSession(input: { operatorId: string; workstationId: string; claimId: string; staleAfterMs: number }): Promise<ClaimResult>;
  /** The other workstation holding a live session for the operator, or null. */
  sessionElsewhere(operatorId: string, workstationId: string, staleAfterMs: number): Promise<string | null>;
  /** False when the row is no longer this claim's (taken over after going stale). */
  heartbeat(operatorId: string, claimId: string): Promise<boolean>;
  /** Removes this claim's row (logout, close). Another claim's row is left alone. */
  releaseSession(operatorId: string, claimId: string): Promise<void>;
}

const LOCK_REASON = 'Locked after repeated failed sign-on attempts.';

const CLAIM_ID = /^[0-9a-f]{32}$/;

export function createSessionStore(db: Db, clock: Clock): SessionStore {
  const now = () => new Date(clock.now());

  async function liftIfExpired(tx: Queryable, id: string, at: Date): Promise<boolean> {
    const rows = await tx.query<{ locked_at: Date | null; lockout_at: Date; lifts_at: Date | null }>(
      `SELECT o.locked_at, l.locked_at AS lockout_at, l.lifts_at
         FROM operators o JOIN logon_lockouts l ON l.operator_id = o.operator_id
        WHERE o.operator_id = $1 FOR UPDATE OF o`,
      [id],
    );
    const row = rows[0];
    // Only the lock this layer applied, unchanged since (a manual lock by a CRSO has its own time).
    if (!row || row.locked_at === null || row.lifts_at === null) return false;
    if (row.locked_at.getTime() !== row.lockout_at.getTime() || row.lifts_at.getTime() > at.getTime()) return false;
    await tx.query('UPDATE operators SET locked_at = NULL, locked_reason = NULL WHERE operator_id = $1', [id]);
    await tx.query('DELETE FROM logon_lockouts WHERE operator_id = $1', [id]);
    await tx.query('DELETE FROM logon_failures WHERE operator_id = $1', [id]);
    return true;
  }

  return {
    async recordFailure(rawId, rawWorkstation, kind, policy) {
      const id = operatorIdOf(rawId);
      const workstationId = workstationIdOf(rawWorkstation);
      const at = now();
      const windowStart = new Date(at.getTime() - policy.windowMs);
      return db.transaction(async (tx) => {
        // The operator row lock serialises workstations failing at once.
        const rows = await tx.query<{ locked_at: Date | null; disabled_at: Date | null }>(
          'SELECT locked_at, disabled_at FROM operators WHERE operator_id = $1 FOR UPDATE',
          [id],
        );
        const operator = rows[0];
        if (!operator) return { counted: false, failures: 0, lockedNow: false };
        let lockedAt = operator.locked_at;
        if (lockedAt !== null && (await liftIfExpired(tx, id, at))) lockedAt = null;
        await tx.query('DELETE FROM logon_failures WHERE operator_id = $1 AND failed_at <= $2', [id, windowStart]);
        await tx.query('INSERT INTO logon_failures (operator_id, workstation_id, kind, failed_at) VALUES ($1, $2, $3, $4)', [id, workstationId, kind, at]);
        const counted = await tx.query<{ n: string }>('SELECT count(*) AS n FROM logon_failures WHERE operator_id = $1 AND failed_at > $2', [id, windowStart]);
        const failures = Number(counted[0]?.n ?? 0);
        if (failures < policy.maxFailures || lockedAt !== null || operator.disabled_at !== null) {
          return { counted: true, failures, lockedNow: false };
        }
        const liftsAt = policy.lockForMs === null ? null : new Date(at.getTime() + policy.lockForMs);
        await tx.query('UPDATE operators SET locked_at = $2, locked_reason = $3 WHERE operator_id = $1', [id, at, LOCK_REASON]);
        await tx.query(
          `INSERT INTO logon_lockouts (operator_id, locked_at, lifts_at, rule) VALUES ($1, $2, $3, $4)
           ON CONFLICT (operator_id) DO UPDATE SET locked_at = EXCLUDED.locked_at, lifts_at = EXCLUDED.lifts_at, rule = EXCLUDED.rule`,
          [id, at, liftsAt, policy.rule],
        );
        return { counted: true, failures, lockedNow: true };
      });
    },

    async clearFailures(rawId) {
      await db.query('DELETE FROM logon_failures WHERE operator_id = $1', [operatorIdOf(rawId)]);
    },

    async lockoutOf(rawId) {
      const rows = await db.query<{ locked_at: Date; lifts_at: Date | null; rule: LockoutRule }>(
        `SELECT l.locked_at, l.lifts_at, l.rule
           FROM logon_lockouts l JOIN operators o ON o.operator_id = l.operator_id
          WHERE l.operator_id = $1 AND o.locked_at = l.locked_at`,
        [operatorIdOf(rawId)],
      );
      const row = rows[0];
      return row ? { lockedAt: row.locked_at.getTime(), liftsAt: row.lifts_at?.getTime() ?? null, rule: row.rule } : null;
    },

    async liftExpiredLockout(rawId) {
      const id = operatorIdOf(rawId);
      const at = now();
      return db.transaction((tx) => liftIfExpired(tx, id, at));
    },

    async forgetLockout(rawId) {
      const id = operatorIdOf(rawId);
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM logon_lockouts WHERE operator_id = $1', [id]);
        await tx.query('DELETE FROM logon_failures WHERE operator_id = $1', [id]);
      });
    },

    async claimSession(input) {
      const id = operatorIdOf(input.operatorId);
      const workstationId = workstationIdOf(input.workstationId);
      if (!CLAIM_ID.test(input.claimId)) throw new Error('claimId must be 32 lower-case hex digits');
      const at = now();
      const staleBefore = new Date(at.getTime() - input.staleAfterMs);
      // One statement: concurrent claims from two workstations cannot both win.
      const rows = await db.query<{ claim_id: string }>(
        `INSERT INTO active_sessions (operator_id, workstation_id, claim_id, started_at, heartbeat_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (operator_id) DO UPDATE
           SET workstation_id = EXCLUDED.workstation_id, claim_id = EXCLUDED.claim_id,
               started_at = EXCLUDED.started_at, heartbeat_at = EXCLUDED.heartbeat_at
           WHERE active_sessions.workstation_id = EXCLUDED.workstation_id OR active_sessions.heartbeat_at <= $5
         RETURNING claim_id`,
        [id, workstationId, input.claimId, at, staleBefore],
      );
      if (rows[0]?.claim_id === input.claimId) return { claimed: true };
      const holder = await db.query<{ workstation_id: string }>('SELECT workstation_id FROM active_sessions WHERE operator_id = $1', [id]);
      return { claimed: false, workstationId: holder[0]?.workstation_id ?? 'another workstation' };
    },

    async sessionElsewhere(rawId, rawWorkstation, staleAfterMs) {
      const rows = await db.query<{ workstation_id: string }>(
        'SELECT workstation_id FROM active_sessions WHERE operator_id = $1 AND workstation_id <> $2 AND heartbeat_at > $3',
        [operatorIdOf(rawId), workstationIdOf(rawWorkstation), new Date(clock.now() - staleAfterMs)],
      );
      return rows[0]?.workstation_id ?? null;
    },

    async heartbeat(rawId, claimId) {
      const rows = await db.query<{ operator_id: string }>(
        'UPDATE active_sessions SET heartbeat_at = $3 WHERE operator_id = $1 AND claim_id = $2 RETURNING operator_id',
        [operatorIdOf(rawId), claimId, now()],
      );
      return rows.length > 0;
    },

    async releaseSession(rawId, claimId) {
      await db.query('DELETE FROM active_sessions WHERE operator_id = $1 AND claim_id = $2', [operatorIdOf(rawId), claimId]);
    },
  };
}
