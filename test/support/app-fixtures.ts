// What the startApp integration tests share: temp data folders (removed after the file), the training
// config, and an in-memory keychain for tests where the keychain itself is not the subject
// (test/integration/secrets is).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { TRAINING_WORKSTATION } from '../../electron/services/config';
import type { SecretName, SecretStore } from '../../electron/services/secrets/secret-store';

/** A data-folder factory whose folders are removed after the test file. */
export function tempDataDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

export const trainingConfig = (dir: string) => ({
  dataDir: dir,
  mode: 'training' as const,
  workstation: TRAINING_WORKSTATION,
  version: '0.0.0-test',
});

export function memoryKeychain(): SecretStore & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get: async (name: SecretName) => entries.get(name) ?? null,
    set: async (name: SecretName, value: string) => void entries.set(name, value),
    delete: async (name: SecretName) => entries.delete(name),
  };
}
