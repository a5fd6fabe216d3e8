// The numbers behind the session rules, with the requirement each comes from (requirements.md §2).
import type { LockoutPolicy, LockoutRule } from '../store/sessions';

export const SESSION_POLICY = Object.freeze({
  /** L2: consecutive invalid attempts that lock the account… */
  maxFailures: 5,
  /** …within this window. */
  failureWindowMs: 15 * 60_000,
  /** L2 (CJIS 5.8 rule, a setting): how long that lock lasts. Under 5.9.4 it lasts until released. */
  v58LockMs: 10 * 60_000,
  /** L5: re-authenticate at least every 12 hours. */
  reauthAfterMs: 12 * 60 * 60_000,
  /** L6: drop the network session after 1 hour of inactivity (locked, or idle under the L4 exemption). */
  networkIdleMs: 60 * 60_000,
  /** Time allowed between the password and the badge before the logon starts over. */
  secondFactorTimeoutMs: 2 * 60_000,
  /** L10: how often a signed-on workstation renews its session row… */
  heartbeatMs: 30_000,
  /** …and how old a row must be before it counts as a workstation that is gone. */
  staleAfterMs: 2 * 60_000,
  /** L9: random bytes in a session ID (128 bits; the rule asks for at least 64). */
  sessionIdBytes: 16,
});

export function lockoutPolicy(rule: LockoutRule): LockoutPolicy {
  return {
    maxFailures: SESSION_POLICY.maxFailures,
    windowMs: SESSION_POLICY.failureWindowMs,
    rule,
    lockForMs: rule === 'cjis-5.8' ? SESSION_POLICY.v58LockMs : null,
  };
}
