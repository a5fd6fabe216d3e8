// startApp with the session side wired in: keychain first (no keychain, no start), the embedded store
// migrated and seeded with the training roster, settings read back (a damaged file starts on defaults
// and says so), the session reachable through the router and the event hub, and close() signing off.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/contract/session-schemas';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { startApp, type AppServices } from '../../../electron/services/app';
import { ManualClock } from '../../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { silentLogger } from '../../../electron/services/log';
import { memoryClipboard } from '../../../electron/services/platform';
import { openKeychain } from '../../../electron/services/secrets/keychain';
import { openPglite } from '../../../electron/services/store/pglite';
import { TRAINING_LOGINS } from '../../../electron/services/store/training-roster';
import { keyringAvailableOrSkip } from '../../support/keyring';
import { memoryKeychain, tempDataDirs, trainingConfig } from '../../support/app-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const dataDir = tempDataDirs('clets-app-');
const config = trainingConfig;


const call = (app: AppServices, channel: string, payload: unknown = {}) => app.router.dispatch(channel, payload, { senderVerified: true });

describe('startApp with the session', () => {
  it('signs a training operator on through the router, locks from the Electron side, and signs off at close', async () => {
    const dir = dataDir();
    const sessionClock = new ManualClock();
    const clipboard = memoryClipboard();
    const keychain = memoryKeychain();
    const app = await startApp(config(dir), { logger: silentLogger, keychain, sessionClock, ports: { clipboard } });
    const events: SessionState[] = [];
    app.events.subscribe((name, payload) => {
      if (name === 'session.state') events.push(payload as SessionState);
    });
    const states: SessionState[] = [];
    app.session.onChange((state) => states.push(state));

    expect(keychain.entries.has('badge-hmac-key')).toBe(true);
    expect(app.settings.current()).toMatchObject({ idleTimeoutMinutes: 10, lockoutRule: 'cjis-5.9.4' });
    expect(app.settings.problem()).toBeNull();
    expect(app.session.state().phase).toBe('notice');

    const dispatcher = TRAINING_LOGINS.find((l) => l.role === 'dispatcher')!;
    expect(await call(app, 'session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version })).toMatchObject({ ok: true });
    expect(await call(app, 'session.submitPassword', { operatorId: dispatcher.operatorId, password: dispatcher.password })).toMatchObject({ ok: true });
    expect(await call(app, 'session.submitBadge', { badge: dispatcher.badge, pin: dispatcher.pin })).toMatchObject({
      ok: true,
      value: { phase: 'active', operator: { id: dispatcher.operatorId, roles: ['dispatcher'] }, watermark: { workstationId: TRAINING_WORKSTATION.id } },
    });
    expect(await call(app, 'clipboard.copy', { text: 'LIC/7ABC123' })).toMatchObject({ ok: true });
    await expect.poll(() => clipboard.peek()).toBe('LIC/7ABC123');
    // The roster is the CRSO's: a dispatcher is refused.
    expect(await call(app, 'roster.list')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });

    const ended: string[] = [];
    app.session.onSessionEnded((e) => ended.push(e.reason));
    app.session.lock('os-lock');
    expect(app.session.state()).toMatchObject({ phase: 'locked', operatorId: dispatcher.operatorId, reason: 'os-lock' });
    await expect.poll(() => clipboard.peek()).toBe('');
    expect(await call(app, 'clipboard.copy', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(events.map((e) => e.phase)).toEqual(['credentials', 'second-factor', 'active', 'locked']);
    expect(states).toEqual(events);

    // The session clock drives the idle lock without touching the link's own timers.
    await call(app, 'session.unlock', { badge: dispatcher.badge, pin: dispatcher.pin });
    sessionClock.advance(10 * 60_000);
    expect(app.session.state()).toMatchObject({ phase: 'locked', reason: 'idle' });

    await app.close();
    await app.close();
    expect(ended).toEqual(['closed']);
    const db = await openPglite(path.join(dir, 'store'));
    try {
      expect(await db.query('SELECT operator_id FROM active_sessions')).toEqual([]);
      expect(await db.query('SELECT count(*) AS n FROM operators')).toEqual([{ n: String(TRAINING_LOGINS.length) }]);
    } finally {
      await db.close();
    }
  });

  it('refuses to start without a working OS keychain, saying why, and leaves nothing behind', () => {
    const dir = dataDir();
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'fixtures', 'start-app.ts'), dir], {
      cwd: repo,
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(os.tmpdir(), `no-bus-${process.pid}`)}` },
      encoding: 'utf8',
      timeout: 60_000,
    });
    const outcome = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { ok: boolean; code?: string; message?: string };
    expect(outcome).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringMatching(/will not start/) });
    // The keychain is opened first: no store, no certificates, no settings were created.
    expect(readdirSync(dir)).toEqual([]);
  });

  it('starts on the safe defaults with a damaged settings file, reports it, and resets on request', async () => {
    const dir = dataDir();
    writeFileSync(path.join(dir, 'workstation-settings.json'), '{"idleTimeoutMinutes": 30, "dispatchIdle');
    const app = await startApp(config(dir), { logger: silentLogger, keychain: memoryKeychain(), sessionClock: new ManualClock() });
    try {
      expect(app.settings.problem()).toMatchObject({ code: 'SETTINGS_CORRUPT', message: expect.stringContaining(path.join(dir, 'workstation-settings.json')) });
      expect(app.settings.current().idleTimeoutMinutes).toBe(10);
      expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
      // The renderer asks, before anyone signs on: the logon screen says it too.
      expect(await app.router.dispatch('settings.status', {}, { senderVerified: true })).toMatchObject({ ok: true, value: { problem: { code: 'SETTINGS_CORRUPT' } } });
      app.settings.resetToDefaults('TADMIN01');
      expect(app.settings.problem()).toBeNull();
    } finally {
      await app.close();
    }
  });

  it('leaves a store it was given open for its owner', async () => {
    const dir = dataDir();
    const db = await openPglite(path.join(dir, 'shared-store'));
    const app = await startApp(config(dir), { logger: silentLogger, keychain: memoryKeychain(), store: db });
    await app.close();
    expect(await db.query('SELECT count(*) AS n FROM operators')).toEqual([{ n: String(TRAINING_LOGINS.length) }]);
    await db.close();
    expect(existsSync(path.join(dir, 'store'))).toBe(false);
  });

  it.runIf(keyringAvailableOrSkip())('uses the OS keychain by default (a real Secret Service)', async () => {
    const dir = dataDir();
    const app = await startApp(config(dir), { logger: silentLogger });
    await app.close();
    const keychain = await openKeychain({ service: 'clets-workstation' });
    expect((await keychain.get('badge-hmac-key'))?.length).toBeGreaterThanOrEqual(43);
  });
});
