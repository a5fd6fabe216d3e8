// What the router needs to know about the caller's session. The session service (issue 3)
// implements it; before that exists every caller is treated as not signed on.
import type { Access } from '../../../shared/contract/channels';
import type { Role } from '../../../shared/contract/roles';

export interface SessionView {
  signedOn: boolean;
  locked: boolean;
  roles: readonly Role[];
  operatorId: string | null;
}

export interface SessionGate {
  view(): SessionView;
}

export const noSession: SessionGate = {
  view: () => ({ signedOn: false, locked: false, roles: [], operatorId: null }),
};

export type AccessVerdict = 'allowed' | 'NOT_SIGNED_ON' | 'ROLE_REQUIRED';

/** Whether a session may use a channel or receive an event with this access rule. */
export function checkAccess(access: Access, view: SessionView): AccessVerdict {
  if (access === 'public') return 'allowed';
  if (!view.signedOn) return 'NOT_SIGNED_ON';
  return access.roles.some((role) => view.roles.includes(role)) ? 'allowed' : 'ROLE_REQUIRED';
}
