// Input checks shared by the roster's operator and workstation halves. Each throws an AppError whose
// message an administrator can act on; the database constraints are the backstop.

import { ROLES, type Role } from '../../../shared/contract/roles';
import { OPERATOR_ID, ORI_PATTERN, TERMINAL_MNEMONIC } from '../../../shared/wire/protocol';
import { AppError } from '../errors';

export const WORKSTATION_ID = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export function operatorIdOf(id: string): string {
  const value = typeof id === 'string' ? id.trim().toUpperCase() : '';
  if (!OPERATOR_ID.test(value)) {
    throw new AppError('OPERATOR_ID_INVALID', 'An operator ID is 3 to 12 letters and digits (it is sent to the switch as OPR).');
  }
  return value;
}

export function nameOf(name: string): string {
  const value = typeof name === 'string' ? name.normalize('NFC').trim().replace(/\s+/g, ' ') : '';
  if (value.length < 1 || value.length > 100 || /\p{Cc}/u.test(value)) {
    throw new AppError('NAME_INVALID', 'A name is 1 to 100 characters.');
  }
  return value;
}

export function rolesOf(roles: readonly string[]): Role[] {
  if (!Array.isArray(roles) || roles.length === 0) throw new AppError('ROLES_INVALID', `An operator needs at least one role: ${ROLES.join(', ')}.`);
  const unknown = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0) throw new AppError('ROLES_INVALID', `Unknown role(s) ${unknown.join(', ')}: the roles are ${ROLES.join(', ')}.`);
  // Stored in the canonical order, once each.
  return ROLES.filter((r) => roles.includes(r));
}

/** A calendar date 'YYYY-MM-DD' that exists, or null. */
export function dateOf(value: string | null | undefined, label: string): string | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const ok = m !== null && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  })();
  if (!ok) throw new AppError('DATE_INVALID', `${label} must be a date written YYYY-MM-DD.`);
  return value;
}

export function badgeOf(badge: string): string {
  const value = typeof badge === 'string' ? badge.normalize('NFKC').trim().toUpperCase() : '';
  if (!/^[\x21-\x7E]{4,64}$/.test(value)) {
    throw new AppError('BADGE_INVALID', 'A badge ID is 4 to 64 printable characters with no spaces.');
  }
  return value;
}

export function workstationIdOf(id: string): string {
  const value = typeof id === 'string' ? id.trim().toUpperCase() : '';
  if (!WORKSTATION_ID.test(value)) {
    throw new AppError('WORKSTATION_INVALID', 'A workstation ID is 2 to 32 letters, digits and hyphens, starting with a letter or digit.');
  }
  return value;
}

export function oriOf(ori: string): string {
  const value = typeof ori === 'string' ? ori.trim().toUpperCase() : '';
  if (!ORI_PATTERN.test(value)) {
    throw new AppError('WORKSTATION_INVALID', 'An ORI is 9 characters: a 2-letter state code then 7 letters or digits (for example CA0340000).');
  }
  return value;
}

export function terminalOf(terminal: string): string {
  const value = typeof terminal === 'string' ? terminal.trim().toUpperCase() : '';
  if (!TERMINAL_MNEMONIC.test(value)) {
    throw new AppError('WORKSTATION_INVALID', 'A terminal mnemonic is 4 to 8 letters and digits.');
  }
  return value;
}
