// The session's phases, and what the renderer (SessionState) and the router (SessionView) may see of them.
import type { Role } from '../../../shared/contract/roles';
import type { LockReason, SessionState } from '../../../shared/contract/session-schemas';
import type { SessionView } from '../ipc/access';

export interface Notice {
  readonly version: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
}

/** A signed-on session. Lives in the main process only. */
export interface LiveSession {
  /** 128 random bits; zeroed when the session ends (L9). */
  readonly id: Buffer;
  /** Which active_sessions row is this session's (not a secret). */
  readonly claimId: string;
  /** Refreshed at unlock, so a CRSO's change of roles applies. */
  operator: { id: string; name: string; roles: Role[] };
  readonly signedOnAt: number;
  readonly reauthDueAt: number;
}

export type Phase =
  | { name: 'notice' }
  | { name: 'credentials' }
  | { name: 'second-factor'; operatorId: string }
  | { name: 'active'; session: LiveSession }
  | { name: 'locked'; session: LiveSession; reason: LockReason; since: number };

const iso = (ms: number) => new Date(ms).toISOString();

export function toSessionState(phase: Phase, context: { notice: Notice; workstationId: string; idleTimeoutMs: number | null }): SessionState {
  switch (phase.name) {
    case 'notice': {
      const { version, title, paragraphs } = context.notice;
      return { phase: 'notice', notice: { version, title, paragraphs: [...paragraphs] } };
    }
    case 'credentials':
      return { phase: 'credentials' };
    case 'second-factor':
      return { phase: 'second-factor', operatorId: phase.operatorId };
    case 'active': {
      const { operator, signedOnAt, reauthDueAt } = phase.session;
      return {
        phase: 'active',
        operator: { id: operator.id, name: operator.name, roles: [...operator.roles] },
        signedOnAt: iso(signedOnAt),
        reauthDueAt: iso(reauthDueAt),
        idleTimeoutMs: context.idleTimeoutMs,
        watermark: { operatorId: operator.id, workstationId: context.workstationId },
      };
    }
    case 'locked':
      // The lock screen shows no operator data beyond the operator ID (L3).
      return { phase: 'locked', operatorId: phase.session.operator.id, reason: phase.reason, since: iso(phase.since) };
  }
}

export function toSessionView(phase: Phase): SessionView {
  if (phase.name === 'active' || phase.name === 'locked') {
    const { operator } = phase.session;
    return { signedOn: true, locked: phase.name === 'locked', roles: [...operator.roles], operatorId: operator.id };
  }
  return { signedOn: false, locked: false, roles: [], operatorId: null };
}
