// The keychain SecretStore: against the real gnome-keyring Secret Service (scripts/with-keyring.sh), and
// its fail-closed behaviour when no keychain answers.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { ensureRandomKey, openKeychain, type KeychainBackend } from '../../../electron/services/secrets/keychain';
import { SECRET_NAMES, type SecretStore } from '../../../electron/services/secrets/secret-store';
import { keyringAvailableOrSkip } from '../../support/keyring';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const FIXTURE = path.join(here, 'fixtures', 'open-keychain.ts');
const UNKNOWN = ['anything', 'db-password ', 'DB-PASSWORD', '../db-password', '', 'keychain-probe', '__proto__', 'toString'];

/** An in-memory keytar stand-in, to drive the failure paths that a real keychain cannot be made to take. */
function memoryBackend(overrides: Partial<KeychainBackend> = {}): KeychainBackend & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: async (s, a) => entries.get(`${s}/${a}`) ?? null,
    setPassword: async (s, a, p) => void entries.set(`${s}/${a}`, p),
    deletePassword: async (s, a) => entries.delete(`${s}/${a}`),
    ...overrides,
  };
}

function openInChild(env: NodeJS.ProcessEnv): { ok: boolean; code?: string; message?: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE], { cwd: repo, env, encoding: 'utf8', timeout: 30_000 });
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { ok: boolean; code?: string; message?: string };
  } catch {
    throw new Error(`the child printed no result (status ${result.status}): ${result.stderr}`);
  }
}

describe('SecretStore contract (a stand-in backend)', () => {
  it('refuses every name outside the four it knows, for get, set and delete', async () => {
    const backend = memoryBackend();
    const store = await openKeychain({ service: 'clets-test', loadBackend: async () => backend });
    for (const name of UNKNOWN) {
      await expect(store.get(name as never), name).rejects.toMatchObject({ code: 'SECRET_NAME_REFUSED' });
      await expect(store.set(name as never, 'x'), name).rejects.toMatchObject({ code: 'SECRET_NAME_REFUSED' });
      await expect(store.delete(name as never), name).rejects.toMatchObject({ code: 'SECRET_NAME_REFUSED' });
    }
    expect([...backend.entries.keys()]).toEqual([]); // the probe cleaned up after itself too
  });

  it('refuses empty and oversize values', async () => {
    const store = await openKeychain({ service: 'clets-test', loadBackend: async () => memoryBackend() });
    await expect(store.set('db-password', '')).rejects.toMatchObject({ code: 'SECRET_VALUE_INVALID' });
    await expect(store.set('db-password', 'x'.repeat(4097))).rejects.toMatchObject({ code: 'SECRET_VALUE_INVALID' });
  });

  it('fails closed with KEYCHAIN_UNAVAILABLE when the module cannot load, a write fails, or a read returns something else', async () => {
    const cases: Array<() => Promise<KeychainBackend>> = [
      async () => {
        throw new Error('Cannot find module keytar.node');
      },
      async () => memoryBackend({ setPassword: async () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')) }),
      async () => memoryBackend({ getPassword: async () => 'not what was written' }),
    ];
    for (const loadBackend of cases) {
      await expect(openKeychain({ service: 'clets-test', loadBackend })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    }
    await expect(openKeychain({ service: 'clets-test', loadBackend: cases[1]! })).rejects.toMatchObject({
      code: 'KEYCHAIN_UNAVAILABLE',
      message: expect.stringMatching(/will not start.*Secret Service.*Cannot autolaunch/s),
    });
  });

  it('fails closed when the keychain never answers (bounded wait, no sleeping)', async () => {
    const clock = new ManualClock();
    const opening = openKeychain({ service: 'clets-test', clock, probeTimeoutMs: 5_000, loadBackend: async () => memoryBackend({ setPassword: () => new Promise(() => {}) }) });
    const settled = opening.catch((e: unknown) => e);
    await Promise.resolve();
    await new Promise((r) => setImmediate(r));
    clock.advance(5_000);
    expect(await settled).toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/did not answer within 5000 ms/) });
  });

  it('refuses a service name that is not the app\'s kind', async () => {
    await expect(openKeychain({ service: 'Any Service/*', loadBackend: async () => memoryBackend() })).rejects.toMatchObject({ code: 'KEYCHAIN_SERVICE_INVALID' });
  });
});

describe('keychain when no Secret Service answers (real keytar, child process)', () => {
  it('says KEYCHAIN_UNAVAILABLE when DBUS_SESSION_BUS_ADDRESS points nowhere', () => {
    const result = openInChild({ ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(os.tmpdir(), `no-bus-${process.pid}`)}` });
    expect(result).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/will not start.*Secret Service/s) });
  });

  const hasDbus = spawnSync('sh', ['-c', 'command -v dbus-run-session'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!hasDbus)('says KEYCHAIN_UNAVAILABLE on a session bus with no unlocked keyring', () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'clets-nokeyring-'));
    try {
      const out = execFileSync('dbus-run-session', ['--', process.execPath, '--import', 'tsx', FIXTURE], {
        cwd: repo,
        env: { ...process.env, XDG_DATA_HOME: path.join(home, 'data'), XDG_RUNTIME_DIR: home, DISPLAY: '' },
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      expect(JSON.parse(out.trim().split('\n').at(-1)!)).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!keyringAvailableOrSkip())('keychain against the real Secret Service (gnome-keyring)', () => {
  const service = `clets-test-${randomBytes(4).toString('hex')}`;
  let store: SecretStore;

  beforeAll(async () => {
    store = await openKeychain({ service });
  });
  afterAll(async () => {
    for (const name of SECRET_NAMES) await store?.delete(name).catch(() => false);
  });

  it('sets, gets and deletes each allowed secret', async () => {
    for (const name of SECRET_NAMES) {
      expect(await store.get(name)).toBeNull();
      const value = `${name}:${randomBytes(12).toString('base64')}:é✓`;
      await store.set(name, value);
      expect(await store.get(name)).toBe(value);
      await store.set(name, value + '2');
      expect(await store.get(name)).toBe(value + '2');
      expect(await store.delete(name)).toBe(true);
      expect(await store.get(name)).toBeNull();
      expect(await store.delete(name)).toBe(false);
    }
  });

  it('files entries under the service in the real keyring (secret-tool sees them)', async () => {
    await store.set('db-password', 'seen-by-secret-tool');
    const hasSecretTool = spawnSync('sh', ['-c', 'command -v secret-tool']).status === 0;
    if (hasSecretTool) {
      // keytar files entries with the attributes service and account.
      const seen = execFileSync('secret-tool', ['lookup', 'service', service, 'account', 'db-password'], { encoding: 'utf8', timeout: 10_000 });
      expect(seen).toBe('seen-by-secret-tool');
    }
    // A second store on the same service reads the same entry: it is the keychain, not process memory.
    const again = await openKeychain({ service });
    expect(await again.get('db-password')).toBe('seen-by-secret-tool');
    await store.delete('db-password');
  });

  it('refuses unknown names before reaching the keychain', async () => {
    for (const name of UNKNOWN) await expect(store.get(name as never), name).rejects.toMatchObject({ code: 'SECRET_NAME_REFUSED' });
  });

  it('creates a random 32-byte key once and returns the same key after', async () => {
    const first = await ensureRandomKey(store, 'badge-hmac-key');
    expect(first).toHaveLength(32);
    expect((await ensureRandomKey(store, 'badge-hmac-key')).equals(first)).toBe(true);
    await store.delete('badge-hmac-key');
  });
});
