// The operator session and privacy lock (requirements L1–L11, U2–U4). service.ts holds the state machine,
// logon.ts the checks, lockout.ts the failure count, idle.ts the inactivity timers, registry.ts the one
// session per operator across workstations, policy.ts the numbers and refusals.ts the codes.
export { createSessionSide, type SessionChannelHandlers, type SessionSide, type SessionSideDeps } from './compose';
export { AGENCY_TIME_ZONE, eligibilityRefusal, localDate, localDateTime } from './eligibility';
export type { CurrentSession, LogonStep, SecurityEvent, SessionEnded, SessionEndReason } from './events';
export { sessionHandlers } from './handlers';
export { createIdleWatch, type IdleWatch } from './idle';
export { createLockoutCounter, type LockoutCounter } from './lockout';
export { createLogonChecks, type LogonChecks } from './logon';
export { SESSION_POLICY, lockoutPolicy } from './policy';
export { SESSION_ERROR_CODES, WRONG_BADGE, WRONG_PASSWORD, refusals, type SessionErrorCode } from './refusals';
export { createSessionRegistry, type SessionRegistry } from './registry';
export { rosterHandlers, toRosterEntry } from './roster-handlers';
export { createSecurityEvents, type SecurityEventInput, type SecurityEvents } from './security-events';
export { createSessionService, type Notice, type SessionLink, type SessionService, type SessionServiceDeps } from './service';
