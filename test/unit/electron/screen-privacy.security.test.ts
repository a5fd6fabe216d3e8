// Screen privacy: the window is kept out of screen captures unless an audited accessibility
// exemption is passed explicitly; the app itself never passes one today.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../electron/main/window';
import { FakeBrowserWindow, resetFake } from './fake-electron';
import { bootMain } from './harness';

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
