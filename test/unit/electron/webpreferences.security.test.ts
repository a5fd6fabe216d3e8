// Checklist items 2, 3, 4, 6, 8, 9, 10 (and 11/12's webviewTag): every window the app creates has
// Node off, context isolation and the sandbox on, web security on, no insecure content, no
// experimental or Blink features, no <webview>, and devtools only in development.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, secureWebPreferences } from '../../../electron/main/window';
import { FakeBrowserWindow, resetFake } from './fake-electron';
import { bootMain, MAIN_DIR } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

function expectHardened(prefs: Record<string, unknown>): void {
  expect(prefs.nodeIntegration).toBe(false); // item 2
  expect(prefs.nodeIntegrationInWorker).toBe(false);
  expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  expect(prefs.contextIsolation).toBe(true); // item 3
  expect(prefs.sandbox).toBe(true); // item 4
  expect(prefs.webSecurity).toBe(true); // item 6
  expect(prefs.allowRunningInsecureContent).toBe(false); // item 8
  expect(prefs.experimentalFeatures).toBe(false); // item 9
  expect(prefs).not.toHaveProperty('enableBlinkFeatures'); // item 10
  expect(prefs.webviewTag).toBe(false); // items 11, 12
  expect(prefs.spellcheck).toBe(false);
  expect(prefs.navigateOnDragDrop).toBe(false);
  expect(prefs.plugins).toBe(false);
  expect(typeof prefs.preload).toBe('string');
}

describe('webPreferences of every window', () => {
  beforeEach(() => {
    resetFake();
  });

  it('the window the app opens at startup is hardened (development build)', async () => {
    const { state } = await bootMain({ packaged: false });
    expect(state.windowsCreated.length).toBeGreaterThan(0);
    for (const window of state.windowsCreated) {
      expectHardened(window.webContents.webPreferences);
      expect(window.webContents.webPreferences.preload).toBe(path.resolve(MAIN_DIR, 'preload.cjs'));
    }
  });

  it('every window of a packaged build is hardened and cannot open devtools', async () => {
    const { state } = await bootMain({ packaged: true });
    expect(state.windowsCreated.length).toBeGreaterThan(0);
    for (const window of state.windowsCreated) {
      expectHardened(window.webContents.webPreferences);
      expect(window.webContents.webPreferences.devTools).toBe(false);
    }
  });

  it('secureWebPreferences is hardened whatever the devtools setting', () => {
    expectHardened(secureWebPreferences({ preloadPath: '/x/preload.cjs', devTools: true }) as Record<string, unknown>);
    expectHardened(secureWebPreferences({ preloadPath: '/x/preload.cjs', devTools: false }) as Record<string, unknown>);
  });

  it('createMainWindow builds its window with those preferences and stays hidden until ready-to-show', () => {
    const window = createMainWindow({ preloadPath: '/x/preload.cjs', devTools: false }) as unknown as FakeBrowserWindow;
    expectHardened(window.webContents.webPreferences);
    expect(window.options.show).toBe(false);
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });

  it('no code in electron/ constructs a BrowserWindow except createMainWindow', () => {
    const root = path.resolve(__dirname, '../../../electron');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && /new\s+BrowserWindow\s*\(/.test(readFileSync(full, 'utf8'))) offenders.push(path.relative(root, full));
      }
    };
    walk(root);
    expect(offenders).toEqual([path.join('main', 'window.ts')]);
  });
});
