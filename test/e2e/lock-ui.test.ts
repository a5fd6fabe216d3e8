// The privacy lock in Chromium on the real services, the session on a ManualClock: the idle lock
// after the timeout (advanced, never waited for), a lock screen that says why and since when and holds
// no criminal justice information anywhere in the page, unlock by the same operator (data fetched
// again), another operator's badge (nothing of the first session shown), Ctrl+L, the watermark, and
// copying through the guarded clipboard. No sleeps: every wait is on the page.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { activeAs, alertText, badgeAndPin, collectPageProblems, expectFocusOn, heading, login, screenshot, signOff, signOnWithKeyboard } from './session-pages';

const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();
const TZ = 'America/Los_Angeles';
const IDLE_MS = 10 * 60_000;
/** Synthetic, but shaped like what must never outlive the lock. */
const HIT = '$.A TRAINING HIT: WANTED PERSON DOE, JOHN QUINCY DOB 1980-01-01 WARRANT 24-00017';
const HIT_NAME = 'DOE, JOHN QUINCY';

function localTime(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: TZ }).format(ms);
}

/** The page's visible text and its whole DOM (attributes, hidden nodes): neither may hold the text. */
async function pageHolds(page: Page, text: string): Promise<{ visible: boolean; dom: boolean }> {
  return page.evaluate((t) => ({ visible: document.body.innerText.includes(t), dom: document.documentElement.outerHTML.includes(t) }), text);
}

