// The main process from start to quit: single instance, sandbox and app:// before ready, the
// composition root called with the training configuration, the window loaded from app://clets,
// a plain dialog (no stack) on a failed start, and the services closed exactly once on quit.
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { plainReason, runMainProcess, SETTINGS_PROBLEM_TITLE, startupFailureMessage, STARTUP_FAILURE_TITLE } from '../../../electron/main/lifecycle';
import { applicationMenuTemplate } from '../../../electron/main/menu';
import { startApp } from '../../../electron/services/app';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { AppError } from '../../../electron/services/errors';
import { silentLogger } from '../../../electron/services/log';
import { FakeEvent, resetFake } from './fake-electron';
import { bootMain, fakeServices } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

function roles(template: unknown): string[] {
  const found: string[] = [];
  const walk = (items: unknown) => {
    for (const item of (items as Array<{ role?: string; submenu?: unknown }>) ?? []) {
      if (item.role) found.push(item.role);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return found;
}

describe('main process startup', () => {
  beforeEach(() => {
    resetFake();
  });

  it('takes the single-instance lock, enables the sandbox and registers app:// before ready', async () => {
    const { state } = await bootMain();
    expect(state.calls.slice(0, 4)).toEqual(['requestSingleInstanceLock', 'enableSandbox', 'registerSchemesAsPrivileged', 'ready']);
    expect(state.app.sandboxEnabled).toBe(true);
  });

  it('a second instance quits at once and builds nothing', () => {
    const state = resetFake();
    state.app.singleInstanceLock = false;
    runMainProcess({ mainDir: '/x', env: {}, logger: silentLogger, handleSignals: false });
    expect(state.app.quitCalls).toBe(1);
    expect(state.calls).not.toContain('enableSandbox');
    expect(state.app.listenerCount('web-contents-created')).toBe(0);
  });

  it('starts the services in training mode with CLETS_DATA_DIR, the training workstation and the app version', async () => {
    await bootMain({ env: { CLETS_DATA_DIR: '/data/clets' } });
    expect(vi.mocked(startApp)).toHaveBeenCalledExactlyOnceWith(
      {
        dataDir: path.resolve('/data/clets'),
        mode: 'training',
        workstation: TRAINING_WORKSTATION,
        version: '0.1.0',
      },
      { ports: { idle: expect.any(Object), clipboard: expect.any(Object), settings: expect.any(Object) } },
    );
  });

  it('gives the services the Electron ports, with the settings file in the data folder', async () => {
    await bootMain({ env: { CLETS_DATA_DIR: '/data/clets' } });
    const ports = vi.mocked(startApp).mock.calls[0]?.[1]?.ports;
    expect(ports?.settings?.location).toBe(path.resolve('/data/clets', 'workstation-settings.json'));
    expect(typeof ports?.idle?.systemIdleMs).toBe('function');
    expect(typeof ports?.clipboard?.clear).toBe('function');
  });

  it('falls back to the userData folder when CLETS_DATA_DIR is not set', async () => {
    await bootMain({ env: {} });
    expect(vi.mocked(startApp).mock.calls[0]?.[0].dataDir).toBe(path.resolve('/fake/userData'));
    expect(vi.mocked(startApp).mock.calls[0]?.[1]?.ports?.settings?.location).toBe(path.resolve('/fake/userData', 'workstation-settings.json'));
  });

  it('opens one window at app://clets/index.html, shown once ready', async () => {
    const { state } = await bootMain();
    expect(state.windowsCreated).toHaveLength(1);
    expect(state.windowsCreated[0]!.loadURLCalls).toEqual(['app://clets/index.html']);
    expect(state.windowsCreated[0]!.shown).toBe(true);
  });

  it('wires IPC before the window loads', async () => {
    const { state } = await bootMain();
    expect(state.ipcMain.handlers.size).toBeGreaterThan(0);
  });

  it('a second launch focuses the existing window', async () => {
    const { state } = await bootMain();
    const window = state.windowsCreated[0]!;
    window.minimized = true;
    state.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });
});

describe('application menu', () => {
  it('a packaged build has no role that reloads or opens devtools', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const found = roles(applicationMenuTemplate({ packaged: true, platform }));
      for (const role of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu']) expect(found, platform).not.toContain(role);
      expect(found).toContain('editMenu');
    }
  });

  it('the running packaged app installs that menu', async () => {
    const { state } = await bootMain({ packaged: true });
    const menu = state.applicationMenus.at(-1) as { template: unknown };
    expect(roles(menu.template)).not.toContain('toggleDevTools');
  });

  it('a development build keeps devtools in a Developer menu', () => {
    expect(roles(applicationMenuTemplate({ packaged: false, platform: 'linux' }))).toContain('toggleDevTools');
  });
});

describe('startup failure', () => {
  beforeEach(() => {
    resetFake();
  });

  it('shows one plain message, no stack trace, and exits 1', async () => {
    const failure = new Error('ENOENT: something internal at /home/user/secret/path');
    failure.stack = 'Error: internal\n    at startApp (/src/electron/services/app.ts:42:7)';
    const { state } = await bootMain({ startApp: () => Promise.reject(failure) });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    expect(state.errorBoxes).toHaveLength(1);
    const [box] = state.errorBoxes;
    expect(box!.title).toBe(STARTUP_FAILURE_TITLE);
    expect(box!.content).not.toMatch(/\n\s+at |\.ts:\d+|ENOENT|\/home\/user/);
    expect(box!.content.split('\n')).toHaveLength(1);
    expect(state.windowsCreated).toHaveLength(0);
  });

  it('a missing renderer says the application files are missing, and closes the services', async () => {
    const { state, services } = await bootMain({ loadURLFailure: new Error('ERR_FILE_NOT_FOUND (-6) loading app://clets/index.html') });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    expect(state.errorBoxes[0]!.content).toMatch(/application files are missing or damaged/);
    expect(services.close).toHaveBeenCalledTimes(1);
  });

  it('no OS keychain: the dialog says why in the service\'s words, no stack, and the app exits', async () => {
    const reason =
      'No working OS keychain was found, so the app will not start: the database password and keys are kept only in the OS keychain, never in a file. ' +
      'On Linux a Secret Service (GNOME Keyring or KWallet) must be running and unlocked in the desktop session (DBUS_SESSION_BUS_ADDRESS).';
    const failure = new AppError('KEYCHAIN_UNAVAILABLE', reason);
    failure.stack = `AppError: ${reason}\n    at openKeychain (/src/electron/services/secrets/keychain.ts:63:10)`;
    const { state } = await bootMain({ startApp: () => Promise.reject(failure) });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    expect(state.errorBoxes).toEqual([{ title: STARTUP_FAILURE_TITLE, content: reason }]);
    expect(state.errorBoxes[0]!.content).not.toMatch(/\n|\s+at\s|\.ts:\d+/);
    expect(state.windowsCreated).toHaveLength(0);
    expect(state.powerMonitor.listenerCount('lock-screen')).toBe(0);
  });

  it('a keychain message carrying a cause\'s require stack shows only the reason, on one line', async () => {
    const failure = new AppError(
      'KEYCHAIN_UNAVAILABLE',
      'The keychain module (keytar) could not be loaded, so secrets cannot be kept in the OS keychain and the app will not start. ' +
        "Cause: Cannot find module '../build/Release/keytar.node'\nRequire stack:\n- /opt/clets/node_modules/keytar/lib/keytar.js\n- /opt/clets/dist/electron/main.cjs",
    );
    const { state } = await bootMain({ startApp: () => Promise.reject(failure) });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    const content = state.errorBoxes[0]!.content;
    expect(content).toMatch(/^The keychain module \(keytar\) could not be loaded.*Cause: Cannot find module/);
    expect(content).not.toMatch(/Require stack|\/opt\/clets|\n/);
  });

  it('damaged settings reported as fatal by startApp: the same plain dialog, and exit', async () => {
    const failure = new AppError('SETTINGS_CORRUPT', 'The workstation settings file /data/clets/workstation-settings.json is damaged (it is not valid JSON).');
    const { state } = await bootMain({ startApp: () => Promise.reject(failure) });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    expect(state.errorBoxes).toEqual([{ title: STARTUP_FAILURE_TITLE, content: failure.message }]);
  });

  it('damaged settings the services started anyway on (problem()): a warning over the window, no quit', async () => {
    const message =
      'The workstation settings file /data/clets/workstation-settings.json is damaged (it is not valid JSON). CLETS Workstation is running on the safe defaults.';
    const { state } = await bootMain({ settingsProblem: { code: 'SETTINGS_CORRUPT', message } });
    expect(state.messageBoxes).toHaveLength(1);
    expect(state.messageBoxes[0]!.window).toBe(state.windowsCreated[0]);
    expect(state.messageBoxes[0]!.options).toMatchObject({ type: 'warning', title: SETTINGS_PROBLEM_TITLE, detail: message });
    expect(state.errorBoxes).toEqual([]);
    expect(state.app.exitCodes).toEqual([]);
    expect(state.windowsCreated[0]!.contentProtection).toBe(true);
  });

  it('no settings problem: no warning', async () => {
    const { state } = await bootMain();
    expect(state.messageBoxes).toEqual([]);
  });

  it('plain messages for the failures an operator can act on', () => {
    expect(startupFailureMessage(new AppError('PKI', 'The training certificates could not be created.'))).toBe('The training certificates could not be created.');
    expect(startupFailureMessage(Object.assign(new Error('x'), { code: 'EACCES' }))).toMatch(/cannot write to its data folder/);
    expect(startupFailureMessage(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toMatch(/disk is full/);
    expect(startupFailureMessage('a string')).toMatch(/Something went wrong while starting/);
    expect(startupFailureMessage(new AppError('X', '\n    at somewhere (/x.ts:1:1)'))).toMatch(/Something went wrong while starting/);
    expect(plainReason('one\n  two\tthree')).toBe('one two three');
    expect(plainReason('x'.repeat(700))).toHaveLength(600);
  });
});

describe('shutdown', () => {
  beforeEach(() => {
    resetFake();
  });

  it('closing the last window quits', async () => {
    const { state } = await bootMain();
    state.app.emit('window-all-closed');
    expect(state.app.quitCalls).toBe(1);
  });

  it('will-quit waits for the services to close, exactly once, then quits again', async () => {
    const { state, services } = await bootMain();
    const first = new FakeEvent();
    state.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(state.app.quitCalls).toBe(1));
    expect(services.close).toHaveBeenCalledTimes(1);
    expect(state.ipcMain.handlers.size).toBe(0);
    const second = new FakeEvent();
    state.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(services.close).toHaveBeenCalledTimes(1);
  });

  it('the quit waits for close() and then for the clipboard clear it issued to land, once', async () => {
    const { state, services } = await bootMain();
    const clipboard = vi.mocked(startApp).mock.calls[0]![1]!.ports!.clipboard!;
    clipboard.writeText('NAM/DOE,JOHN');
    services.close.mockImplementation(async () => {
      clipboard.clear(); // what the clipboard guard does on close, with the write still in flight
    });
    state.app.emit('will-quit', new FakeEvent());
    state.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(state.app.quitCalls).toBe(1));
    expect(services.close).toHaveBeenCalledTimes(1);
    expect(state.clipboard.pendingWrites).toBe(0);
    expect(state.clipboard.text).toBe('');
  });

  it('the quit unhooks the system lock events and the settings listener', async () => {
    const { state, services } = await bootMain();
    expect(state.powerMonitor.listenerCount('lock-screen')).toBe(1);
    expect(state.powerMonitor.listenerCount('suspend')).toBe(1);
    expect(services.settings.listenerCount()).toBe(1);
    state.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(state.app.quitCalls).toBe(1));
    expect(state.powerMonitor.listenerCount('lock-screen')).toBe(0);
    expect(state.powerMonitor.listenerCount('suspend')).toBe(0);
    expect(services.settings.listenerCount()).toBe(0);
    state.powerMonitor.emit('lock-screen');
    expect(services.session.lock).not.toHaveBeenCalled();
  });

  it('a service that never closes does not hold the quit forever', async () => {
    const state = resetFake();
    const close = vi.fn(() => new Promise<void>(() => {}));
    const { session, settings } = fakeServices();
    vi.mocked(startApp).mockReset().mockResolvedValue({ router: { dispatch: vi.fn() }, events: { subscribe: () => () => {} }, session, settings, close } as never);
    runMainProcess({ mainDir: '/x', env: {}, logger: silentLogger, handleSignals: false, closeTimeoutMs: 20 });
    state.app.becomeReady();
    await vi.waitFor(() => expect(state.windowsCreated).toHaveLength(1));
    state.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(state.app.quitCalls).toBe(1));
  });
});
