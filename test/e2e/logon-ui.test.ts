// Sign-on in Chromium on the real services (store, keychain, training roster, session), through the
// preview host: the system use notification first, the two factors, refusals in the main process's
// words with the cursor back where the next keystroke belongs, the five-failure lockout and its release
// by a CRSO, and the administrator's settings screen. No sleeps: every wait is on the page.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { activeAs, alertText, badgeAndPin, collectPageProblems, expectFocusOn, focusedLabel, heading, login, screenshot, signOff, signOnWithKeyboard, tabbable } from './session-pages';

const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();
const NOTICE_TITLE = 'Restricted system: authorized criminal justice use only';
const WRONG_PASSWORD = 'Operator ID or password is not correct.';

describe.skipIf(!keyring)('sign-on in Chromium on the real services', () => {
  let app: PreviewApp;
  let page: Page;

  const pageProblems: string[] = [];

  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!, { timezoneId: 'America/Los_Angeles' });
    page = await app.openPage();
    collectPageProblems(page, pageProblems);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('shows the system use notification first, and nothing else can be reached until it is acknowledged', async () => {
    await heading(page, NOTICE_TITLE).waitFor();
    const body = await page.locator('body').innerText();
    expect(body).toMatch(/Use of this system may be monitored, recorded and audited/);
    expect(body).toMatch(/Penal Code 502, 11140–11144 and 13301–13304/);
    // The acknowledgement is the one control: focused at once, the only thing Tab can reach.
    await expectFocusOn(page, 'I acknowledge');
    expect(await tabbable(page)).toEqual(['button:I acknowledge']);
    expect(await page.getByLabel('Operator ID').count()).toBe(0);
    expect(await page.getByRole('complementary', { name: 'Switch messages' }).count()).toBe(0);
    await screenshot(page, 'notice');
    // The main process refuses a password before the notice too, not just the screen.
    const l = login('TDISP01');
    const early = await page.evaluate((c) => window.clets.submitPassword(c), { operatorId: l.operatorId, password: l.password });
    expect(early, JSON.stringify(early)).toMatchObject({ ok: false, error: { code: 'NOTICE_REQUIRED' } });

    await page.getByRole('button', { name: 'I acknowledge' }).click();
    await heading(page, 'Operator ID and password').waitFor();
    await expectFocusOn(page, 'Operator ID');
  });

  it('labels the fields "Operator ID" and "Password"; a wrong password is refused in plain words, the cursor back on a cleared Password', async () => {
    const id = page.getByLabel('Operator ID', { exact: true });
    const password = page.getByLabel('Password', { exact: true });
    expect(await password.getAttribute('type')).toBe('password');
    await screenshot(page, 'logon');
    await id.fill('TSUP01');
    await password.fill('not-the-password');
    await password.press('Enter');
    await alertText(page).filter({ hasText: WRONG_PASSWORD }).waitFor();
    await expectFocusOn(page, 'Password');
    expect(await password.inputValue()).toBe('');
    expect(await id.inputValue()).toBe('TSUP01');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
  });

  it('clears the step with Esc and starts it again from the Operator ID', async () => {
    await page.getByLabel('Password', { exact: true }).fill('half-typed');
    await page.keyboard.press('Escape');
    await expectFocusOn(page, 'Operator ID');
    expect(await page.getByLabel('Operator ID', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await alertText(page).count()).toBe(0);
  });

  it('points at the field to fix before sending anything', async () => {
    const before = app.dispatched.length;
    await page.keyboard.press('Enter');
    await alertText(page).filter({ hasText: 'Enter your operator ID.' }).waitFor();
    await expectFocusOn(page, 'Operator ID');
    expect(app.dispatched.slice(before)).toEqual([]);
  });

  it('locks an account after five wrong passwords; a CRSO signs on in the same window and releases it; then the operator signs on', async () => {
    const dana = login('TDISP01');
    const id = page.getByLabel('Operator ID', { exact: true });
    const password = page.getByLabel('Password', { exact: true });
    for (let attempt = 1; attempt <= 5; attempt++) {
      await id.fill(dana.operatorId);
      await password.fill(`wrong-guess-${attempt}`);
      await password.press('Enter');
      // Each refusal is a new alert; wait until this one's cleared password shows it was handled.
      await expect.poll(() => password.inputValue()).toBe('');
      await alertText(page).filter({ hasText: WRONG_PASSWORD }).waitFor();
    }
    // The right password now: the account is locked, and the main process says so in plain words.
    await id.fill(dana.operatorId);
    await password.fill(dana.password);
    await password.press('Enter');
    const locked = alertText(page).filter({ hasText: 'Your account is locked after too many failed sign-on attempts' });
    await locked.waitFor();
    expect(await locked.innerText()).toMatch(/Ask your CRSO or a workstation administrator to release it/);
    // The refusal is about the account: the cursor is on the Operator ID, selected, so the next operator just types.
    await expectFocusOn(page, 'Operator ID');
    expect(await id.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([0, dana.operatorId.length]);
    await screenshot(page, 'logon-locked-account');

    // The CRSO, in the same window.
    const casey = login('TCRSO01');
    await page.keyboard.type(casey.operatorId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(casey.password);
    await page.keyboard.press('Enter');
    await heading(page, 'Badge and PIN').waitFor();
    expect(await page.getByLabel('PIN', { exact: true }).getAttribute('type')).toBe('password');
    expect(await page.getByLabel('PIN', { exact: true }).getAttribute('inputmode')).toBe('numeric');
    await screenshot(page, 'badge');
    await badgeAndPin(page, casey);
    await activeAs(page, casey);
    await screenshot(page, 'active-crso');

    await page.getByRole('button', { name: 'Operators' }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: dana.operatorId }) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Locked/);
    expect(await row.innerText()).toContain(dana.name);
    await row.getByRole('button', { name: `Manage ${dana.operatorId}` }).click();
    await page.getByLabel('Release note').fill('Operator confirmed in person at the records counter.');
    await screenshot(page, 'crso-release');
    await page.getByRole('button', { name: 'Release lock' }).click();
    await page.getByRole('status').filter({ hasText: `Lock released for ${dana.operatorId}` }).waitFor();
    await expect.poll(() => row.innerText()).toMatch(/Active/);

    // Record a certification that has run out: the roster flags it "Lapsed" in words.
    const sam = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'TSUP01' }) });
    await sam.getByRole('button', { name: 'Manage TSUP01' }).click();
    await page.getByLabel('Certified until').fill('2026-01-31');
    await page.getByRole('button', { name: 'Record dates' }).click();
    await page.getByRole('status').filter({ hasText: 'Dates recorded for TSUP01.' }).waitFor();
    await expect.poll(() => sam.innerText()).toMatch(/31 Jan 2026\s*Lapsed/i);

    // Add an operator; a badge already assigned is refused in plain words, with the cursor on Badge.
    await page.getByRole('button', { name: 'Add operator' }).click();
    const form = page.getByRole('form', { name: 'Add operator' });
    await form.getByLabel('Operator ID', { exact: true }).fill('TNEW01');
    await form.getByLabel('Name', { exact: true }).fill('Jordan Reyes (training)');
    await form.getByRole('checkbox', { name: 'Records', exact: true }).check();
    await form.getByLabel('Password', { exact: true }).fill('quartz-meadow-97');
    await form.getByLabel('Badge', { exact: true }).fill(dana.badge);
    await form.getByLabel('PIN', { exact: true }).fill('246813');
    await form.getByLabel('Statement signed on').fill('2026-11-20');
    await form.getByLabel('Certified until').fill('2028-11-20');
    await form.getByRole('button', { name: 'Add operator' }).click();
    await alertText(page).filter({ hasText: 'That badge is already assigned to another operator.' }).waitFor();
    await expectFocusOn(page, 'Badge');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('TRN-B-2001');
    await form.getByLabel('Password', { exact: true }).fill('quartz-meadow-97');
    await form.getByLabel('PIN', { exact: true }).fill('246813');
    await form.getByRole('button', { name: 'Add operator' }).click();
    await page.getByRole('status').filter({ hasText: 'Operator TNEW01 added.' }).waitFor();
    await page.getByRole('rowheader', { name: 'TNEW01' }).waitFor();
    await screenshot(page, 'crso-roster');

    await signOff(page);
    await signOnWithKeyboard(page, dana.operatorId);
    expect(await page.getByRole('button', { name: 'Operators' }).count()).toBe(0);
  });

  it('signs on from the keyboard alone, the badge reader’s Enter moving to the PIN', async () => {
    await signOff(page);
    await signOnWithKeyboard(page, 'TREC01');
    expect(await focusedLabel(page)).not.toBeNull();
  });

  it('puts a wrong PIN back on a cleared PIN field, and offers a way back to the start', async () => {
    await signOff(page);
    const robin = login('TREC01');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Operator ID');
    await page.keyboard.type(robin.operatorId);
    await page.keyboard.press('Tab');
    await page.keyboard.type(robin.password);
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Badge');
    await page.keyboard.type(robin.badge);
    await page.keyboard.press('Enter');
    await page.keyboard.type('000000');
    await page.keyboard.press('Enter');
    await alertText(page).filter({ hasText: 'Badge or PIN is not correct.' }).waitFor();
    await expectFocusOn(page, 'PIN');
    expect(await page.getByLabel('PIN', { exact: true }).inputValue()).toBe('');
    expect(await page.getByLabel('Badge', { exact: true }).inputValue()).toBe(robin.badge);
    await page.getByRole('button', { name: 'Not you? Start over' }).click();
    await heading(page, NOTICE_TITLE).waitFor();
  });

  it('gives the administrator the workstation settings, with a clear warning that exemptions are recorded', async () => {
    await page.getByRole('button', { name: 'I acknowledge' }).click();
    const alex = login('TADMIN01');
    await page.getByLabel('Operator ID', { exact: true }).fill(alex.operatorId);
    await page.getByLabel('Password', { exact: true }).fill(alex.password);
    await page.keyboard.press('Enter');
    await badgeAndPin(page, alex);
    await activeAs(page, alex);
    await page.getByRole('button', { name: 'Workstation settings' }).click();
    const minutes = page.getByLabel('Lock after this many minutes without input');
    await minutes.waitFor();
    expect(await minutes.inputValue()).toBe('10');
    expect(await page.getByRole('note').innerText()).toMatch(/Exemptions are recorded/);
    await screenshot(page, 'admin-settings');

    // An exemption without a justification is refused before it is sent, with the cursor on the justification.
    await page.getByRole('checkbox', { name: 'Exempt this workstation from the idle lock' }).check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await alertText(page).filter({ hasText: /Say why this dispatch workstation is exempt/ }).waitFor();
    await expectFocusOn(page, 'Justification for the dispatch exemption');
    await page.getByRole('checkbox', { name: 'Exempt this workstation from the idle lock' }).uncheck();
    await minutes.fill('5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Settings saved for this workstation.' }).waitFor();
    expect(app.services.settings.current().idleTimeoutMinutes).toBe(5);
  });

  it('ran without a console error or an uncaught exception (CSP included)', () => {
    expect(pageProblems).toEqual([]);
  });
});
