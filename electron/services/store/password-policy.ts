// Password and PIN rules (requirements L8: at least 8 characters, no hints, salted hashes, a banned list;
// L7: badge + PIN). Long passphrases with spaces are welcome; there are no composition rules (NIST SP
// 800-63B), and there is no hint field anywhere in the roster.

import { AppError } from '../errors';
import { BANNED_PASSWORDS } from './banned-passwords';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;

export type PasswordProblem = 'too-short' | 'too-long' | 'control-characters' | 'banned' | 'repetitive' | 'contains-operator-id' | 'contains-name';

export type PasswordCheck = { ok: true } | { ok: false; problem: PasswordProblem; message: string };

const BANNED = new Set(BANNED_PASSWORDS);
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

const stripEnds = (s: string) => s.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
const unLeet = (s: string) => s.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);

/** The forms of a password looked up in the banned list. */
function bannedForms(password: string): string[] {
  const lower = password.toLowerCase();
  const stripped = stripEnds(lower);
  return [lower, stripped, unLeet(lower), stripEnds(unLeet(lower)), unLeet(stripped)].filter((s) => s.length > 0);
}

/** Checks a new password. The context (the operator's ID and name) may not appear in it. */
export function checkPassword(password: string, context: { operatorId?: string; name?: string } = {}): PasswordCheck {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return { ok: false, problem: 'too-short', message: `A password needs at least ${PASSWORD_MIN_LENGTH} characters.` };
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return { ok: false, problem: 'too-long', message: `A password may have at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  if (/\p{Cc}/u.test(password)) {
    return { ok: false, problem: 'control-characters', message: 'A password may not contain control characters (tabs, line breaks).' };
  }
  if (bannedForms(password).some((form) => BANNED.has(form))) {
    return { ok: false, problem: 'banned', message: 'That password is on the list of common passwords that are easy to guess. Choose another.' };
  }
  if (new Set(password.toLowerCase()).size <= 2) {
    return { ok: false, problem: 'repetitive', message: 'A password needs more than two different characters.' };
  }
  const lower = password.toLowerCase();
  const id = context.operatorId?.trim().toLowerCase();
  if (id && id.length >= 3 && lower.includes(id)) {
    return { ok: false, problem: 'contains-operator-id', message: 'A password may not contain the operator ID.' };
  }
  const nameParts = (context.name ?? '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 4);
  if (nameParts.some((w) => lower.includes(w))) {
    return { ok: false, problem: 'contains-name', message: "A password may not contain the operator's name." };
  }
  return { ok: true };
}

export function assertPasswordAcceptable(password: string, context: { operatorId?: string; name?: string } = {}): void {
  const check = checkPassword(password, context);
  if (!check.ok) throw new AppError('PASSWORD_REJECTED', check.message);
}

/** PINs: 6 to 12 digits, not one digit repeated and not a run like 123456 or 987654. */
export function assertPinAcceptable(pin: string): void {
  if (!new RegExp(`^[0-9]{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)) {
    throw new AppError('PIN_REJECTED', `A PIN is ${PIN_MIN_LENGTH} to ${PIN_MAX_LENGTH} digits.`);
  }
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  if (steps.size === 1 && (steps.has(0) || steps.has(1) || steps.has(9))) {
    throw new AppError('PIN_REJECTED', 'That PIN is too easy to guess (one digit repeated, or a run such as 123456).');
  }
}
