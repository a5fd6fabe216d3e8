// Whether an operator who has proved a secret may have a session now (U2, U3, L2, L7, U4). Asked only
// after a password or a badge and PIN verified: the answer says things about the account.
import type { AppError } from '../errors';
import type { Operator } from '../store/roster';
import type { SessionStore } from '../store/sessions';
import { refusals } from './refusals';

/** The California agencies' calendar: certification and statement dates are days in Pacific time. */
export const AGENCY_TIME_ZONE = 'America/Los_Angeles';

/** 'YYYY-MM-DD' of an instant in a time zone. */
export function localDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(ms));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** 'YYYY-MM-DD HH:MM' of an instant in a time zone, for messages. */
export function localDateTime(ms: number, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(ms));
  return `${localDate(ms, timeZone)} ${time}`;
}

/**
 * The refusal for this operator, or null when they may sign on. Order: disabled, locked, statement form,
 * certification, then (for a password logon) badge and PIN on file.
 */
export async function eligibilityRefusal(
  operator: Operator,
  options: { now: number; timeZone: string; sessions: SessionStore; needsSecondFactor: boolean },
): Promise<AppError | null> {
  if (operator.disabledAt !== null) return refusals.accountDisabled();
  if (operator.lockedAt !== null) {
    const lockout = await options.sessions.lockoutOf(operator.operatorId);
    const liftsAt = lockout?.liftsAt ?? null;
    return refusals.accountLocked(liftsAt === null ? null : localDateTime(liftsAt, options.timeZone));
  }
  if (operator.statementSignedOn === null) return refusals.statementMissing();
  if (operator.certifiedUntil === null) return refusals.certificationMissing();
  if (localDate(options.now, options.timeZone) > operator.certifiedUntil) return refusals.certificationLapsed(operator.certifiedUntil);
  if (options.needsSecondFactor && !(operator.hasBadge && operator.hasPin)) return refusals.secondFactorMissing();
  return null;
}
