// The account lockout (L2), counted in the agency store so it survives restarts and spans workstations:
// failed passwords, failed badge/PIN at logon and failed unlocks. The rule in force is this workstation's
// setting: CJIS 5.9.4 (default) locks until a CRSO or administrator releases it; CJIS 5.8 for 10 minutes.
import type { Logger } from '../log';
import type { SettingsService } from '../settings/service';
import type { SessionStore } from '../store/sessions';
import type { LogonStep } from './events';
import { lockoutPolicy } from './policy';
import type { SecurityEvents } from './security-events';

export interface LockoutCounter {
  /**
   * Records a failed attempt against the operator ID (ignored by the store for an ID not on the roster)
   * and locks the account at the limit. `named`: the ID came from the roster (a badge's owner, the
   * session's operator), so the audit event may name it even before the store confirms it.
   */
  failed(operatorId: string, step: LogonStep, named: boolean): Promise<void>;
}

export function createLockoutCounter(deps: {
  sessions: SessionStore;
  settings: Pick<SettingsService, 'current'>;
  security: SecurityEvents;
  workstationId: string;
  logger: Logger;
}): LockoutCounter {
  return {
    async failed(operatorId, step, named) {
      const rule = deps.settings.current().lockoutRule;
      const outcome = await deps.sessions.recordFailure(operatorId, deps.workstationId, step, lockoutPolicy(rule));
      // An ID that is not on the roster is never echoed into the audit trail (it may be a mistyped password).
      deps.security.emit({ type: 'logon-failed', step, operatorId: named || outcome.counted ? operatorId : null });
      if (outcome.lockedNow) {
        deps.logger.warn('account locked after failed attempts (L2)', { operatorId, failures: outcome.failures, rule });
        deps.security.emit({ type: 'account-locked', operatorId, failures: outcome.failures, rule });
      }
    },
  };
}
