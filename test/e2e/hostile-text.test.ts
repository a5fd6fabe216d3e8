// Issue #5, "Done means": every hostile record in the training data renders as literal text, no script runs
// and no CSP violation is reported. Each of the data set's hostile records (HTML, <script>, <img onerror>,
// javascript: URLs, control characters, CR/LF injection, bidi overrides, zero-width characters, fake
// structure such as "MKE/WANTED PERSON" in a remark, lone surrogates, a 400-character word) is asked for
// through the inquiry workspace in Chromium, by a message key whose reply prints it, and the return on
// screen is checked: the payload is there as visible text, no element came out of it, no dialog opened,
// no console error and no securitypolicyviolation event.
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TITLES, type FormKind } from '../../shared/policy/inquiry-policy';
import { visibleText } from '../../renderer/src/components/returns/text';
import { createDataset, hostileRecords, type HostileRecord } from '../../switch/dataset';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { collectPageProblems, ensureSignedOn, heading, inquiryField, returnPanel } from './session-pages';

const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();

interface Ask {
  kind: FormKind;
  fields: [label: string, value: string][];
  history?: boolean;
  reference?: boolean;
}

/** The form that asks for a hostile record, by the first message key (in this order) whose reply shows it. */
function askFor(r: HostileRecord): Ask | null {
  const q = r.query;
  const by: Record<string, () => Ask | null> = {
    'IW.QW': () => (q.nam && q.dob ? { kind: 'wanted_person', fields: [['Name', q.nam], ['Date of birth', q.dob]] } : null),
    'ID.L1': () => (q.oln ? { kind: 'dmv_licence_oln', fields: [['Licence number (OLN)', q.oln]], reference: true } : null),
    'IH.QR': () => (q.cii ? { kind: 'ca_history_cii', fields: [['CII number', q.cii]], history: true, reference: true } : null),
    'IV.4L': () => (q.lic ? { kind: 'dmv_registration_plate', fields: [['Plate number', q.lic]], reference: true } : null),
    'IV.4V': () => (q.vin ? { kind: 'dmv_registration_vin', fields: [['VIN', q.vin]], reference: true } : null),
    'IA.QV': () => (q.lic && q.lis ? { kind: 'stolen_vehicle', fields: [['Plate number', q.lic], ['Plate state', q.lis]] } : q.vin ? { kind: 'stolen_vehicle', fields: [['VIN', q.vin]] } : null),
    'IN.L1': () => (q.nam && q.dob ? { kind: 'dmv_licence_name', fields: [['Name', q.nam], ['Date of birth', q.dob]], reference: true } : null),
  };
  for (const key of ['IW.QW', 'ID.L1', 'IH.QR', 'IV.4L', 'IV.4V', 'IA.QV', 'IN.L1']) {
    if (!r.shownBy.includes(key)) continue;
    const ask = by[key]?.();
    if (ask) return ask;
  }
  return null;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const refIn = (text: string) => /TRN1-\d{14}-[0-9A-Z]+-[A-Z0-9]{4}/.exec(text)?.[0] ?? null;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim().toUpperCase();

describe.skipIf(!keyring)('hostile text from the training data in Chromium', () => {
  let app: PreviewApp;
  let page: Page;
  const problems: string[] = [];
  const dialogs: string[] = [];
  const records = hostileRecords(createDataset());

  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!);
    page = await app.openPage();
    collectPageProblems(page, problems);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    // Every CSP violation the page reports, whatever the console says.
    await page.addInitScript(() => {
      (window as unknown as { __csp: string[] }).__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.reload();
  }, 180_000);
  afterAll(async () => app?.close());

  it('asks for every hostile record of the data set', () => {
    expect(records.length).toBe(300);
    expect(records.filter((r) => askFor(r) === null).map((r) => `${r.kind} ${r.id} ${r.shownBy.join(',')}`)).toEqual([]);
  });

  it('shows every hostile value as literal text: no element, no script, no dialog, no CSP violation', async () => {
    await ensureSignedOn(page, 'TREC01');
    await page.getByRole('navigation', { name: 'Inquiry forms' }).waitFor();
    let open: FormKind | null = null;
    let n = 0;
    for (const r of records) {
      const ask = askFor(r)!;
      if (open !== ask.kind) {
        const title = esc(FORM_TITLES[ask.kind]);
        await page.getByRole('navigation', { name: 'Inquiry forms' }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
        await heading(page, new RegExp(`^${title}`)).waitFor();
        open = ask.kind;
      }
      for (const [label, value] of ask.fields) await inquiryField(page, label).fill(value);
      if (ask.history) await inquiryField(page, 'Purpose code').selectOption('C');
      if (ask.reference) await inquiryField(page, 'Right-to-know reference').fill('24-000123');
      const panel = returnPanel(page);
      const before = n === 0 ? null : refIn(await panel.innerText());
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      n += 1;
      // This inquiry's return is on screen when the panel names a new message reference.
      const want = flat(visibleText(r.payload));
      await expect
        .poll(
          async () => {
            const text = await panel.innerText();
            return refIn(text) !== before && flat(text).includes(want);
          },
          { timeout: 10_000, message: `${r.kind} ${r.id} ${r.field}: ${JSON.stringify(r.payload).slice(0, 80)}` },
        )
        .toBe(true);
      // Nothing in the return came from the data as markup.
      const injected = await panel.evaluate((el) => el.querySelectorAll('script, img, iframe, object, embed, svg, math, a, b, i, u, style, link, meta, form[action], [onerror], [onload], [onclick], [href^="javascript"], [src]').length);
      expect(injected, `${r.kind} ${r.id}`).toBe(0);
    }
    expect(n).toBe(records.length);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
  }, 600_000);
});
