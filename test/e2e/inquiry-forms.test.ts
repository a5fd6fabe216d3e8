// The inquiry workspace in Chromium on the real services and the training switch (issue #5): every
// form sends its inquiry and shows what the clerk must see, a candidate's record is requested with
// the same need to know, the keyboard alone does the whole flow, a name as a reference is refused in
// the seeds' words, the session's list is gone at the lock and back after the same operator unlocks,
// and a hit confirmation request closes when the YR arrives. One app per file, one page per test.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_HIT_CONFIRMATION_DELAY_MS } from '../../electron/services/app';
import type { ManualClock } from '../../electron/services/clock';
import { NAME_IS_NOT_ENOUGH } from '../../shared/policy/inquiry-policy';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp, type PreviewAppOptions } from '../support/preview-app';
import { badgeAndPin, collectPageProblems, ensureSignedOn, signOff, signOnWithKeyboard, expectFocusOn, expectFocusOnControl, heading, inquiryField, login, returnPanel, screenshot } from './session-pages';

const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();
const REF = '24-000123';
const ACTION = 'warrant service for case 24-001234';

interface FormCase {
  name: string;
  title: string;
  fields: [label: string, value: string][];
  purpose?: boolean;
  reference?: boolean;
  action?: boolean;
  expect: (RegExp | string)[];
}

const FORMS: FormCase[] = [
  { name: 'wanted persons: DOE, JOHN 19800115 is a HIT with the caveat', title: 'Wanted persons', fields: [['Name', 'DOE, JOHN'], ['Date of birth', '19800115']], expect: [/HIT — WANTED PERSON/, 'DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION', 'W000000001'] },
  { name: 'stolen vehicle: plate 1TRN001 CA is a HIT', title: 'Stolen vehicle', fields: [['Plate number', '1TRN001'], ['Plate state', 'CA']], expect: [/HIT — STOLEN VEHICLE/, '1TRN001', 'V000000001'] },
  { name: 'DMV registration by plate: 1TRN002 belongs to ROE, JANE A', title: 'DMV registration by plate', fields: [['Plate number', '1TRN002']], reference: true, expect: [/VEHICLE REGISTRATION/, 'ROE, JANE A', '1TRN002', '4T1B11HK8MU000002'] },
  { name: 'DMV registration by VIN: 4T1B11HK8MU000002', title: 'DMV registration by VIN', fields: [['VIN', '4T1B11HK8MU000002']], reference: true, expect: [/VEHICLE REGISTRATION/, 'ROE, JANE A', '1TRN002', '4T1B11HK8MU000002'] },
  { name: 'DMV licence by number: T0000003 is CLEAN, CARL', title: 'DMV driver licence by number', fields: [['Licence number (OLN)', 'T0000003']], reference: true, expect: ['CLEAN, CARL', 'T0000003'] },
  { name: 'DMV licence by name: CLEAN, CARL 19700704', title: 'DMV driver licence by name', fields: [['Name', 'CLEAN, CARL'], ['Date of birth', '19700704']], reference: true, expect: ['CLEAN, CARL', 'T0000003'] },
  { name: 'California history by name: ROE, JANE A returns her rap sheet', title: 'California criminal history by name', fields: [['Name', 'ROE, JANE A'], ['Date of birth', '19850322']], purpose: true, reference: true, expect: ['ROE, JANE', 'T00000002'] },
  { name: 'California history by CII: T00000002 returns the rap sheet with arrests', title: 'California criminal history by CII', fields: [['CII number', 'T00000002']], purpose: true, reference: true, expect: [/CRIMINAL HISTORY/, 'ROE, JANE A', /Arrests \(3\)/i, 'PETTY THEFT'] },
  { name: 'III name search: ROE, JANE A F 19850322 gives candidates', title: 'III name search', fields: [['Name', 'ROE, JANE A'], ['Date of birth', '19850322'], ['Sex', 'F']], purpose: true, reference: true, expect: [/CANDIDATES/, 'ROE, JANE'] },
  { name: 'III record request: FBI 000002TR2', title: 'III record request', fields: [['FBI number', '000002TR2']], purpose: true, reference: true, expect: [/CRIMINAL HISTORY/, 'ROE, JANE A', 'PETTY THEFT'] },
  { name: 'Nlets DQ to CA: licence T0000003', title: 'Out-of-state driver licence (Nlets DQ)', fields: [['Destination states', 'CA'], ['Licence number (OLN)', 'T0000003']], reference: true, action: true, expect: ['CLEAN, CARL'] },
  { name: 'Nlets RQ to NV: plate 1TRN007 2028 PC', title: 'Out-of-state registration (Nlets RQ)', fields: [['Destination states', 'NV'], ['Plate number', '1TRN007'], ['Plate year', '2028'], ['Plate type', 'PC']], reference: true, action: true, expect: ['1TRN007', 'JEEP'] },
  { name: 'Nlets IQ to CA: FBI 000002TR2', title: 'Out-of-state criminal history index (Nlets IQ)', fields: [['Destination states', 'CA'], ['FBI number', '000002TR2']], purpose: true, reference: true, action: true, expect: ['ROE, JANE'] },
  { name: 'Nlets FQ to CA: FBI 000002TR2', title: 'Out-of-state criminal history record (Nlets FQ)', fields: [['Destination states', 'CA'], ['FBI number', '000002TR2']], purpose: true, reference: true, action: true, expect: ['ROE, JANE'] },
];

