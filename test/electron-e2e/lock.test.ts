// The privacy lock in the real desktop app (requirements L3, L11): a signed-on operator pressing
// Ctrl+L is locked by the main process, which keeps the key from the page; other keys still reach the
// page; the OS locking the screen and the machine suspending lock too. Needs the Electron runtime, a
// display (xvfb-run on a headless Linux box) and an unlocked OS keychain (scripts/with-keyring.sh on
// Linux): the app refuses to start without one. Where the runtime is missing these specs are skipped,
// and say so.
import type { ElectronApplication, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, launchApp, reportSkipped, type LaunchedApp } from './launch';
import { TRAINING_LOGINS } from '../../electron/services/store/training-roster';
import type { CletsApi } from '../../shared/contract/client';

reportSkipped('electron-e2e lock specs');

type CletsWindow = { clets: CletsApi; __keysSeen?: string[] };
const records = TRAINING_LOGINS.find((login) => login.role === 'records')!;

describe.skipIf(!electronBinary)('the privacy lock in Electron', () => {
  let app: ElectronApplication | undefined;
  let page: Page;
  let launched: LaunchedApp | undefined;

  const sessionState = () =>
    page.evaluate(async () => {
      const result = await (window as unknown as CletsWindow).clets.sessionState();
      return result.ok ? result.value : { phase: `error:${result.error.code}` };
    });

  const lockedReason = async () => {
    const state = await sessionState();
    return state.phase === 'locked' && 'reason' in state ? state.reason : state.phase;
  };

  /** Acknowledges the notice if shown, then password, then badge and PIN: an active session. */
  async function signOn(): Promise<void> {
    const phase = await page.evaluate(async (login) => {
      const api = (window as unknown as CletsWindow).clets;
      const first = await api.sessionState();
      if (!first.ok) return `error:${first.error.code}`;
      if (first.value.phase === 'notice') {
        const ack = await api.acknowledgeNotice({ noticeVersion: first.value.notice.version });
        if (!ack.ok) return `error:${ack.error.code}`;
      }
      const password = await api.submitPassword({ operatorId: login.operatorId, password: login.password });
      if (!password.ok) return `error:${password.error.code}`;
      const badge = await api.submitBadge({ badge: login.badge, pin: login.pin });
      return badge.ok ? badge.value.phase : `error:${badge.error.code}`;
    }, records);
    expect(phase).toBe('active');
  }

  async function unlock(): Promise<void> {
    const phase = await page.evaluate(async (login) => {
      const result = await (window as unknown as CletsWindow).clets.unlock({ badge: login.badge, pin: login.pin });
      return result.ok ? result.value.phase : `error:${result.error.code}`;
    }, records);
    expect(phase).toBe('active');
  }

  beforeAll(async () => {
    launched = await launchApp('clets-electron-e2e-lock-');
    ({ app, page } = launched);
    await signOn();
  });

  afterAll(async () => {
    await launched?.close();
  });

  it('Ctrl+L locks with reason "shortcut", and the page never sees the L keydown', async () => {
    await page.evaluate(() => {
      const w = window as unknown as CletsWindow;
      w.__keysSeen = [];
      window.addEventListener('keydown', (event) => w.__keysSeen!.push(event.key.toLowerCase()), { capture: true });
    });
    await page.keyboard.press('Control+L');
    await expect.poll(lockedReason, { timeout: 10_000 }).toBe('shortcut');
    const state = await sessionState();
    expect(state).toMatchObject({ phase: 'locked', operatorId: records.operatorId, reason: 'shortcut' });
    const seen = await page.evaluate(() => (window as unknown as CletsWindow).__keysSeen ?? []);
    expect(seen).not.toContain('l');
    await unlock();
  });

  it('other keys still reach the page and lock nothing', async () => {
    await page.evaluate(() => {
      (window as unknown as CletsWindow).__keysSeen = [];
    });
    await page.keyboard.press('Control+K');
    await page.keyboard.press('KeyA');
    const seen = await page.evaluate(() => (window as unknown as CletsWindow).__keysSeen ?? []);
    expect(seen).toEqual(expect.arrayContaining(['k', 'a']));
    expect((await sessionState()).phase).toBe('active');
  });

  it('the OS locking the screen locks with reason "os-lock"', async () => {
    await app!.evaluate(({ powerMonitor }) => {
      powerMonitor.emit('lock-screen');
    });
    await expect.poll(lockedReason, { timeout: 10_000 }).toBe('os-lock');
    await unlock();
  });

  it('the machine suspending locks with reason "suspend"', async () => {
    await app!.evaluate(({ powerMonitor }) => {
      powerMonitor.emit('suspend');
    });
    await expect.poll(lockedReason, { timeout: 10_000 }).toBe('suspend');
    await unlock();
  });

  it('the window is kept out of screen captures (no exemption on a fresh workstation)', async () => {
    // isContentProtected() reads back on Windows and macOS only; Linux has no capture protection to read.
    const protectedNow = await app!.evaluate(({ BrowserWindow }) =>
      process.platform === 'linux' ? null : BrowserWindow.getAllWindows()[0]!.isContentProtected(),
    );
    if (protectedNow !== null) expect(protectedNow).toBe(true);
  });
});
