// The workstation half of the roster: each workstation's ORI, terminal mnemonic and lock profile.

import type { Clock } from '../clock';
import { AppError } from '../errors';
import { SQLSTATE, sqlConstraint, sqlState, type Db } from './db';
import { DEFAULT_LOCK_PROFILE, lockProfileSchema, storedLockProfileSchema, type LockProfile } from './lock-profile';
import { oriOf, terminalOf, workstationIdOf } from './validate';

export interface Workstation {
  workstationId: string;
  /** Agency ORI, e.g. CA0340000 (S3). */
  ori: string;
  /** Terminal mnemonic, e.g. SAC1WS01. Unique across the agency. */
  terminal: string;
  lockProfile: LockProfile;
  createdAt: number;
  updatedAt: number;
}

export interface NewWorkstation {
  workstationId: string;
  ori: string;
  terminal: string;
  /** Missing fields take the strict defaults (DEFAULT_LOCK_PROFILE). */
  lockProfile?: Partial<LockProfile>;
}

export interface Workstations {
  /** Fails with WORKSTATION_EXISTS or TERMINAL_IN_USE. */
  createWorkstation(input: NewWorkstation): Promise<Workstation>;
  getWorkstation(workstationId: string): Promise<Workstation | null>;
  listWorkstations(): Promise<Workstation[]>;
  /** Replaces the lock profile (missing fields take the defaults). The caller audits the change (L4). */
  setLockProfile(workstationId: string, profile: Partial<LockProfile>): Promise<Workstation>;
}

interface WorkstationRow {
  workstation_id: string;
  ori: string;
  terminal: string;
  lock_profile: unknown;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'workstation_id, ori, terminal, lock_profile, created_at, updated_at';

function profileOf(input: unknown): LockProfile {
  const parsed = lockProfileSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('LOCK_PROFILE_INVALID', `The lock profile is invalid${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`);
  }
  return parsed.data;
}

/**
 * A stored profile, read leniently: fields a newer app added are dropped, and a profile that does not
 * parse (edited by hand) falls back to the defaults, which are the strictest settings.
 */
function storedProfileOf(value: unknown): LockProfile {
  const parsed = storedLockProfileSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_LOCK_PROFILE };
}

function toWorkstation(row: WorkstationRow): Workstation {
  return {
    workstationId: row.workstation_id,
    ori: row.ori,
    terminal: row.terminal,
    lockProfile: storedProfileOf(row.lock_profile),
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
  };
}

export function createWorkstations(db: Db, clock: Clock): Workstations {
  const now = () => new Date(clock.now());
  return {
    async createWorkstation(input) {
      const workstationId = workstationIdOf(input.workstationId);
      const ori = oriOf(input.ori);
      const terminal = terminalOf(input.terminal);
      const profile = profileOf(input.lockProfile);
      try {
        const rows = await db.query<WorkstationRow>(
          `INSERT INTO workstations (workstation_id, ori, terminal, lock_profile, created_at, updated_at)
           VALUES ($1, $2, $3, $4::text::jsonb, $5, $5) RETURNING ${COLUMNS}`,
          [workstationId, ori, terminal, JSON.stringify(profile), now()],
        );
        return toWorkstation(rows[0]!);
      } catch (error) {
        if (sqlState(error) === SQLSTATE.uniqueViolation) {
          if (sqlConstraint(error) === 'workstations_pkey') throw new AppError('WORKSTATION_EXISTS', `Workstation ${workstationId} is already registered.`);
          if (sqlConstraint(error) === 'workstations_terminal_unique') {
            throw new AppError('TERMINAL_IN_USE', `Terminal mnemonic ${terminal} belongs to another workstation.`);
          }
        }
        throw error;
      }
    },

    async getWorkstation(rawId) {
      const rows = await db.query<WorkstationRow>(`SELECT ${COLUMNS} FROM workstations WHERE workstation_id = $1`, [workstationIdOf(rawId)]);
      return rows[0] ? toWorkstation(rows[0]) : null;
    },

    async listWorkstations() {
      return (await db.query<WorkstationRow>(`SELECT ${COLUMNS} FROM workstations ORDER BY workstation_id`)).map(toWorkstation);
    },

    async setLockProfile(rawId, input) {
      const workstationId = workstationIdOf(rawId);
      const profile = profileOf(input);
      const rows = await db.query<WorkstationRow>(
        `UPDATE workstations SET lock_profile = $2::text::jsonb, updated_at = $3 WHERE workstation_id = $1 RETURNING ${COLUMNS}`,
        [workstationId, JSON.stringify(profile), now()],
      );
      if (!rows[0]) throw new AppError('WORKSTATION_NOT_FOUND', `There is no workstation ${workstationId}.`);
      return toWorkstation(rows[0]);
    },
  };
}
