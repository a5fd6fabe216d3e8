// The training roster: one operator per role, with logins printed in the README so a trainee can sign on
// against the training switch. Training mode only — these secrets are public by design.

import type { Role } from '../../../shared/contract/roles';
import type { Clock } from '../clock';
import { TRAINING_WORKSTATION } from '../config';
import { AppError } from '../errors';
import type { Roster } from './roster';

export interface TrainingLogin {
  operatorId: string;
  name: string;
  role: Role;
  password: string;
  badge: string;
  pin: string;
}

/** The training logins (README lists them). Fictional people; every secret passes the real policy. */
export const TRAINING_LOGINS: readonly TrainingLogin[] = Object.freeze([
  { operatorId: 'TDISP01', name: 'Dana Ortiz (training)', role: 'dispatcher', password: 'amber-lantern-41', badge: 'TRN-B-1001', pin: '482913' },
  { operatorId: 'TREC01', name: 'Robin Hale (training)', role: 'records', password: 'cobalt-orchard-52', badge: 'TRN-B-1002', pin: '573024' },
  { operatorId: 'TSUP01', name: 'Sam Whitaker (training)', role: 'supervisor', password: 'silver-harbor-63', badge: 'TRN-B-1003', pin: '619358' },
  { operatorId: 'TCRSO01', name: 'Casey Lund (training)', role: 'crso', password: 'granite-falcon-74', badge: 'TRN-B-1004', pin: '740261' },
  { operatorId: 'TADMIN01', name: 'Alex Moreno (training)', role: 'admin', password: 'maple-quarry-85', badge: 'TRN-B-1005', pin: '853172' },
] satisfies TrainingLogin[]);

export interface SeedResult {
  /** Operator IDs created by this call (empty when the roster was already seeded). */
  created: string[];
  workstationCreated: boolean;
}

/**
 * Adds the training operators and the training workstation where missing. Idempotent. Refuses outside
 * training mode (TRAINING_ONLY): a live agency roster never gets accounts with published passwords.
 * Training operators have signed the statement form today (UTC, by the clock) and are certified for two years.
 */
export async function seedTrainingRoster(roster: Roster, options: { mode: 'training' | 'live'; clock: Clock }): Promise<SeedResult> {
  if (options?.mode !== 'training') {
    throw new AppError('TRAINING_ONLY', 'The training roster is only seeded in training mode: its passwords are published.');
  }
  const now = new Date(options.clock.now());
  const today = now.toISOString().slice(0, 10);
  const certifiedUntil = new Date(Date.UTC(now.getUTCFullYear() + 2, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  const created: string[] = [];
  for (const login of TRAINING_LOGINS) {
    if (await roster.getOperator(login.operatorId)) continue;
    await roster.createOperator({
      operatorId: login.operatorId,
      name: login.name,
      roles: [login.role],
      password: login.password,
      badge: login.badge,
      pin: login.pin,
      statementSignedOn: today,
      certifiedUntil,
    });
    created.push(login.operatorId);
  }
  let workstationCreated = false;
  if (!(await roster.getWorkstation(TRAINING_WORKSTATION.id))) {
    await roster.createWorkstation({ workstationId: TRAINING_WORKSTATION.id, ori: TRAINING_WORKSTATION.ori, terminal: TRAINING_WORKSTATION.terminal });
    workstationCreated = true;
  }
  return { created, workstationCreated };
}
