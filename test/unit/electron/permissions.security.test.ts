// Checklist item 5: every permission request and check is denied, in the default session and in any
// session a new webContents brings; devices, screen capture and downloads are refused too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenSession } from '../../../electron/main/security';
import { FakeEvent, FakeSession, FakeWebContents, resetFake, type FakeState } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

/** Permissions a page could ask for; pinned so the list cannot silently shrink. */
const PINNED_PERMISSIONS = [
  'media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal',
  'fullscreen', 'pointerLock', 'keyboardLock', 'midi', 'midiSysex', 'display-capture', 'mediaKeySystem',
  'idle-detection', 'hid', 'serial', 'usb', 'fileSystem', 'window-management', 'local-fonts',
  'storage-access', 'top-level-storage-access', 'screen-wake-lock', 'persistent-storage', 'sensors', 'unknown',
];

/** Every permission name the installed Electron declares for setPermissionRequestHandler. */
function declaredPermissions(): string[] {
  const dts = path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'electron.d.ts');
  const line = readFileSync(dts, 'utf8').split('\n').find((l) => l.includes('setPermissionRequestHandler(handler:'));
  const union = line?.match(/permission: ((?:'[^']+'(?: \| )?)+)/)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

const ALL_PERMISSIONS = [...new Set([...PINNED_PERMISSIONS, ...declaredPermissions()])];

function expectDeniesEverything(session: FakeSession): void {
  expect(session.permissionRequestHandler).toBeTypeOf('function');
  expect(session.permissionCheckHandler).toBeTypeOf('function');
  const contents = new FakeWebContents(session);
  for (const permission of ALL_PERMISSIONS) {
    const callback = vi.fn();
    session.permissionRequestHandler?.(contents, permission, callback, { requestingUrl: 'app://clets/index.html', isMainFrame: true });
    expect(callback, `request ${permission}`).toHaveBeenCalledExactlyOnceWith(false);
    for (const origin of ['app://clets', 'https://example.org', 'null']) {
      expect(session.permissionCheckHandler?.(contents, permission, origin, { isMainFrame: true }), `check ${permission} from ${origin}`).toBe(false);
    }
  }
  expect(session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://clets' })).toBe(false);
  const media = vi.fn();
  session.displayMediaRequestHandler?.({ frame: null, securityOrigin: 'app://clets' }, media);
  expect(media).toHaveBeenCalledExactlyOnceWith(null);
}

describe('permission handlers', () => {
  let state: FakeState;
  beforeEach(() => {
    state = resetFake();
  });

  it('the permission list covers what Electron declares and the pinned names', () => {
    const declared = declaredPermissions();
    expect(declared.length).toBeGreaterThan(20);
    for (const name of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(declared).toContain(name);
    }
  });

  it('hardenSession denies every permission request and check', () => {
    hardenSession(state.session.defaultSession as never);
    expectDeniesEverything(state.session.defaultSession);
  });

  it('hardenSession refuses downloads', () => {
    hardenSession(state.session.defaultSession as never);
    const event = new FakeEvent();
    state.session.defaultSession.emit('will-download', event, {}, new FakeWebContents(state.session.defaultSession));
    expect(event.defaultPrevented).toBe(true);
  });

  it('the running app denies everything in the default session', async () => {
    const booted = await bootMain();
    expectDeniesEverything(booted.state.session.defaultSession);
  });

  it('a webContents with its own session gets the same handlers', async () => {
    const booted = await bootMain();
    const other = new FakeSession('persist:other');
    booted.state.app.emit('web-contents-created', new FakeEvent(), new FakeWebContents(other));
    expectDeniesEverything(other);
  });
});
