// What the session layer reports to the rest of the main process. The audit journal subscribes to
// SecurityEvent (A1: every logon, success and failure, and every privileged change); services holding
// session data subscribe to SessionEnded to discard it.
import type { LockReason } from '../../../shared/contract/session-schemas';
import type { Role } from '../../../shared/contract/roles';

export type SessionEndReason =
  /** The operator signed off (or someone did from the lock screen). */
  | 'logout'
  /** Another operator unlocked the workstation with their own badge and PIN. */
  | 'replaced'
  /** The app closed. */
  | 'closed'
  /** The session row was taken over after this workstation stopped renewing it. */
  | 'claim-lost'
  /** The operator's account was disabled while signed on. */
  | 'disabled';

export interface SessionEnded {
  /** The session's ID (hex). Main process only: never sent to the renderer or written to disk. */
  sessionId: string;
  operatorId: string;
  reason: SessionEndReason;
  at: number;
}

/** The session of the operator at the keyboard now, for other main-process services. */
export interface CurrentSession {
  sessionId: string;
  operatorId: string;
  roles: readonly Role[];
  signedOnAt: number;
}

export type LogonStep = 'password' | 'second-factor' | 'unlock';

export type SecurityEvent = { at: number; workstationId: string } & (
  | { type: 'notice-acknowledged'; noticeVersion: string }
  /** A secret did not verify. operatorId is null when the ID or badge is not on the roster (never echoed). */
  | { type: 'logon-failed'; step: LogonStep; operatorId: string | null }
  /** The secret verified but the account may not sign on (code: STATEMENT_MISSING, ACCOUNT_LOCKED…). */
  | { type: 'logon-refused'; step: LogonStep; operatorId: string; code: string }
  | { type: 'account-locked'; operatorId: string; failures: number; rule: 'cjis-5.9.4' | 'cjis-5.8' }
  | { type: 'signed-on'; operatorId: string; sessionId: string; via: 'logon' | 'unlock' }
  | { type: 'locked'; operatorId: string; sessionId: string; reason: LockReason }
  | { type: 'unlocked'; operatorId: string; sessionId: string }
  | { type: 'signed-off'; operatorId: string; sessionId: string; reason: SessionEndReason }
  | { type: 'network-dropped'; operatorId: string | null }
  | { type: 'network-restored'; operatorId: string }
  /** CRSO and administrator actions on the roster (U4: account changes are audited). */
  | { type: 'roster-change'; actor: string; operatorId: string; action: 'create' | 'disable' | 'set-dates' | 'release-lock'; note?: string }
);
