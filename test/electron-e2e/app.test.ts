// The real desktop app under Playwright's Electron launcher: the window opens on app://clets with the
// TRAINING banner and a connected link, remote loads are refused, the page has no Node, and
// window.clets is the frozen, pinned surface. Needs the Electron runtime and a display (xvfb-run on
// a headless Linux box). Where the runtime is missing these specs are skipped, and say so.
import { PINNED_API_SURFACE } from '../support/api-surface';
import type { ElectronApplication, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, launchApp, reportSkipped, type LaunchedApp } from './launch';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import type { CletsApi } from '../../electron/preload/api';

reportSkipped('electron-e2e specs');

type CletsWindow = { clets: CletsApi };
const APP_URL = 'app://clets/index.html';

describe.skipIf(!electronBinary)('CLETS Workstation in Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let launched: LaunchedApp | undefined;

  beforeAll(async () => {
    launched = await launchApp('clets-electron-e2e-');
    ({ app, page } = launched);
  });

  afterAll(async () => {
    await launched?.close();
  });

  it('opens one window on app://clets with the TRAINING banner and the link connected', async () => {
    expect(page.url()).toBe(APP_URL);
    expect(app!.windows()).toHaveLength(1);
    await page.getByText(/training/i).first().waitFor({ state: 'visible', timeout: 20_000 });
    await expect
      .poll(() => page.evaluate(async () => {
        const result = await (window as unknown as CletsWindow).clets.linkStatus();
        return result.ok ? result.value.state : result.error.code;
      }), { timeout: 30_000 })
      .toBe('connected');
  });

  it('serves the page with the strict CSP header', async () => {
    const header = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-security-policy'), APP_URL);
    expect(header).toBe(CONTENT_SECURITY_POLICY);
  });

  it('has no require, process, module or Buffer in the page', async () => {
    const kinds = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return ['require', 'process', 'module', 'Buffer', 'global'].map((name) => typeof g[name]);
    });
    expect(kinds).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined']);
  });

  it('exposes window.clets frozen, with the pinned surface only', async () => {
    const surface = await page.evaluate(() => {
      const api = (window as unknown as CletsWindow).clets as unknown as Record<string, unknown>;
      return { frozen: Object.isFrozen(api), keys: Object.keys(api).sort(), types: Object.values(api).map((v) => typeof v) };
    });
    expect(surface.frozen).toBe(true);
    expect([...surface.keys].sort()).toEqual([...PINNED_API_SURFACE].sort());
    expect(new Set(surface.types)).toEqual(new Set(['function']));
  });

  it('refuses fetches to http:, https: and file:', async () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:9/', 'file:///etc/passwd']) {
      const outcome = await page.evaluate(async (target) => {
        try {
          await fetch(target);
          return 'loaded';
        } catch {
          return 'refused';
        }
      }, url);
      expect(outcome, url).toBe('refused');
    }
  });

  it('denies window.open', async () => {
    const opened = await page.evaluate(() => window.open('app://clets/index.html') === null);
    expect(opened).toBe(true);
    expect(app!.windows()).toHaveLength(1);
  });

  it('refuses http: and https: navigation, from the page and from the main process', async () => {
    for (const url of ['https://example.org/', 'http://127.0.0.1:9/']) {
      await page.evaluate((target) => {
        window.location.href = target;
      }, url);
      await page.waitForTimeout(500);
      expect(page.url(), url).toBe(APP_URL);
    }
    const loaded = await app!.evaluate(async ({ BrowserWindow }) => {
      try {
        await BrowserWindow.getAllWindows()[0]!.loadURL('https://example.org/');
        return 'loaded';
      } catch {
        return 'refused';
      }
    });
    expect(loaded).toBe('refused');
  });
});
