// The SecretStore backed by the OS keychain through keytar (Secret Service on Linux, Keychain on macOS,
// Credential Vault on Windows).
//
// Why keytar: it is the one Node-API binding to all three OS keychains, so the same build serves Node (the
// tests) and Electron (the app). It is archived upstream (2022), which is why it sits behind SecretStore:
// the backend can change without touching a caller (electron-security.md, Secrets).
//
// Fail closed: openKeychain() first proves the keychain works (writes, reads back and deletes a probe
// entry). With no keychain — no Secret Service on the session bus, a locked or missing collection, no
// native build of keytar — it throws KEYCHAIN_UNAVAILABLE and the app refuses to start. There is no
// fallback to a file or a fixed key (Electron's safeStorage falls back to a hard-coded key on Linux).
//
// keytar is loaded lazily, so importing this module never needs the native build; opening the keychain does.

import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';
import { assertSecretName, assertSecretValue, type SecretStore } from './secret-store';

/** The three keytar calls this module uses. */
export interface KeychainBackend {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeychainOptions {
  /** The keychain service the entries are filed under, e.g. "clets-workstation". */
  service: string;
  /** Time the probe may take before the keychain counts as unavailable. Default 10 000 ms. */
  probeTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** For tests: how the backend is loaded. Default: keytar. */
  loadBackend?: () => Promise<KeychainBackend>;
}

const SERVICE = /^[a-z0-9][a-z0-9.-]{2,63}$/;
const PROBE_ACCOUNT = 'keychain-probe';

export async function loadKeytar(): Promise<KeychainBackend> {
  let mod: unknown;
  try {
    mod = await import('keytar');
  } catch (cause) {
    throw new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'The keychain module (keytar) could not be loaded, so secrets cannot be kept in the OS keychain and the app will not start. ' +
        'Its native build is missing or was built for another runtime: run `npm rebuild keytar` (Linux needs libsecret-1-dev and pkg-config). ' +
        `Cause: ${messageOf(cause)}`,
      { cause },
    );
  }
  const candidate = ((mod as { default?: unknown }).default ?? mod) as Partial<KeychainBackend>;
  if (typeof candidate.getPassword !== 'function' || typeof candidate.setPassword !== 'function' || typeof candidate.deletePassword !== 'function') {
    throw new AppError('KEYCHAIN_UNAVAILABLE', 'The keychain module (keytar) loaded but does not offer getPassword/setPassword/deletePassword.');
  }
  return candidate as KeychainBackend;
}

function unavailable(detail: string, cause?: unknown): AppError {
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'No working OS keychain was found, so the app will not start: the database password and keys are kept only in the OS keychain, never in a file. ' +
      'On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked in the desktop session (DBUS_SESSION_BUS_ADDRESS). ' +
      detail,
    cause === undefined ? undefined : { cause },
  );
}

/** Opens the keychain for `service` after proving it works. Throws KEYCHAIN_UNAVAILABLE otherwise. */
export async function openKeychain(options: KeychainOptions): Promise<SecretStore> {
  if (!SERVICE.test(options?.service ?? '')) {
    throw new AppError('KEYCHAIN_SERVICE_INVALID', 'The keychain service name is 3 to 64 lower-case letters, digits, dots and hyphens.');
  }
  const { service } = options;
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? silentLogger).child('secrets');
  let backend: KeychainBackend;
  try {
    backend = await (options.loadBackend ?? loadKeytar)();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unavailable(`The keychain module could not be loaded: ${messageOf(error)}`, error);
  }
  await probe(backend, service, clock, options.probeTimeoutMs ?? 10_000);
  logger.info('keychain ready', { service });

  return {
    async get(name) {
      assertSecretName(name);
      return backend.getPassword(service, name);
    },
    async set(name, value) {
      assertSecretName(name);
      assertSecretValue(value);
      await backend.setPassword(service, name, value);
    },
    async delete(name) {
      assertSecretName(name);
      return backend.deletePassword(service, name);
    },
  };
}

async function probe(backend: KeychainBackend, service: string, clock: Clock, timeoutMs: number): Promise<void> {
  const value = randomBytes(16).toString('base64');
  const steps = async () => {
    await backend.setPassword(service, PROBE_ACCOUNT, value);
    const back = await backend.getPassword(service, PROBE_ACCOUNT);
    await backend.deletePassword(service, PROBE_ACCOUNT);
    if (back !== value) throw new Error('the keychain did not return what was written to it');
  };
  let timer: ReturnType<Clock['setTimeout']> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = clock.setTimeout(() => reject(unavailable(`The keychain did not answer within ${timeoutMs} ms (is it waiting to be unlocked?).`)), timeoutMs);
  });
  try {
    await Promise.race([steps(), timeout]);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unavailable(`Cause: ${messageOf(error)}`, error);
  } finally {
    if (timer) clock.clearTimeout(timer);
  }
}

/**
 * Returns the named key, creating 32 random bytes (base64) on first use. Only for keys this workstation
 * may invent alone: on an agency database shared by several workstations, the badge key must be the same
 * everywhere — install it on each workstation instead (roster.verifyBadgeKey() notices a mismatch).
 */
export async function ensureRandomKey(store: SecretStore, name: 'audit-hmac-key' | 'badge-hmac-key'): Promise<Buffer> {
  const existing = await store.get(name);
  if (existing !== null) {
    const key = Buffer.from(existing, 'base64');
    if (key.length < 32) throw new AppError('SECRET_VALUE_INVALID', `The keychain entry ${name} is shorter than 32 bytes.`);
    return key;
  }
  const key = randomBytes(32);
  await store.set(name, key.toString('base64'));
  return key;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
