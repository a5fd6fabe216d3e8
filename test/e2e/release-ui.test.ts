// CORI release under supervision in Chromium on the real services and the training switch (issue #6):
// a records clerk prepares a release from ROE, JANE A's rap sheet, a supervisor approves it on the
// Releases screen, the clerk releases it and the printed document (Playwright's page.pdf, read back with
// pdftotext) carries the watermark; the denial path; the court-order path; a supervisor's own request
// appears live in the queue and their approval of it is refused; printing anywhere else prints only the
// refusal line; and the main process refuses the release channels to the wrong roles even when the
// renderer is bypassed. One app (one workstation: one session at a time) for the file.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { collectPageProblems, ensureSignedOn, heading, inquiryField, returnPanel, screenshot, signOff } from './session-pages';

const run = promisify(execFile);
const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();
const REF = '24-001234';
const RELEASE_ID = /R\d{4}-\d{6}/;
const REFUSAL_LINE = 'Criminal justice information is printed only through an approved CORI release.';

interface Recipient {
  name: string;
  agency: string;
  ori?: string;
  type: 'District Attorney — charging request' | 'Court' | 'Other criminal justice agency' | 'Other authorized recipient';
}

describe.skipIf(!keyring)('CORI release under supervision in Chromium', () => {
  let app: PreviewApp;
  let tmp: string;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!);
    tmp = await mkdtemp(path.join(os.tmpdir(), 'clets-release-e2e-'));
  }, 150_000);

  afterAll(async () => {
    await app?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** A page signed on as the operator; whoever a failed test left signed on is signed off first. */
  async function signOn(operatorId: string): Promise<Page> {
    const page = await app.openPage();
    collectPageProblems(page, pageProblems);
    const notice = heading(page, 'Restricted system: authorized criminal justice use only');
    const signOffButton = page.getByRole('button', { name: 'Sign off' });
    await notice.or(signOffButton).first().waitFor();
    if ((await signOffButton.isVisible()) && (await page.getByRole('definition').filter({ hasText: operatorId }).count()) === 0) await signOff(page);
    await ensureSignedOn(page, operatorId);
    return page;
  }

  async function done(page: Page): Promise<void> {
    await signOff(page);
    await page.close();
  }

  async function showScreen(page: Page, label: 'Releases' | 'Dissemination log' | 'Workspace'): Promise<void> {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: label, exact: true }).click();
    if (label !== 'Workspace') await heading(page, label).waitFor();
  }

  /** IH.QR for CII T00000002 (ROE, JANE A): her rap sheet, with three arrests. */
  async function runRapSheet(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Inquiry forms' }).getByRole('button', { name: /^California criminal history by CII/ }).click();
    await inquiryField(page, 'CII number').fill('T00000002');
    await inquiryField(page, 'Purpose code').selectOption('C');
    await inquiryField(page, 'Right-to-know reference').fill(REF);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => returnPanel(page).innerText(), { timeout: 15_000 }).toMatch(/ROE, JANE/);
  }

  const form = (page: Page) => page.getByRole('form', { name: 'Prepare a CORI release' });

  async function openPrepareForm(page: Page): Promise<void> {
    await page.getByRole('button', { name: /^Prepare release/ }).click();
    await heading(page, 'Prepare a CORI release').waitFor();
  }

  async function fillRecipient(page: Page, r: Recipient): Promise<void> {
    const f = form(page);
    await f.getByLabel('Recipient name').fill(r.name);
    await f.getByLabel('Recipient agency').fill(r.agency);
    if (r.ori) await f.getByLabel('Recipient ORI (if any)').fill(r.ori);
    await f.getByLabel('Recipient type').selectOption({ label: r.type });
  }

  /** Sends the form and returns the new release's ID from the confirmation. */
  async function requestApproval(page: Page): Promise<string> {
    await form(page).getByRole('button', { name: 'Request approval' }).click();
    const done = heading(page, /^Release R\d{4}-\d{6} requested$/);
    await done.waitFor();
    const id = RELEASE_ID.exec(await done.innerText())?.[0];
    expect(id).toBeDefined();
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    return id!;
  }

  const row = (page: Page, id: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id}`) }) });
  const queueRow = (page: Page, id: string) => page.getByRole('region', { name: 'Pending requests' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id}`) }) });

  async function decide(page: Page, id: string, decision: 'Approve' | 'Deny', reason: string): Promise<void> {
    await queueRow(page, id).getByRole('button', { name: `Decide ${id}` }).click();
    await heading(page, `Decide release ${id}`).waitFor();
    await page.getByLabel('Reason for the decision').fill(reason);
    await page.getByRole('button', { name: `${decision} ${id}` }).click();
  }

  /** The clerk's request, prepared through the form: returns its ID. */
  async function clerkPrepares(fill: (page: Page) => Promise<void>, recipient: Recipient): Promise<string> {
    const page = await signOn('TREC01');
    await runRapSheet(page);
    await openPrepareForm(page);
    await fillRecipient(page, recipient);
    await fill(page);
    const id = await requestApproval(page);
    await showScreen(page, 'Releases');
    await expect.poll(() => row(page, id).innerText()).toContain('Waiting for a supervisor');
    await done(page);
    return id;
  }

  async function supervisorDecides(id: string, decision: 'Approve' | 'Deny', reason: string): Promise<void> {
    const page = await signOn('TSUP01');
    await showScreen(page, 'Releases');
    await expect.poll(() => queueRow(page, id).innerText()).toMatch(/just now|min/);
    await decide(page, id, decision, reason);
    await expect.poll(() => page.getByRole('status').filter({ hasText: id }).first().innerText()).toContain(`Release ${id} ${decision === 'Approve' ? 'approved' : 'denied'}`);
    await screenshot(page, `release-decided-${decision.toLowerCase()}`);
    await done(page);
  }

  async function pdfText(page: Page, name: string): Promise<{ text: string; pages: string[] }> {
    const file = path.join(tmp, `${name}.pdf`);
    await writeFile(file, await page.pdf({ format: 'Letter', printBackground: true }));
    if (process.env.CLETS_SCREENSHOTS) await writeFile(path.join(process.env.CLETS_SCREENSHOTS, `release-${name}.pdf`), await readFile(file));
    const { stdout } = await run('/usr/bin/pdftotext', ['-raw', file, '-']);
    return { text: stdout, pages: stdout.split('\f').filter((p) => p.trim() !== '') };
  }

  it('approval path: DA charging request → supervisor approves → the clerk releases; the printed copy carries the watermark', async () => {
    const id = await clerkPrepares(
      async (page) => {
        const f = form(page);
        // The faster path names the charging case; the determination may be left to it (R4).
        await expect.poll(() => f.innerText()).toMatch(/faster path/);
        await f.getByLabel('Charging case number').fill('24-001234');
        await f.getByLabel('Statute').fill('PC 13300(b)(1)');
        await f.getByLabel('Printed copy').check();
        await screenshot(page, 'release-prepare-da');
      },
      { name: 'Deputy DA Alex Moreno', agency: 'Sacramento County District Attorney', ori: 'CA034013A', type: 'District Attorney — charging request' },
    );
    await supervisorDecides(id, 'Approve', 'Charges requested on 24-001234; the DA is the prosecuting agency.');

    const page = await signOn('TREC01');
    await showScreen(page, 'Releases');
    await expect.poll(() => row(page, id).innerText()).toMatch(/Approved by TSUP01/);
    await row(page, id).getByRole('button', { name: `Release ${id}` }).click();
    const doc = page.locator('.release-print');
    await doc.waitFor();
    const bands = page.locator('[data-watermark="band"]');
    await expect.poll(() => bands.count()).toBe(2);
    const watermark = await bands.first().innerText();
    expect(watermark).toContain(id);
    expect(watermark).toContain('Deputy DA Alex Moreno');
    expect(watermark).toContain('RELEASED BY TREC01');
    expect(watermark).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await doc.innerText()).toMatch(/ROE, JANE/);
    // Ctrl+P prints while the document is on screen.
    expect(await page.evaluate(() => {
      const e = new KeyboardEvent('keydown', { key: 'p', ctrlKey: true, cancelable: true, bubbles: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    })).toBe(false);
    await screenshot(page, 'release-document');

    const printed = await pdfText(page, 'approved');
    const flat = printed.text.replace(/\s+/g, ' ');
    expect(flat).toContain(`CORI RELEASE ${id}`);
    expect(flat).toContain('RELEASED BY TREC01');
    expect(flat).toContain('Deputy DA Alex Moreno');
    expect(flat).toMatch(/ROE, JANE/);
    expect(flat).toContain('Redissemination prohibited');
    // Only the document prints: not the session bar, not the tools, not the refusal line.
    expect(flat).not.toContain('Sign off');
    expect(flat).not.toContain('print it now');
    expect(flat).not.toContain(REFUSAL_LINE);
    // The watermark band is at the top and the bottom of every printed page.
    for (const p of printed.pages) expect(p.replace(/\s+/g, ' ').split(`CORI RELEASE ${id}`).length - 1).toBeGreaterThanOrEqual(2);

    // Released once: the request shows it, and a second release is refused by the main process.
    await page.getByRole('button', { name: 'Close document' }).click();
    await expect.poll(() => row(page, id).innerText()).toMatch(/Released/);
    const again = await page.evaluate((rid) => window.clets.performRelease({ id: rid }), id);
    expect(again).toMatchObject({ ok: false, error: { code: 'RELEASE_ALREADY_RELEASED' } });
    await done(page);

    // The CRSO finds it in the dissemination log, exports the log and records the witnessed destruction.
    const crso = await signOn('TCRSO01');
    await showScreen(crso, 'Dissemination log');
    await crso.getByLabel('Release ID').fill(id);
    await crso.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => row(crso, id).innerText()).toMatch(/TREC01 \/ TSUP01 \/ TREC01/);
    await crso.getByRole('button', { name: 'Export CSV' }).click();
    await expect.poll(() => crso.getByRole('status').filter({ hasText: 'SHA-256' }).first().innerText()).toMatch(/Exported 1 entry to .*dissemination-log-.*\.csv \(SHA-256 [0-9a-f]{64}\)/);
    await row(crso, id).getByRole('button', { name: `Record destruction of ${id}` }).click();
    await crso.getByLabel('Destruction method').selectOption('shredded');
    await crso.getByLabel('Witness (name and agency)').fill('Sgt. Lee, Records Unit');
    await crso.getByRole('button', { name: 'Record destruction', exact: true }).last().click();
    await expect.poll(() => row(crso, id).innerText()).toMatch(/witness Sgt\. Lee, Records Unit/);
    await screenshot(crso, 'release-dissemination-log');
    await done(crso);
  });

  it('denial path: the supervisor denies with a reason; the clerk sees it and cannot release', async () => {
    const id = await clerkPrepares(
      async (page) => {
        const f = form(page);
        await f.getByLabel('Statute').fill('PC 11105(b)(3)');
        await f.getByLabel('Right to know', { exact: true }).fill('Peace officer of a California law enforcement agency (PC 11105(b)(3)).');
        await f.getByLabel('Need to know', { exact: true }).fill('Background for an internal personnel matter.');
        await f.getByLabel('Electronic copy').check();
      },
      { name: 'Det. Sam Park', agency: 'Elk Grove Police Department', ori: 'CA0341100', type: 'Other criminal justice agency' },
    );
    await supervisorDecides(id, 'Deny', 'A personnel matter is not a criminal justice purpose.');

    const page = await signOn('TREC01');
    await showScreen(page, 'Releases');
    const line = row(page, id);
    await expect.poll(() => line.innerText()).toMatch(/Denied by TSUP01: A personnel matter is not a criminal justice purpose\./);
    expect(await line.getByRole('button', { name: `Release ${id}` }).count()).toBe(0);
    const refused = await page.evaluate((rid) => window.clets.performRelease({ id: rid }), id);
    expect(refused).toMatchObject({ ok: false, error: { code: 'RELEASE_NOT_APPROVED' } });
    await done(page);
  });

  it('court-order path: the order replaces the determination but needs its reference; chosen arrests only', async () => {
    const page = await signOn('TREC01');
    await runRapSheet(page);
    await openPrepareForm(page);
    await fillRecipient(page, { name: 'Clerk of Department 12', agency: 'Sacramento Superior Court', type: 'Court' });
    const f = form(page);
    await f.getByLabel('Legal basis', { exact: true }).selectOption('court_order');
    await expect.poll(() => f.getByLabel('Right to know', { exact: true }).count()).toBe(0);
    await expect.poll(() => f.innerText()).toMatch(/replaces the right-to-know and need-to-know determination/);
    await f.getByLabel('Order or process reference').fill('Order of Judge Diaz');
    await f.getByLabel('Chosen arrests only').check();
    await f.getByLabel('Arrest 2').check();
    await f.getByRole('button', { name: 'Request approval' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: /\S/ }).first().innerText()).toContain('RELEASE_ORDER_REFERENCE_REQUIRED');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('release-legalBasisReference');

    // The main process is the authority: the same request sent around the form is refused the same way.
    const ref = (await returnPanel(page).locator('.inq-return__meta .mono').first().innerText()).trim();
    const bypass = await page.evaluate(
      (inquiryRef) =>
        window.clets.prepareRelease({
          inquiryRef,
          recipientName: 'Clerk of Department 12',
          recipientAgency: 'Sacramento Superior Court',
          recipientType: 'court',
          legalBasisType: 'court_order',
          legalBasisReference: 'Order of Judge Diaz',
          scope: { kind: 'whole' },
          method: 'print',
        }),
      ref,
    );
    expect(bypass).toMatchObject({ ok: false, error: { code: 'RELEASE_ORDER_REFERENCE_REQUIRED' } });

    await f.getByLabel('Order or process reference').fill('24CR012345');
    const id = await requestApproval(page);
    await done(page);

    await supervisorDecides(id, 'Approve', 'Court order 24CR012345 on file.');

    const again = await signOn('TREC01');
    await showScreen(again, 'Releases');
    await row(again, id).getByRole('button', { name: `Release ${id}` }).click();
    await again.locator('.release-print').waitFor();
    const text = await again.locator('.release-print').innerText();
    expect(text).toContain('Court order: 24CR012345');
    expect(text).toMatch(/Arrests 2 of 3/);
    expect(text).not.toMatch(/Right to know/);
    const printed = await pdfText(again, 'court-order');
    expect(printed.text.replace(/\s+/g, ' ')).toContain(`CORI RELEASE ${id}`);
    await done(again);
  });

  it('a supervisor’s own request appears live in the queue on another window, and their approval of it is refused', async () => {
    const queue = await signOn('TSUP01');
    await showScreen(queue, 'Releases');
    await queue.getByText(/No release request is waiting|pending/).first().waitFor();
    const pendingRows = queue.getByRole('region', { name: 'Pending requests' }).getByRole('row');
    const before = await pendingRows.count();

    const other = await app.openPage();
    collectPageProblems(other, pageProblems);
    await ensureSignedOn(other, 'TSUP01');
    await runRapSheet(other);
    await openPrepareForm(other);
    await fillRecipient(other, { name: 'Probation Officer Kim Tran', agency: 'Sacramento County Probation', type: 'Other criminal justice agency' });
    const f = form(other);
    await f.getByLabel('Statute').fill('PC 13300(b)(6)');
    await f.getByLabel('Right to know', { exact: true }).fill('Probation officer supervising the subject (PC 13300(b)(6)).');
    await f.getByLabel('Need to know', { exact: true }).fill('Pre-sentence report on case 24-001234.');
    const id = await requestApproval(other);
    const sent = Date.now();
    await other.close();

    // The main process's release.queue event brings it to the open queue: no refresh.
    await expect.poll(() => queueRow(queue, id).count(), { timeout: 2_000, interval: 100 }).toBe(1);
    expect(Date.now() - sent).toBeLessThan(2_000);
    expect(await pendingRows.count()).toBeGreaterThan(before);
    expect(await queueRow(queue, id).innerText()).toMatch(/yours/);
    await screenshot(queue, 'release-queue-live');

    await decide(queue, id, 'Approve', 'Looks complete to me.');
    await expect.poll(() => queue.getByRole('alert').filter({ hasText: /\S/ }).first().innerText()).toMatch(/another supervisor must decide it\. \(RELEASE_SELF_DECISION\)/);
    const direct = await queue.evaluate((rid) => window.clets.decideRelease({ id: rid, decision: 'approve', reason: 'Around the screen.' }), id);
    expect(direct).toMatchObject({ ok: false, error: { code: 'RELEASE_SELF_DECISION' } });
    expect(await queueRow(queue, id).count()).toBe(1);
    await done(queue);
  });

  it('printing anywhere but a release document prints only the refusal line; Ctrl+P and Ctrl+S are blocked there', async () => {
    const page = await signOn('TREC01');
    await runRapSheet(page);
    const printed = await pdfText(page, 'workspace');
    expect(printed.text.replace(/\s+/g, ' ').trim()).toBe(REFUSAL_LINE);
    const prevented = await page.evaluate(() =>
      ['p', 's'].map((key) => {
        const e = new KeyboardEvent('keydown', { key, ctrlKey: true, cancelable: true, bubbles: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      }),
    );
    expect(prevented).toEqual([true, true]);
    await done(page);
  });

  it('the main process refuses the release channels to the wrong roles even when the renderer is bypassed', async () => {
    const request = {
      inquiryRef: 'TRN1-20261124170000-000001-ABCD',
      recipientName: 'Anyone',
      recipientAgency: 'Any agency',
      recipientType: 'criminal_justice_agency' as const,
      legalBasisType: 'court_order' as const,
      legalBasisReference: '24CR000001',
      scope: { kind: 'whole' as const },
      method: 'print' as const,
    };
    const dispatcher = await signOn('TDISP01');
    expect(await dispatcher.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Releases' }).count()).toBe(0);
    const asDispatcher = await dispatcher.evaluate(
      async (req) => [
        await window.clets.prepareRelease(req),
        await window.clets.decideRelease({ id: 'R2026-000001', decision: 'approve', reason: 'Bypassing the screen.' }),
        await window.clets.myReleases(),
        await window.clets.performRelease({ id: 'R2026-000001' }),
      ],
      request,
    );
    for (const result of asDispatcher) expect(result).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    await done(dispatcher);

    const clerk = await signOn('TREC01');
    expect(await clerk.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Dissemination log' }).count()).toBe(0);
    const asClerk = await clerk.evaluate(async () => [
      await window.clets.decideRelease({ id: 'R2026-000001', decision: 'approve', reason: 'Bypassing the screen.' }),
      await window.clets.pendingReleases({}),
      await window.clets.disseminationLog({}),
      await window.clets.exportDisseminationLog({}),
    ]);
    for (const result of asClerk) expect(result).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    await done(clerk);
  });

  it('left no console errors or page errors', () => {
    expect(pageProblems).toEqual([]);
  });
});