describe.skipIf(!keyring)('the inquiry workspace in Chromium on the real services and the training switch', () => {
  let app: PreviewApp;
  const pageProblems: string[] = [];
  const pages: Page[] = [];

  async function newPage(operatorId = 'TREC01'): Promise<Page> {
    const page = await app.openPage();
    pages.push(page);
    collectPageProblems(page, pageProblems);
    await ensureSignedOn(page, operatorId);
    await page.getByRole('navigation', { name: 'Inquiry forms' }).waitFor();
    return page;
  }

  async function openForm(page: Page, title: string): Promise<void> {
    await page.getByRole('navigation', { name: 'Inquiry forms' }).getByRole('button', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).click();
    await heading(page, new RegExp(`^${title.replace(/[()]/g, '\\$&')}`)).waitFor();
  }

  async function fillNeedToKnow(page: Page, c: { purpose?: boolean; reference?: boolean; action?: boolean }): Promise<void> {
    if (c.purpose) await inquiryField(page, 'Purpose code').selectOption('C');
    if (c.reference) await inquiryField(page, 'Right-to-know reference').fill(REF);
    if (c.action) await inquiryField(page, 'Agency action this inquiry serves').fill(ACTION);
  }

  async function expectReturn(page: Page, texts: (RegExp | string)[]): Promise<string> {
    const panel = returnPanel(page);
    await panel.waitFor();
    for (const t of texts) await expect.poll(() => panel.innerText(), { timeout: 15_000 }).toMatch(typeof t === 'string' ? new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : t);
    return panel.innerText();
  }

  /** The training switch's clock: the YR of a hit confirmation comes 45 s after the YQ on it. */
  let switchClock: ManualClock | null = null;
  /** The inquiry service's clock: a confirmation is overdue 10 minutes (urgent) after it was sent. */
  let inquiryClock: ManualClock | null = null;

  beforeAll(async () => {
    // manualSwitchClock / manualInquiryClock: preview-app passes a ManualClock to the switch / the inquiry service.
    const options: PreviewAppOptions & { manualSwitchClock?: boolean; manualInquiryClock?: boolean } = { manualSwitchClock: true, manualInquiryClock: true };
    app = await startPreviewApp(chromiumPath!, options);
    const clocks = app as PreviewApp & { switchClock?: ManualClock | null; inquiryClock?: ManualClock | null };
    switchClock = clocks.switchClock ?? null;
    inquiryClock = clocks.inquiryClock ?? null;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  for (const c of FORMS) {
    it(c.name, async () => {
      const page = await newPage();
      await openForm(page, c.title);
      for (const [label, value] of c.fields) await inquiryField(page, label).fill(value);
      await fillNeedToKnow(page, c);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const text = await expectReturn(page, c.expect);
      expect(text).not.toMatch(/No answer to this inquiry/);
      await screenshot(page, `inquiry-${c.title.replace(/\W+/g, '-').toLowerCase()}`);
      await page.close();
    });
  }

  it('requests a candidate’s record with the same reference: SMITH, JOHN → candidates → rap sheet', async () => {
    const page = await newPage();
    await openForm(page, 'California criminal history by name');
    await inquiryField(page, 'Name').fill('SMITH, JOHN');
    await inquiryField(page, 'Sex').fill('M');
    await fillNeedToKnow(page, { purpose: true, reference: true });
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expectReturn(page, [/CANDIDATES/]);
    const listRef = (await returnPanel(page).locator('.inq-return__meta .mono').first().innerText()).trim();
    const request = returnPanel(page).getByRole('button', { name: /^Request record for / }).first();
    const key = /by (FBI|SID|CII) (\S+)$/.exec((await request.getAttribute('aria-label')) ?? '');
    expect(key).not.toBeNull();
    await request.click();
    await expect.poll(async () => (await returnPanel(page).locator('.inq-return__meta .mono').first().innerText()).trim()).not.toBe(listRef);
    const text = await expectReturn(page, ['SMITH, JOHN', key![2]!]);
    // The record request carries the candidate list's need to know: the same reference.
    expect(text).toContain(`reference ${REF}`);
    expect(text).toMatch(key![1] === 'CII' ? /California criminal history by CII/ : /III record request/);
    expect(text).not.toMatch(/No answer to this inquiry/);
    await page.close();
  });

  it('works from the keyboard alone: F8, type, Enter → the return’s heading has the cursor; Esc clears', async () => {
    const page = await newPage();
    await page.keyboard.press('F8');
    await expectFocusOn(page, 'Name (required)');
    await page.keyboard.type('ROE, JANE A');
    // Name → Date of birth → Sex → Race → Purpose code (typing C selects "C — Criminal justice").
    for (const label of ['Date of birth', 'Sex', 'Race', 'Purpose code (required)']) {
      await page.keyboard.press('Tab');
      await expectFocusOnControl(page, label);
    }
    await page.keyboard.type('C');
    await page.keyboard.press('Tab');
    await expectFocusOnControl(page, 'California request purpose');
    await page.keyboard.press('Tab');
    await expectFocusOn(page, 'Right-to-know reference (required)');
    await page.keyboard.type(REF);
    await page.keyboard.press('Enter');
    await expectReturn(page, ['ROE, JANE']);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('inq-return-heading');
    // The function keys still work from the return: F9 opens the CII form, cursor in its field.
    await page.keyboard.press('F9');
    await expectFocusOn(page, 'CII number (required)');
    await page.keyboard.type('T00000002');
    await page.keyboard.press('Escape');
    expect(await inquiryField(page, 'CII number').inputValue()).toBe('');
    await expectFocusOn(page, 'CII number (required)');
    // F5 opens a form, it does not reload the page.
    await page.keyboard.press('F5');
    await expectFocusOn(page, 'VIN (required)');
    await page.close();
  });

  it('refuses a name as the right-to-know reference, in the seeds’ words, and sends nothing', async () => {
    const page = await newPage();
    await openForm(page, 'California criminal history by CII');
    await inquiryField(page, 'CII number').fill('T00000002');
    await inquiryField(page, 'Purpose code').selectOption('C');
    await inquiryField(page, 'Right-to-know reference').fill('Robin Hale');
    const sends = app.dispatched.filter((c) => c === 'inquiry.send').length;
    await page.keyboard.press('Enter');
    const reference = inquiryField(page, 'Right-to-know reference');
    await expect.poll(() => reference.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reference.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').pop()}"]`).innerText();
    expect(message).toContain(NAME_IS_NOT_ENOUGH);
    expect(await page.getByRole('alert').filter({ hasText: 'Not sent' }).innerText()).toContain(NAME_IS_NOT_ENOUGH);
    await expectFocusOn(page, 'Right-to-know reference (required)');
    expect(app.dispatched.filter((c) => c === 'inquiry.send').length).toBe(sends);
    await screenshot(page, 'inquiry-refused-reference');
    await page.close();
  });

  it('shows the main process’s refusal with its code when only it can tell (a requestor not on the roster)', async () => {
    const page = await newPage();
    await openForm(page, 'Wanted persons');
    await inquiryField(page, 'Name').fill('DOE, JOHN');
    await inquiryField(page, 'Date of birth').fill('19800115');
    await inquiryField(page, 'Requestor, when not you (operator ID)').fill('TNOBODY9');
    await page.getByRole('checkbox', { name: 'I verified this employee\'s right to know and need to know' }).check();
    const sends = app.dispatched.filter((c) => c === 'inquiry.send').length;
    await page.keyboard.press('Enter');
    const refusal = page.locator('form.inq-form__form').getByRole('alert').filter({ hasText: 'TNOBODY9' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/not on this agency's roster.*\(REQUESTOR_UNKNOWN\)$/s);
    expect(app.dispatched.filter((c) => c === 'inquiry.send').length).toBe(sends + 1);
    expect(await returnPanel(page).count()).toBe(0);
    await page.close();
  });

  it('clears the session’s inquiries at the lock (Ctrl+L) and fetches them again after the badge and PIN', async () => {
    const page = await newPage();
    const list = page.getByRole('region', { name: 'This session’s inquiries' });
    await list.getByRole('button', { name: /CLEAN, CARL|T0000003/ }).first().waitFor();
    await page.keyboard.press('Control+L');
    await heading(page, 'Workstation locked').waitFor();
    const dom = await page.evaluate(() => document.documentElement.outerHTML);
    for (const text of ['CLEAN, CARL', 'ROE, JANE', 'T0000003', '1TRN001']) expect(dom, text).not.toContain(text);
    await badgeAndPin(page, login('TREC01'));
    await list.getByRole('button', { name: /CLEAN, CARL|T0000003/ }).first().waitFor();
    // Opening one again shows its return.
    await list.getByRole('button', { name: /1TRN001/ }).first().click();
    await expectReturn(page, ['STOLEN VEHICLE']);
    await page.close();
  });

  async function sendWantedHit(page: Page): Promise<void> {
    await openForm(page, 'Wanted persons');
    await inquiryField(page, 'Name').fill('DOE, JOHN');
    await inquiryField(page, 'Date of birth').fill('19800115');
    await page.keyboard.press('Enter');
    await expectReturn(page, [/HIT — WANTED PERSON/]);
  }

  /** Confirm hit → urgent (the default) → Enter; the request's item in the Hit confirmations panel. */
  async function confirmFirstHit(page: Page) {
    await returnPanel(page).getByRole('button', { name: /^Confirm hit/ }).first().click();
    await expectFocusOn(page, 'Urgent (10 minutes)');
    const items = page.getByRole('list', { name: 'Hit confirmation requests' }).getByRole('listitem');
    const before = await items.count();
    await page.keyboard.press('Enter');
    await expect.poll(() => items.count()).toBe(before + 1);
    // Newest first.
    return items.first();
  }

  it('sends a hit confirmation request from a hit; it waits with its countdown and closes when the YR arrives', async () => {
    if (switchClock === null) throw new Error('startPreviewApp has no manualSwitchClock option yet: the YR (45 s later on the switch clock) cannot be advanced');
    const page = await newPage();
    await sendWantedHit(page);
    const item = await confirmFirstHit(page);
    expect(await item.textContent()).toMatch(/^DOE, JOHN.*Waiting for the answer\d{1,2}:[0-5]\d left.*Urgent: answer within 10 minutes · request 1$/);
    switchClock.advance(TRAINING_HIT_CONFIRMATION_DELAY_MS);
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toMatch(/Confirmed/);
    expect(await item.textContent()).not.toMatch(/Not confirmed|OVERDUE| left/);
    expect(await item.textContent()).toMatch(/CON\/Y/);
    await screenshot(page, 'inquiry-hit-confirmed');
    await page.close();
  });

  it('counts a waiting confirmation down live and flags it OVERDUE the moment its time runs out', async () => {
    // A context of its own, its clock under the test's control (a Playwright clock is per context).
    const context = await app.browser.newContext({ viewport: { width: 1366, height: 800 } });
    try {
      await context.clock.install();
      const page = await context.newPage();
      collectPageProblems(page, pageProblems);
      await page.goto(app.host.url);
      await ensureSignedOn(page, 'TREC01');
      await sendWantedHit(page);
      const item = await confirmFirstHit(page);
      const left = async () => {
        const m = /Waiting for the answer(\d{1,2}):([0-5]\d) left/.exec((await item.textContent()) ?? '');
        return m ? Number(m[1]) * 60 + Number(m[2]) : null;
      };
      await expect.poll(left).not.toBeNull();
      const start = (await left())!;
      await page.clock.fastForward('05:00');
      await expect.poll(left).toBeLessThanOrEqual(start - 300);
      expect(await left()).toBeGreaterThan(0);
      await page.clock.fastForward('05:01');
      await expect.poll(() => item.textContent()).toMatch(/OVERDUE(Due now|1 minute past due)/);
      expect(await item.getAttribute('class')).toContain('inq-hc--overdue');
      await page.close();
    } finally {
      await context.close();
    }
  });

  it('flags an unanswered confirmation OVERDUE for the operator, and lists it on the supervisor’s Supervision screen', async () => {
    if (inquiryClock === null) throw new Error('startPreviewApp has no manualInquiryClock option yet: the 10 minutes of an urgent confirmation cannot be advanced');
    const page = await newPage();
    await sendWantedHit(page);
    app.services.trainingSwitch.setFaults({ withholdConfirmations: 1 });
    const item = await confirmFirstHit(page);
    await expect.poll(() => item.textContent()).toMatch(/Waiting for the answer/);
    inquiryClock.advance(10 * 60_000);
    await expect.poll(() => item.textContent(), { timeout: 15_000 }).toMatch(/OVERDUE/);
    expect(await item.getAttribute('class')).toContain('inq-hc--overdue');

    await signOff(page);
    await signOnWithKeyboard(page, 'TSUP01');
    await page.getByRole('button', { name: 'Supervision' }).click();
    await heading(page, 'Supervision: overdue hit confirmations').waitFor();
    const overdue = page.getByRole('list', { name: 'Overdue hit confirmation requests' }).getByRole('listitem').filter({ hasText: 'TREC01' }).filter({ hasText: 'DOE, JOHN' });
    await overdue.first().waitFor();
    expect(await overdue.first().textContent()).toMatch(/OVERDUE/);
    const before = app.dispatched.filter((c) => c === 'supervision.overdueConfirmations').length;
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => app.dispatched.filter((c) => c === 'supervision.overdueConfirmations').length).toBe(before + 1);
    await overdue.first().waitFor();
    await screenshot(page, 'inquiry-supervision');
    // A form's function key from the Supervision screen goes back to the workspace with the form open.
    await page.keyboard.press('Shift+F2');
    await heading(page, /^III name search/).waitFor();
    await expectFocusOn(page, 'Name (required)');
    await signOff(page);
    await page.close();
  });

  it('shows a failed inquiry’s reason plainly when the link drops before the reply', async () => {
    const page = await newPage();
    await openForm(page, 'Stolen vehicle');
    await inquiryField(page, 'Plate number').fill('1TRN002');
    await inquiryField(page, 'Plate state').fill('CA');
    app.services.trainingSwitch.setFaults({ dropMidReply: 1 });
    await page.keyboard.press('Enter');
    const failure = returnPanel(page).getByRole('alert').filter({ hasText: 'No answer to this inquiry.' });
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.innerText()).toMatch(/\([A-Z_]+\)$/);
    const list = page.getByRole('region', { name: 'This session’s inquiries' });
    expect(await list.getByRole('button', { name: /1TRN002/ }).first().innerText()).toMatch(/Failed/);
    await page.close();
  });

  it('shows each role its own forms: no history for a dispatcher, Supervision for a supervisor, nothing for the administrator', async () => {
    const page = await newPage();
    const menu = page.getByRole('navigation', { name: 'Inquiry forms' });
    await signOff(page);
    await signOnWithKeyboard(page, 'TDISP01');
    await menu.getByRole('button', { name: /^Wanted persons/ }).waitFor();
    expect(await menu.getByRole('button').count()).toBe(8);
    expect(await menu.getByRole('button', { name: /criminal history|III/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Supervision' }).count()).toBe(0);
    // A form this role does not have: its key does nothing (and F8 reloads nothing).
    await page.keyboard.press('F8');
    expect(await heading(page, /California criminal history/).count()).toBe(0);

    await signOff(page);
    await signOnWithKeyboard(page, 'TSUP01');
    await menu.getByRole('button', { name: /^III name search/ }).waitFor();
    await page.getByRole('button', { name: 'Supervision' }).click();
    await heading(page, 'Supervision: overdue hit confirmations').waitFor();

    await signOff(page);
    const policies = app.dispatched.filter((c) => c === 'inquiry.policy').length;
    await signOnWithKeyboard(page, 'TADMIN01');
    await heading(page, 'Workspace').waitFor();
    await page.getByText('This account makes no inquiries.', { exact: false }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Inquiry forms' }).count()).toBe(0);
    expect(app.dispatched.filter((c) => c === 'inquiry.policy').length).toBe(policies);
    await signOff(page);
    await page.close();
  });

  it('ran without a console error or an uncaught exception (CSP included)', () => {
    expect(pageProblems).toEqual([]);
  });
});
