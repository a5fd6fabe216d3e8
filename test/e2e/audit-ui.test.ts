// Issue #4, "Done means": a CRSO finds a clerk's inquiry by subject and exports it — in Chromium, on the real
// services. A records clerk runs a criminal history inquiry through the workspace and signs off; the CRSO signs
// on, searches the agency's audit by the subject's CII, opens the record with its neighbours, and exports the
// result: the CSV on disk holds the clerk's inquiry, its hash is the one shown and the one in the manifest, and
// the CRSO's own search and export are in the audit trail too (AU-9).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { collectPageProblems, ensureSignedOn, heading, inquiryField, returnPanel, signOff } from './session-pages';

const chromiumPath = findChromium();
const keyring = chromiumPath !== null && keyringAvailableOrSkip();

describe.skipIf(!keyring)('the CRSO’s audit workspace in Chromium', () => {
  let app: PreviewApp;
  const problems: string[] = [];
  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!, { timezoneId: 'America/Los_Angeles' });
  }, 180_000);
  afterAll(async () => app?.close());

  it('a CRSO finds a clerk’s inquiry by subject and exports it', async () => {
    const page: Page = await app.openPage();
    collectPageProblems(page, problems);

    // The clerk's inquiry, through the workspace.
    await ensureSignedOn(page, 'TREC01');
    await page.getByRole('navigation', { name: 'Inquiry forms' }).getByRole('button', { name: /^California criminal history by CII/ }).click();
    await heading(page, /^California criminal history by CII/).waitFor();
    await inquiryField(page, 'CII number').fill('T00000002');
    await inquiryField(page, 'Purpose code').selectOption('C');
    await inquiryField(page, 'Right-to-know reference').fill('24-000777');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => returnPanel(page).innerText(), { timeout: 15_000 }).toContain('ROE, JANE A');
    await signOff(page);

    // The CRSO searches by the subject.
    await ensureSignedOn(page, 'TCRSO01');
    await page.getByRole('button', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { name: 'Audit trail', exact: true }).waitFor();
    await page.getByLabel('Subject', { exact: true }).fill('T00000002');
    // The agency copy is filled from the journal by the replicator, a moment after the inquiry.
    const open = page.getByRole('button', { name: /^Open record/ });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Search', exact: true }).last().click();
          await page.getByRole('heading', { name: 'Results' }).waitFor();
          return open.count();
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBeGreaterThan(0);
    const results = await page.getByRole('region', { name: 'Results' }).or(page.locator('section[aria-labelledby="audit-results-heading"]')).first().innerText();
    expect(results).toContain('TREC01');
    expect(results).toContain('IH.QR');

    await open.first().click();
    const detail = page.locator('section[aria-labelledby="audit-detail-heading"]');
    await detail.waitFor();
    expect(await detail.innerText()).toContain('24-000777');

    await page.getByRole('button', { name: 'Export for DOJ audit' }).click();
    await page.getByRole('heading', { name: /^Export written \(\d+ rows?\b/ }).waitFor();
    const exportPanel = page.locator('section[aria-labelledby="audit-export-heading"]');
    const csvFile = (await exportPanel.locator('dt:has-text("CSV file") + dd').innerText()).trim();
    const manifestFile = (await exportPanel.locator('dt:text-is("Manifest") + dd').innerText()).trim();
    const shownHash = (await exportPanel.getByLabel('CSV SHA-256').innerText()).trim();

    const csv = readFileSync(csvFile);
    expect(createHash('sha256').update(csv).digest('hex')).toBe(shownHash);
    const text = csv.toString('utf8');
    expect(text).toContain('TREC01');
    expect(text).toContain('T00000002');
    expect(text).toContain('24-000777');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { csvSha256: string; rows: number; verification: unknown; createdBy: string };
    expect(manifest).toMatchObject({ csvSha256: shownHash, createdBy: 'TCRSO01' });
    expect(manifest.rows).toBeGreaterThan(0);
    expect(manifest.verification).toBeTruthy();

    // Reading and exporting the audit are themselves in the audit trail.
    const journalDir = app.services.journal.dir;
    const records = readdirSync(journalDir)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(path.join(journalDir, f), 'utf8').split('\n').filter(Boolean))
      .map((line) => JSON.parse(line) as { type: string; operator: string | null; auditAccess?: { filters?: Record<string, string>; sha256?: string } });
    const byCrso = records.filter((r) => r.operator === 'TCRSO01').map((r) => r.type);
    expect(byCrso).toEqual(expect.arrayContaining(['audit.searched', 'audit.viewed', 'audit.exported']));
    expect(records.find((r) => r.type === 'audit.searched' && r.auditAccess?.filters?.subject === 'T00000002')).toBeTruthy();
    expect(records.find((r) => r.type === 'audit.exported')?.auditAccess?.sha256).toBe(shownHash);
    expect(problems).toEqual([]);
  }, 120_000);
});
