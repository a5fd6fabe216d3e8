// Secrets: the OS keychain behind one small interface. See keychain.ts for why and how it fails closed.
export { MAX_SECRET_BYTES, SECRET_NAMES, assertSecretName, isSecretName, type SecretName, type SecretStore } from './secret-store';
export { ensureRandomKey, loadKeytar, openKeychain, type KeychainBackend, type KeychainOptions } from './keychain';
