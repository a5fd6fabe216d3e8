// The whole app for the UI end-to-end tests: the real services (store, keychain, training roster and
// switch, session) started by startApp in a throwaway data folder, the preview host serving a fresh
// renderer build, and Debian's Chromium. The session runs on a ManualClock when the test asks for one,
// so idle time is advanced, never waited for; the clipboard is the in-memory one, readable by the test.
// Needs a real keychain: run inside scripts/with-keyring.sh (npm test does).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright';
import { buildBridge, buildRenderer } from '../../electron/preview/build';
import { startPreviewHost, type PreviewHost } from '../../electron/preview/host';
import { startApp, type AppServices } from '../../electron/services/app';
import { ManualClock } from '../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../electron/services/config';
import type { Router } from '../../electron/services/ipc/router';
import { silentLogger, type Logger } from '../../electron/services/log';
import { memoryClipboard } from '../../electron/services/platform';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { launchChromium } from './chromium';

export interface PreviewAppOptions {
  /** Run the session on a ManualClock (idle lock, re-authentication, lockout windows). */
  manualClock?: boolean;
  /** The preview host's logger (its debug log says why it refused a request). */
  hostLogger?: Logger;
  /** Chromium's time zone, so times on screen are predictable. */
  timezoneId?: string;
  /** A keychain other than the OS one (the benchmarks, which run outside the keyring wrapper). */
  keychain?: SecretStore;
  /** Run the training switch on its own ManualClock: the delayed YR of a hit confirmation is advanced, never waited for. */
  manualSwitchClock?: boolean;
  /** Run the inquiry service on its own ManualClock from now (hit confirmations fall overdue when advanced). */
  manualInquiryClock?: boolean;
}

export interface PreviewApp {
  readonly services: AppServices;
  readonly host: PreviewHost;
  readonly browser: Browser;
  readonly context: BrowserContext;
  /** The session's clock, when manualClock was asked for. */
  readonly clock: ManualClock | null;
  /** The training switch's clock, when manualSwitchClock was asked for. */
  readonly switchClock: ManualClock | null;
  /** The inquiry service's clock, when manualInquiryClock was asked for. */
  readonly inquiryClock: ManualClock | null;
  /** What the guarded clipboard holds now. */
  clipboardText(): string;
  /** Every channel that reached the router through the preview host, in order. */
  readonly dispatched: string[];
  /** A new page on the app's URL, loaded. */
  openPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startPreviewApp(chromiumPath: string, options: PreviewAppOptions = {}): Promise<PreviewApp> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'clets-e2e-'));
  const parts: { services?: AppServices; host?: PreviewHost; browser?: Browser } = {};
  const close = async () => {
    await parts.browser?.close();
    await parts.host?.close();
    await parts.services?.close();
    await rm(tmp, { recursive: true, force: true });
  };
  try {
    const rendererDir = path.join(tmp, 'dist', 'renderer');
    const bridgeFile = path.join(tmp, 'dist', 'preview', 'preview-bridge.js');
    await Promise.all([buildRenderer(rendererDir), buildBridge(bridgeFile)]);

    const clock = options.manualClock ? new ManualClock() : null;
    const switchClock = options.manualSwitchClock ? new ManualClock() : null;
    const inquiryClock = options.manualInquiryClock ? new ManualClock(Date.now()) : null;
    const clipboard = memoryClipboard();
    const services = await startApp(
      { dataDir: path.join(tmp, 'data'), mode: 'training', workstation: TRAINING_WORKSTATION, version: '0.0.0-e2e' },
      { logger: silentLogger, ports: { clipboard }, ...(options.keychain ? { keychain: options.keychain } : {}), ...(clock ? { sessionClock: clock } : {}), ...(switchClock ? { switchClock } : {}), ...(inquiryClock ? { inquiryClock } : {}) },
    );
    parts.services = services;

    const dispatched: string[] = [];
    const router: Router = {
      dispatch: (channel, payload, caller) => {
        dispatched.push(String(channel));
        return services.router.dispatch(channel, payload, caller);
      },
    };
    const host = await startPreviewHost({
      services: { router, events: services.events },
      rendererDir,
      bridgeFile,
      host: '127.0.0.1',
      port: 0,
      ...(options.hostLogger ? { logger: options.hostLogger } : {}),
    });
    parts.host = host;

    const browser = await launchChromium(chromiumPath);
    parts.browser = browser;
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });

    return {
      services,
      host,
      browser,
      context,
      clock,
      switchClock,
      inquiryClock,
      dispatched,
      clipboardText: () => clipboard.peek(),
      async openPage() {
        const page = await context.newPage();
        await page.goto(host.url);
        return page;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