describe.skipIf(!keyring)('the privacy lock in Chromium on the real services', () => {
  let app: PreviewApp;
  let page: Page;
  const messages = () => page.getByRole('log', { name: 'Switch messages' });

  const pageProblems: string[] = [];

  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!, { manualClock: true, timezoneId: TZ });
    page = await app.openPage();
    collectPageProblems(page, pageProblems);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('signs on from the keyboard alone', async () => {
    await signOnWithKeyboard(page, 'TDISP01');
  });

  it('shows a switch message as text, watermarked with operator, workstation and time', async () => {
    const hostile = '$.A ALL TERMINALS: TRAINING BROADCAST <b>NOT BOLD</b> & <script>window.__x=1</script>';
    app.services.trainingSwitch.sendUnsolicited(hostile);
    app.services.trainingSwitch.sendUnsolicited(HIT);
    const item = messages().getByRole('listitem').filter({ hasText: HIT_NAME });
    await item.waitFor();
    const broadcast = messages().getByRole('listitem').filter({ hasText: 'TRAINING BROADCAST' });
    expect(await broadcast.locator('pre').textContent()).toBe(hostile);
    expect(await broadcast.locator('b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__x)).toBeUndefined();

    const panel = page.locator('[data-cji="true"]').filter({ has: messages() });
    const overlay = panel.locator('.watermark__overlay');
    expect(await overlay.getAttribute('aria-hidden')).toBe('true');
    expect(await overlay.evaluate((el) => [getComputedStyle(el).pointerEvents, getComputedStyle(el).userSelect])).toEqual(['none', 'none']);
    const tile = await overlay.locator('.watermark__tile').first().innerText();
    expect(tile).toMatch(/^TDISP01 · WS-TRAIN-01 · \d{1,2} \w{3} \d{4} \d\d:\d\d$/);
    expect(await overlay.locator('.watermark__tile').first().isVisible()).toBe(true);
    // The watermark never takes a click: the message under it still gets it.
    await item.locator('pre').click();
    await screenshot(page, 'active');
  });

  it('copies out of a CJI view only through the guarded clipboard', async () => {
    const before = app.dispatched.filter((c) => c === 'clipboard.copy').length;
    await messages().getByRole('listitem').filter({ hasText: HIT_NAME }).locator('pre').selectText();
    await page.keyboard.press('Control+C');
    await page.getByRole('status').filter({ hasText: /^Copied\. The clipboard will be cleared at \d\d:\d\d:\d\d\.$/ }).waitFor();
    expect(app.dispatched.filter((c) => c === 'clipboard.copy').length).toBe(before + 1);
    expect(app.clipboardText()).toBe(HIT);
  });

  it('locks after the idle timeout; nothing of the session is left in the page; the lock screen says why and since when', async () => {
    const lockedAt = app.clock!.now() + IDLE_MS;
    app.clock!.advance(IDLE_MS);
    await heading(page, 'Workstation locked').waitFor();
    expect(await page.getByText('Locked because there was no keyboard or mouse activity for 10 minutes.').count()).toBe(1);
    const since = page.locator('time').filter({ hasText: localTime(lockedAt) });
    expect(await since.count()).toBe(1);
    expect(await since.getAttribute('datetime')).toBe(new Date(lockedAt).toISOString());
    expect(await page.locator('.lock__since').innerText()).toMatch(/\(local time\)/);

    for (const text of [HIT_NAME, 'WARRANT 24-00017', 'TRAINING BROADCAST', login('TDISP01').name]) {
      expect(await pageHolds(page, text), text).toEqual({ visible: false, dom: false });
    }
    expect(await page.locator('[data-cji]').count()).toBe(0);
    expect(await page.getByRole('complementary', { name: 'Switch messages' }).count()).toBe(0);
    // The operator ID is the only thing about the operator on screen.
    expect(await page.locator('.lock__operator').innerText()).toMatch(/TDISP01/);
    // The main process cleared the guarded clipboard at the lock.
    expect(app.clipboardText()).toBe('');
    await expectFocusOn(page, 'Badge');
    await screenshot(page, 'lock');
  });

  it('refuses a wrong PIN at the lock screen and puts the cursor back on the PIN', async () => {
    const dana = login('TDISP01');
    await page.keyboard.type(dana.badge);
    await page.keyboard.press('Enter');
    await page.keyboard.type('111111');
    await page.keyboard.press('Enter');
    await alertText(page).filter({ hasText: 'Badge or PIN is not correct.' }).waitFor();
    await expectFocusOn(page, 'PIN');
  });

  it('unlocks for the same operator from the keyboard alone; the session’s messages come back from the main process, new ones arrive', async () => {
    const dana = login('TDISP01');
    await page.keyboard.press('Escape');
    await badgeAndPin(page, dana);
    await activeAs(page, dana);
    // Nothing survived in the renderer during the lock (asserted above); the main process hands the
    // session's messages back after the unlock (link.messages).
    await messages().getByRole('listitem').filter({ hasText: HIT_NAME }).waitFor();
    app.services.trainingSwitch.sendUnsolicited('$.A TRAINING: AFTER UNLOCK');
    await messages().getByRole('listitem').filter({ hasText: 'AFTER UNLOCK' }).waitFor();
  });

  it('locks at once with Ctrl+L', async () => {
    await page.keyboard.press('Control+L');
    await heading(page, 'Workstation locked').waitFor();
    expect(await page.getByText('Locked with the Ctrl+L shortcut.').count()).toBe(1);
    expect(await pageHolds(page, 'AFTER UNLOCK')).toEqual({ visible: false, dom: false });
  });

  it('lets another operator’s badge unlock into their own session, showing nothing of the first', async () => {
    const robin = login('TREC01');
    await badgeAndPin(page, robin);
    await activeAs(page, robin);
    for (const text of ['TDISP01', login('TDISP01').name, 'AFTER UNLOCK', HIT_NAME]) {
      expect(await pageHolds(page, text), text).toEqual({ visible: false, dom: false });
    }
    expect(await messages().getByRole('listitem').count()).toBe(0);
  });

  it('fetches the roster again when the CRSO unlocks, and holds none of it while locked', async () => {
    await signOff(page);
    await signOnWithKeyboard(page, 'TCRSO01');
    await page.getByRole('button', { name: 'Operators' }).click();
    const robinRow = page.getByRole('rowheader', { name: 'TREC01' });
    await robinRow.waitFor();
    const lists = () => app.dispatched.filter((c) => c === 'roster.list').length;
    const before = lists();

    await page.getByRole('button', { name: /^Lock/ }).click();
    await heading(page, 'Workstation locked').waitFor();
    for (const name of ['Robin Hale (training)', 'Dana Ortiz (training)', 'Alex Moreno (training)']) {
      expect(await pageHolds(page, name), name).toEqual({ visible: false, dom: false });
    }

    await badgeAndPin(page, login('TCRSO01'));
    await robinRow.waitFor();
    expect(lists()).toBe(before + 1);
    expect(await page.getByRole('button', { name: 'Operators', exact: true }).getAttribute('aria-current')).toBe('page');
  });

  it('ran without a console error or an uncaught exception (CSP included)', () => {
    expect(pageProblems).toEqual([]);
  });
});
