// Screen privacy (L11): every window is kept out of screen captures unless the workstation settings
// hold the audited accessibility exemption; the setting is applied when a window is created and again
// to every window whenever the settings change. Anything unreadable keeps protection on.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { captureExemptionNow, captureProtectionFor, followCaptureExemption } from '../../../electron/main/screen-privacy';
import { createMainWindow } from '../../../electron/main/window';
import { createWindowRegistry } from '../../../electron/main/windows';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import { FakeBrowserWindow, resetFake } from './fake-electron';
import { bootMain, fakeSettings, strictSettings, withCaptureExemption } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

describe('content protection', () => {
  beforeEach(() => {
    resetFake();
  });

  it('is on by default', () => {
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false }) as unknown as FakeBrowserWindow;
    expect(window.contentProtection).toBe(true);
  });

  it('is on when the exemption is explicitly false', () => {
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false, accessibilityCaptureExemption: false }) as unknown as FakeBrowserWindow;
    expect(window.contentProtection).toBe(true);
  });

  it('is off only with an explicit accessibility exemption', () => {
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false, accessibilityCaptureExemption: true }) as unknown as FakeBrowserWindow;
    expect(window.contentProtection).toBe(false);
  });

  it('is on for the window the app opens at startup', async () => {
    const { state } = await bootMain();
    expect(state.windowsCreated.length).toBeGreaterThan(0);
    for (const window of state.windowsCreated) expect(window.contentProtection).toBe(true);
  });
});

describe('content protection follows the workstation settings', () => {
  beforeEach(() => {
    resetFake();
  });

  it('the startup window is protected by default (no exemption in the settings)', async () => {
    const { state } = await bootMain({ settings: strictSettings() });
    expect(state.windowsCreated[0]!.contentProtection).toBe(true);
  });

  it('the startup window is unprotected only when the exemption is enabled', async () => {
    const { state } = await bootMain({ settings: withCaptureExemption(true) });
    expect(state.windowsCreated[0]!.contentProtection).toBe(false);
  });

  it('a settings change re-applies protection to the open window, both ways', async () => {
    const { state, services } = await bootMain();
    const window = state.windowsCreated[0]!;
    services.settings.set(withCaptureExemption(true));
    expect(window.contentProtection).toBe(false);
    services.settings.set(withCaptureExemption(false));
    expect(window.contentProtection).toBe(true);
  });

  it('a change to another setting leaves protection on', async () => {
    const { state, services } = await bootMain();
    services.settings.set({ ...strictSettings(), idleTimeoutMinutes: 5 });
    expect(state.windowsCreated[0]!.contentProtection).toBe(true);
  });

  it('every window of ours is updated, and closed ones are skipped', () => {
    const registry = createWindowRegistry();
    const windows = [1, 2, 3].map(() => createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false }));
    for (const window of windows) registry.track(window);
    const settings = fakeSettings();
    followCaptureExemption(registry, settings);
    (windows[2] as unknown as FakeBrowserWindow).close();

    settings.set(withCaptureExemption(true));
    expect(windows.slice(0, 2).map((w) => (w as unknown as FakeBrowserWindow).contentProtection)).toEqual([false, false]);
    settings.set(withCaptureExemption(false));
    expect(windows.slice(0, 2).map((w) => (w as unknown as FakeBrowserWindow).contentProtection)).toEqual([true, true]);
  });

  it('reads the settings back from the service rather than trusting the listener argument', () => {
    const registry = createWindowRegistry();
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false, accessibilityCaptureExemption: true });
    registry.track(window);
    let listener: ((settings: WorkstationSettings) => void) | undefined;
    followCaptureExemption(registry, {
      current: () => strictSettings(),
      onChange: (l) => {
        listener = l;
        return () => {};
      },
    });
    listener!({ garbage: true } as unknown as WorkstationSettings);
    expect((window as unknown as FakeBrowserWindow).contentProtection).toBe(true);
  });

  it('unreadable or malformed settings keep protection on', () => {
    expect(captureProtectionFor(undefined)).toBe(true);
    expect(captureProtectionFor({} as WorkstationSettings)).toBe(true);
    expect(captureProtectionFor({ accessibilityCaptureExemption: { enabled: 'yes' } } as unknown as WorkstationSettings)).toBe(true);
    expect(captureProtectionFor(withCaptureExemption(true))).toBe(false);
    const throwing = { current: () => { throw new Error('settings service down'); }, onChange: () => () => {} };
    expect(captureExemptionNow(throwing)).toBe(false);
  });
});
