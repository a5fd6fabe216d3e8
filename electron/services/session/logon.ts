// The logon checks, apart from the state machine that calls them: verify a factor (counting a failure
// toward the lockout), then ask whether the account may have a session now, then take the operator's one
// session slot. Each either returns what the next step needs or throws the refusal (refusals.ts).
//
// Order matters for what a caller learns: nothing about an account before its secret verified; after
// that, disabled → locked → statement form → certification → badge and PIN on file → signed on elsewhere.
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Operator, Roster } from '../store/roster';
import type { SessionStore } from '../store/sessions';
import { eligibilityRefusal } from './eligibility';
import type { LogonStep } from './events';
import type { LockoutCounter } from './lockout';
import { refusals } from './refusals';
import type { SessionRegistry } from './registry';
import type { SecurityEvents } from './security-events';

export interface LogonChecks {
  /** Operator ID and password: the operator, eligible, with badge and PIN on file, signed on nowhere else. */
  password(operatorId: string, password: string): Promise<Operator>;
  /** Badge and PIN of the operator who gave the password: the operator, still eligible. */
  secondFactor(operatorId: string, badge: string, pin: string): Promise<Operator>;
  /**
   * Badge and PIN at the lock screen: whose they are (verified), not yet checked for eligibility. A failure
   * counts against the badge's owner, or against the locked session's operator for a badge nobody has.
   */
  unlocker(badge: string, pin: string, sessionOperatorId: string): Promise<Operator>;
  /** The account may have a session now (after a verified secret). */
  eligible(operatorId: string, step: LogonStep, needsSecondFactor: boolean): Promise<Operator>;
  /** Takes the operator's session slot (L10); returns the claim ID. */
  claim(operatorId: string, step: LogonStep): Promise<string>;
}

export interface LogonChecksDeps {
  roster: Roster;
  sessions: SessionStore;
  registry: SessionRegistry;
  lockout: LockoutCounter;
  security: SecurityEvents;
  clock: Clock;
  timeZone: string;
}

export function createLogonChecks(deps: LogonChecksDeps): LogonChecks {
  const { roster, sessions, registry, lockout, security } = deps;

  const refused = (step: LogonStep, operatorId: string, error: AppError): AppError => {
    security.emit({ type: 'logon-refused', step, operatorId, code: error.code });
    return error;
  };

  async function eligible(operatorId: string, step: LogonStep, needsSecondFactor: boolean): Promise<Operator> {
    // A timed (CJIS 5.8) lockout whose time is up is lifted first.
    await sessions.liftExpiredLockout(operatorId);
    const operator = await roster.getOperator(operatorId);
    if (!operator) throw step === 'password' ? refusals.wrongPassword() : refusals.wrongBadge();
    const refusal = await eligibilityRefusal(operator, { now: deps.clock.now(), timeZone: deps.timeZone, sessions, needsSecondFactor });
    if (refusal) throw refused(step, operatorId, refusal);
    return operator;
  }

  return {
    eligible,

    async password(operatorId, password) {
      if (!(await roster.checkPassword(operatorId, password))) {
        await lockout.failed(operatorId, 'password', false);
        throw refusals.wrongPassword();
      }
      const operator = await eligible(operatorId, 'password', true);
      const elsewhere = await registry.elsewhere(operator.operatorId);
      if (elsewhere !== null) throw refused('password', operator.operatorId, refusals.alreadySignedOn(elsewhere));
      return operator;
    },

    async secondFactor(operatorId, badge, pin) {
      // Both checks run whatever the badge, so a wrong badge and a wrong PIN take the same time.
      const [owner, pinMatches] = await Promise.all([roster.findOperatorByBadge(badge), roster.checkPin(operatorId, pin)]);
      if (!pinMatches || owner?.operatorId !== operatorId) {
        await lockout.failed(operatorId, 'second-factor', true);
        throw refusals.wrongBadge();
      }
      return eligible(operatorId, 'second-factor', false);
    },

    async unlocker(badge, pin, sessionOperatorId) {
      const owner = await roster.findOperatorByBadge(badge);
      // The PIN is checked even for an unknown badge, so the answer takes as long either way.
      const pinMatches = await roster.checkPin(owner?.operatorId ?? sessionOperatorId, pin);
      if (!owner || !pinMatches) {
        await lockout.failed(owner?.operatorId ?? sessionOperatorId, 'unlock', true);
        throw refusals.wrongBadge();
      }
      return owner;
    },

    async claim(operatorId, step) {
      try {
        return await registry.claim(operatorId);
      } catch (error) {
        throw error instanceof AppError ? refused(step, operatorId, error) : error;
      }
    },
  };
}
