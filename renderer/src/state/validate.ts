// Checks the renderer makes before sending, so the operator gets a plain sentence and the cursor in
// the right field at once. They mirror shared/contract/session-schemas.ts (a unit test keeps them in
// step); the main process parses every payload again and stays the authority. No zod here: its
// object parser tries `new Function`, which the CSP forbids.

export type Check = { ok: true; value: string } | { ok: false; message: string };

const ok = (value: string): Check => ({ ok: true, value });
const no = (message: string): Check => ({ ok: false, message });

export function checkOperatorId(raw: string): Check {
  const value = raw.trim().toUpperCase();
  if (value === '') return no('Enter your operator ID.');
  return /^[A-Z0-9]{3,12}$/.test(value) ? ok(value) : no('Operator ID is 3 to 12 letters or digits.');
}

export function checkPassword(raw: string): Check {
  if (raw.length === 0) return no('Enter your password.');
  return raw.length <= 256 ? ok(raw) : no('A password is at most 256 characters.');
}

export function checkBadge(raw: string): Check {
  const value = raw.trim();
  if (value === '') return no('Enter or swipe your badge.');
  return value.length <= 64 ? ok(value) : no('A badge number is at most 64 characters.');
}

export function checkPin(raw: string): Check {
  if (raw === '') return no('Enter your PIN.');
  return /^\d{6,12}$/.test(raw) ? ok(raw) : no('PIN is 6 to 12 digits.');
}

/** A note or reason for the roster (disable, release): 3 to 200 characters after trimming. */
export function checkNote(raw: string, what: string): Check {
  const value = raw.trim();
  if (value.length < 3) return no(`Write a ${what} of at least 3 characters.`);
  return value.length <= 200 ? ok(value) : no(`A ${what} is at most 200 characters.`);
}
