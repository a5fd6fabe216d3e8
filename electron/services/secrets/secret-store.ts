// The one small interface between the app and the OS keychain. A narrow set of names — never "get any
// key" (style.md §5): each name is one secret the app needs, and anything else is refused at run time
// too, since a name may arrive from JavaScript that the type checker never saw.

import { AppError } from '../errors';

export const SECRET_NAMES = [
  /** The agency PostgreSQL password (store/postgres.ts). */
  'db-password',
  /** The passphrase of this workstation's TLS client key (the CLETS link). */
  'workstation-key-passphrase',
  /** The key of the audit trail's HMAC chain. */
  'audit-hmac-key',
  /** The audit journal's latest signed checkpoint (catches deletion of the newest journal file). */
  'audit-checkpoint',
  /** The agency badge key: badge IDs are stored as HMAC-SHA-256 under it (store/hashing.ts). */
  'badge-hmac-key',
] as const;

export type SecretName = (typeof SECRET_NAMES)[number];

export interface SecretStore {
  /** The secret, or null when it was never set. */
  get(name: SecretName): Promise<string | null>;
  set(name: SecretName, value: string): Promise<void>;
  /** True when something was deleted. */
  delete(name: SecretName): Promise<boolean>;
}

/** The longest secret accepted (bytes of UTF-8). Keys and passwords are far shorter. */
export const MAX_SECRET_BYTES = 4096;

export function isSecretName(name: unknown): name is SecretName {
  return typeof name === 'string' && (SECRET_NAMES as readonly string[]).includes(name);
}

export function assertSecretName(name: unknown): asserts name is SecretName {
  if (!isSecretName(name)) {
    throw new AppError('SECRET_NAME_REFUSED', `The keychain holds only the app's own secrets (${SECRET_NAMES.join(', ')}); that name is not one of them.`);
  }
}

export function assertSecretValue(value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || Buffer.byteLength(value, 'utf8') > MAX_SECRET_BYTES) {
    throw new AppError('SECRET_VALUE_INVALID', `A secret is a non-empty string of at most ${MAX_SECRET_BYTES} bytes.`);
  }
}
