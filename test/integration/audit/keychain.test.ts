// The journal's key lives in the OS keychain (audit-hmac-key). No keychain, a keychain that goes away, or a
// key that was deleted: recording is refused with AUDIT_KEY_UNAVAILABLE (fail closed). Against the real
// Secret Service (scripts/with-keyring.sh) the key and the checkpoint are kept there, and the CLI verifies
// with both read from it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderScopedKeychainEntry, keychainCheckpointSink, type KeychainEntry } from '../../../electron/services/audit/checkpoint';
import { ensureAuditKey, keychainKeyProvider } from '../../../electron/services/audit/key';
import { openJournal } from '../../../electron/services/audit/open';
import type { AuditFailure } from '../../../electron/services/audit/types';
import { verifyJournal } from '../../../electron/services/audit/verify';
import { loadKeytar, openKeychain, type KeychainBackend } from '../../../electron/services/secrets/keychain';
import type { SecretStore } from '../../../electron/services/secrets/secret-store';
import { keyringAvailableOrSkip } from '../../support/keyring';
import { repo } from './child';

const FIXTURE = path.join(repo, 'test/integration/audit/fixtures/open-with-keychain.ts');
const root = mkdtempSync(path.join(os.tmpdir(), 'clets-audit-key-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('no keychain at all (child process, real keytar)', () => {
  it('refuses to open the journal with AUDIT_KEY_UNAVAILABLE when no Secret Service answers', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE], {
      cwd: repo,
      env: { ...process.env, AUDIT_DIR: path.join(root, 'nobus'), DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(os.tmpdir(), `no-bus-${process.pid}`)}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { ok: boolean; code?: string; message?: string };
    expect(line).toMatchObject({ ok: false, code: 'AUDIT_KEY_UNAVAILABLE', message: expect.stringMatching(/signing key could not be read.*Secret Service.*action was refused/s) });
  });
});

describe.skipIf(!keyringAvailableOrSkip())('the key in the real Secret Service (gnome-keyring)', () => {
  const service = `clets-test-audit-${randomBytes(4).toString('hex')}`;
  let backend: KeychainBackend;
  let store: SecretStore;
  let gone = false;
  const checkpointEntry = (): KeychainEntry => ({ get: () => backend.getPassword(service, 'audit-checkpoint'), set: (v) => backend.setPassword(service, 'audit-checkpoint', v) });

  beforeAll(async () => {
    backend = await loadKeytar();
    // The real keytar, with a switch that makes it behave as a keychain that stopped answering.
    const flaky: KeychainBackend = {
      getPassword: (s, a) => (gone ? Promise.reject(new Error('org.freedesktop.DBus.Error.ServiceUnknown: the Secret Service went away')) : backend.getPassword(s, a)),
      setPassword: (s, a, p) => backend.setPassword(s, a, p),
      deletePassword: (s, a) => backend.deletePassword(s, a),
    };
    store = await openKeychain({ service, loadBackend: async () => flaky });
  });
  afterAll(async () => {
    await store?.delete('audit-hmac-key').catch(() => false);
    await backend?.deletePassword(service, 'audit-checkpoint').catch(() => false);
  });

  it('signs with the keychain key, keeps the checkpoint there, and the CLI verifies with both', async () => {
    const dir = path.join(root, 'real');
    const key = await ensureAuditKey(store);
    expect(key.length).toBe(32);
    const journal = await openJournal({
      dir,
      workstationId: 'WS-KEY-01',
      ori: 'CA0349999',
      keyProvider: keychainKeyProvider(store),
      checkpointSinks: [keychainCheckpointSink(folderScopedKeychainEntry(checkpointEntry(), dir))],
    });
    await journal.append({ type: 'logon.success', operator: 'OPR123', outcome: 'success' });
    await journal.close();
    expect(await folderScopedKeychainEntry(checkpointEntry(), dir).get()).toContain('"seq":2');
    expect(await verifyJournal(dir, { key })).toMatchObject({ ok: true, records: 2 });

    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/audit.ts', 'verify', dir, '--key-from-keychain', '--service', service, '--checkpoint-from-keychain'], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout.trim()).toMatch(/^OK: 2 records in 1 file\(s\).*external checkpoint at record 2 matches/);
    expect(run.status).toBe(0);
  });

  it('refuses appends when the keychain stops answering, and again when the key entry is deleted', async () => {
    const dir = path.join(root, 'gone');
    await ensureAuditKey(store);
    const journal = await openJournal({ dir, workstationId: 'WS-KEY-01', ori: 'CA0349999', keyProvider: keychainKeyProvider(store) });
    const failures: AuditFailure[] = [];
    journal.onFailure((f) => failures.push(f));
    await journal.append({ type: 'logon.success', operator: 'OPR123', outcome: 'success' });

    gone = true;
    await expect(journal.append({ type: 'logoff', operator: 'OPR123', outcome: 'success' })).rejects.toMatchObject({
      code: 'AUDIT_KEY_UNAVAILABLE',
      message: expect.stringContaining('Secret Service went away'),
    });
    gone = false;
    await store.delete('audit-hmac-key');
    await expect(journal.append({ type: 'logoff', operator: 'OPR123', outcome: 'success' })).rejects.toMatchObject({
      code: 'AUDIT_KEY_UNAVAILABLE',
      message: expect.stringContaining('no audit-hmac-key'),
    });
    expect(failures.map((f) => [f.code, f.severity])).toEqual([
      ['AUDIT_KEY_UNAVAILABLE', 'critical'],
      ['AUDIT_KEY_UNAVAILABLE', 'critical'],
    ]);
    expect(journal.durableSeq()).toBe(2);
    await journal.close();
  });
});
