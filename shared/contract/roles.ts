// Operator roles (requirements.md §1; issue "Operator session"). The main process checks them on
// every channel; the renderer only hides what a role may not use.
export const ROLES = ['dispatcher', 'records', 'supervisor', 'crso', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  dispatcher: 'Dispatcher',
  records: 'Records',
  supervisor: 'Supervisor (release)',
  crso: 'Criminal Records Security Officer',
  admin: 'Workstation administrator',
};
