// What an operator does at the sign-on and lock screens, through Playwright, asserting only what a
// person sees. Keyboard-only helpers use nothing but page.keyboard once the page has focus.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { expect } from 'vitest';
import type { TrainingLogin } from '../../electron/services/store/training-roster';
import { TRAINING_LOGINS } from '../../electron/services/store/training-roster';

export function login(operatorId: string): TrainingLogin {
  const found = TRAINING_LOGINS.find((l) => l.operatorId === operatorId);
  if (!found) throw new Error(`no training login ${operatorId}`);
  return found;
}

/** Screenshots go to CLETS_SCREENSHOTS (a folder) when set: /tmp/ui-<name>.png style names. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CLETS_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `ui-${name}.png`), fullPage: false });
}

export async function focusedLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return null;
    if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) && el.labels && el.labels[0]) return el.labels[0].textContent;
    return el.getAttribute('aria-label') ?? el.textContent;
  });
}

export async function expectFocusOn(page: Page, label: string): Promise<void> {
  await expect.poll(() => focusedLabel(page), { timeout: 10_000 }).toBe(label);
}

export const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name });

/** The alert of the form on screen (each form has one, empty until a refusal). */
export const alertText = (page: Page) => page.getByRole('alert').filter({ hasText: /\S/ });

/** From the notice to the active session, with the keyboard alone. */
export async function signOnWithKeyboard(page: Page, operatorId: string): Promise<void> {
  const l = login(operatorId);
  await heading(page, 'Restricted system: authorized criminal justice use only').waitFor();
  await expectFocusOn(page, 'I acknowledge');
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'Operator ID');
  await page.keyboard.type(l.operatorId);
  await page.keyboard.press('Tab');
  await page.keyboard.type(l.password);
  await page.keyboard.press('Enter');
  await badgeAndPin(page, l);
  await activeAs(page, l);
}

/** A badge reader's keyboard wedge: the badge number then Enter; then the PIN and Enter. */
export async function badgeAndPin(page: Page, l: TrainingLogin): Promise<void> {
  await expectFocusOn(page, 'Badge');
  await page.keyboard.type(l.badge);
  await page.keyboard.press('Enter');
  await expectFocusOn(page, 'PIN');
  await page.keyboard.type(l.pin);
  await page.keyboard.press('Enter');
}

export async function activeAs(page: Page, l: TrainingLogin): Promise<void> {
  const bar = page.getByRole('definition').filter({ hasText: l.operatorId });
  await bar.first().waitFor();
  await page.getByText(l.name, { exact: true }).waitFor();
  await page.getByRole('button', { name: /^Lock/ }).waitFor();
}

export async function signOff(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign off' }).click();
  await heading(page, 'Restricted system: authorized criminal justice use only').waitFor();
}

/** Every element a keyboard user can reach with Tab. */
export function tabbable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [tabindex]';
    return [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0)
      .map((el) => `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim() || el.getAttribute('aria-label') || el.id}`);
  });
}

/** Collects the page's console errors and uncaught exceptions (CSP violations among them) into `into`. */
export function collectPageProblems(page: Page, into: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(message.text());
  });
  page.on('pageerror', (error) => into.push(error.message));
}

/** Signs on from the keyboard unless this app's session is already active for the operator. */
export async function ensureSignedOn(page: Page, operatorId: string): Promise<void> {
  const l = login(operatorId);
  const notice = heading(page, 'Restricted system: authorized criminal justice use only');
  const lockButton = page.getByRole('button', { name: /^Lock/ });
  await notice.or(lockButton).first().waitFor();
  if (await notice.isVisible()) {
    await signOnWithKeyboard(page, operatorId);
    return;
  }
  await activeAs(page, l);
}

/** An inquiry form control by its label (a required field's label ends with " (required)"). */
export function inquiryField(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.locator('form.inq-form__form').getByLabel(new RegExp(`^${escaped}( \\(required\\))?$`));
}

/** The return on screen (its section, named by its heading). */
export const returnPanel = (page: Page) => page.getByRole('region', { name: /^Return: / });

/** The focused control's label: an input's, a select's or a textarea's first label, else its name. */
export async function focusedControlLabel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement)) return null;
    if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.labels && el.labels[0]) return el.labels[0].textContent;
    return el.getAttribute('aria-label') ?? el.textContent;
  });
}

export async function expectFocusOnControl(page: Page, label: string): Promise<void> {
  await expect.poll(() => focusedControlLabel(page), { timeout: 10_000 }).toBe(label);
}
