// One session per operator across workstations (L10). The agency store holds a row per signed-on
// operator with the workstation and a heartbeat; this workstation claims the row at sign-on, renews it
// every 30 seconds and removes it at sign-off and close. A row not renewed for 2 minutes belongs to a
// workstation that is gone (crash, power cut) and no longer blocks the operator elsewhere.
//
// The heartbeat also notices a session that must end here: the row was taken over after this workstation
// stopped renewing it (it slept past the stale limit), or the operator was disabled meanwhile (U4).
import { randomBytes } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../log';
import type { Roster } from '../store/roster';
import type { SessionStore } from '../store/sessions';
import { refusals } from './refusals';

export type LostReason = 'claim-lost' | 'disabled';

export interface SessionRegistry {
  /** Takes the operator's slot for this workstation; throws ALREADY_SIGNED_ON. Returns the claim ID. */
  claim(operatorId: string): Promise<string>;
  /** Another workstation holding a live session for the operator, or null. */
  elsewhere(operatorId: string): Promise<string | null>;
  /** Renews the claim until stopped; calls onLost (once) when the session must end here. */
  keepAlive(operatorId: string, claimId: string, onLost: (reason: LostReason) => void): void;
  stopKeepAlive(): void;
  release(operatorId: string, claimId: string): Promise<void>;
}

export interface SessionRegistryDeps {
  sessions: SessionStore;
  roster: Pick<Roster, 'getOperator'>;
  clock: Clock;
  workstationId: string;
  heartbeatMs: number;
  staleAfterMs: number;
  logger: Logger;
  /** Background work the owner waits for at close (and tests at settle). */
  track(work: Promise<unknown>): void;
}

export function createSessionRegistry(deps: SessionRegistryDeps): SessionRegistry {
  const { sessions, clock, workstationId, staleAfterMs, logger } = deps;
  let timer: TimerHandle | null = null;
  /** Bumped by stopKeepAlive, so a beat still running for an old claim does nothing. */
  let generation = 0;

  async function beat(operatorId: string, claimId: string, mine: number, onLost: (reason: LostReason) => void): Promise<void> {
    const renewed = await sessions.heartbeat(operatorId, claimId);
    if (!renewed) {
      const again = await sessions.claimSession({ operatorId, workstationId, claimId, staleAfterMs });
      if (!again.claimed) {
        if (mine === generation) onLost('claim-lost');
        return;
      }
    }
    const operator = await deps.roster.getOperator(operatorId);
    if ((operator === null || operator.disabledAt !== null) && mine === generation) onLost('disabled');
  }

  function stopKeepAlive(): void {
    generation += 1;
    if (timer) clock.clearTimeout(timer);
    timer = null;
  }

  return {
    async claim(operatorId) {
      const claimId = randomBytes(16).toString('hex');
      const result = await sessions.claimSession({ operatorId, workstationId, claimId, staleAfterMs });
      if (!result.claimed) throw refusals.alreadySignedOn(result.workstationId);
      return claimId;
    },

    elsewhere: (operatorId) => sessions.sessionElsewhere(operatorId, workstationId, staleAfterMs),

    keepAlive(operatorId, claimId, onLost) {
      stopKeepAlive();
      const mine = generation;
      let busy = false;
      let again = false;
      const run = () => {
        busy = true;
        again = false;
        const work = beat(operatorId, claimId, mine, onLost)
          .catch((error: unknown) => logger.warn('session heartbeat failed; the store may be unreachable', { error }))
          .finally(() => {
            busy = false;
            // Beats that came due meanwhile (a slow store, a clock jump after sleep) make one more, with the time now.
            if (again && mine === generation) run();
          });
        deps.track(work);
      };
      const schedule = () => {
        timer = clock.setTimeout(() => {
          schedule();
          if (busy) again = true;
          else run();
        }, deps.heartbeatMs);
      };
      schedule();
    },

    stopKeepAlive,

    async release(operatorId, claimId) {
      await sessions.releaseSession(operatorId, claimId);
    },
  };
}
