// The journal's key comes from the OS keychain entry 'audit-hmac-key' (32 random bytes, base64), read
// again before each flush so that a keychain that stops answering stops the recording (fail closed).

import { ensureRandomKey, type SecretStore } from '../secrets';
import { keyUnavailable, messageOf } from './errors';
import type { KeyProvider } from './types';

/** Creates the key on first use (this workstation invents its own). Throws AUDIT_KEY_UNAVAILABLE. */
export async function ensureAuditKey(store: SecretStore): Promise<Buffer> {
  try {
    return await ensureRandomKey(store, 'audit-hmac-key');
  } catch (error) {
    throw keyUnavailable(messageOf(error), error);
  }
}

/** A key provider that reads the keychain each time it is asked. */
export function keychainKeyProvider(store: SecretStore): KeyProvider {
  return async () => {
    let value: string | null;
    try {
      value = await store.get('audit-hmac-key');
    } catch (error) {
      throw keyUnavailable(messageOf(error), error);
    }
    if (value === null) throw keyUnavailable('the keychain has no audit-hmac-key entry (was it deleted?)');
    return Buffer.from(value, 'base64');
  };
}
