// The workstation UI in real Chromium, on the real main-process services (training switch over
// mutual TLS, link, router, events) through the preview host, with a throwaway data folder.
// Every wait is on a page condition; nothing sleeps.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConsoleMessage, Page, Response } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_EVENTS, API_METHODS } from '../../shared/contract/names';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } from '../../electron/main/csp';
import { TRAINING_WORKSTATION } from '../../electron/services/config';
import { silentLogger, type LogFields, type Logger } from '../../electron/services/log';
import { findChromium } from '../support/chromium';
import { keyringAvailableOrSkip } from '../support/keyring';
import { startPreviewApp, type PreviewApp } from '../support/preview-app';
import { rawRequest } from '../support/http';
import { signOnWithKeyboard } from './session-pages';

const chromiumPath = findChromium();
// The services need a real keychain (the agency store's keys): run inside scripts/with-keyring.sh.
const keyring = chromiumPath !== null && keyringAvailableOrSkip();

describe.skipIf(!keyring)('workstation UI in Chromium on the real services', () => {
  let app: PreviewApp;
  let page: Page;
  let first: Response | null;
  let foreign: Server | null = null;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  /** Why the host refused each request it refused (its debug log). */
  const refusals: string[] = [];
  const hostLogger: Logger = {
    ...silentLogger,
    debug: (msg: string, fields?: LogFields) => {
      if (msg === 'refused a request') refusals.push(String(fields?.reason));
    },
  };

  beforeAll(async () => {
    app = await startPreviewApp(chromiumPath!, { hostLogger });
    page = await app.context.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    first = await page.goto(app.host.url);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => (foreign ? foreign.close(() => resolve()) : resolve()));
    await app?.close();
  });

  it('shows the link reaching "connected" and a permanent TRAINING banner', async () => {
    const link = page.getByRole('status', { name: /Switch link/ });
    await page.getByRole('status', { name: 'Switch link: Connected' }).waitFor();
    expect(await link.innerText()).toMatch(/Connected/);

    const banner = page.getByRole('status').filter({ hasText: 'TRAINING MODE' });
    await banner.waitFor({ state: 'visible' });
    const text = await banner.innerText();
    expect(text).toMatch(/Synthetic training records/);
    expect(text).toMatch(/not real criminal justice information \(CJI\)/);
    // Unmissable: the first thing on screen, full width, black on yellow; nothing to dismiss it with.
    const box = await banner.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1366 });
    expect(await banner.evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor])).toEqual(['rgb(0, 0, 0)', 'rgb(255, 212, 0)']);
    expect(await banner.getByRole('button').count()).toBe(0);

    // The link itself says training (not only the app's mode).
    const status = await page.evaluate(() => window.clets.linkStatus());
    expect(status).toMatchObject({ ok: true, value: { state: 'connected', training: true } });
  });

  it('shows who this workstation is', async () => {
    const identity = page.getByRole('definition');
    await identity.first().waitFor();
    expect(await identity.allInnerTexts()).toEqual([TRAINING_WORKSTATION.id, TRAINING_WORKSTATION.ori, TRAINING_WORKSTATION.terminal]);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('CLETS Workstation');
    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.getByRole('banner').count()).toBe(1);
    // Switch messages can carry criminal justice information: no panel for them before sign-on.
    expect(await page.getByRole('complementary', { name: 'Switch messages' }).count()).toBe(0);
  });

  it('gives the page no Node and a frozen window.clets that cannot be replaced', async () => {
    const probe = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const descriptor = Object.getOwnPropertyDescriptor(window, 'clets');
      const original = window.clets;
      try {
        w.clets = { linkStatus: () => 'forged' };
      } catch {
        // strict-mode assignment to a read-only property throws; either way it must not change
      }
      try {
        (original as unknown as Record<string, unknown>).linkStatus = () => 'forged';
      } catch {
        // frozen
      }
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        electron: typeof w.electron,
        writable: descriptor?.writable,
        configurable: descriptor?.configurable,
        frozen: Object.isFrozen(window.clets),
        same: window.clets === original,
        methodIntact: window.clets.linkStatus.toString().includes('forged') === false,
        keys: Object.keys(window.clets).sort(),
      };
    });
    expect(probe).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      electron: 'undefined',
      writable: false,
      configurable: false,
      frozen: true,
      same: true,
      methodIntact: true,
      keys: [...Object.keys(API_METHODS), ...Object.keys(API_EVENTS)].sort(),
    });
  });

  it('sends a strict CSP as a header and as a meta tag', async () => {
    expect(first?.status()).toBe(200);
    const headers = first!.headers();
    expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // The meta tag carries the same directives except frame-ancestors, which a meta policy cannot hold.
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toBe(CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; '));
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    for (const policy of [headers['content-security-policy'], meta]) {
      expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
      expect(policy).toMatch(/(^|; )default-src 'none'(;|$)/);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    }
    // The app loaded without tripping its own policy.
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('blocks an injected inline script, inline style and eval', async () => {
    const result = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      const violations: string[] = [];
      const seen = new Promise<void>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          violations.push(event.effectiveDirective);
          if (violations.includes('script-src-elem') && violations.includes('style-src-attr')) resolve();
        });
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      const styled = document.createElement('div');
      styled.setAttribute('style', 'outline: 9px solid red');
      document.body.append(styled);
      await seen;
      let evalBlocked = false;
      try {
        const indirect = w['eval'] as (code: string) => unknown;
        indirect('1 + 1');
      } catch (error) {
        evalBlocked = error instanceof EvalError;
      }
      return { injected: w.__injected === true, styled: getComputedStyle(styled).outlineWidth, violations, evalBlocked };
    });
    expect(result.injected).toBe(false);
    expect(result.styled).not.toBe('9px');
    expect(result.violations).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr']));
    expect(result.evalBlocked).toBe(true);
  });

  it('refuses requests without the token or with a wrong Host or Origin', async () => {
    const api = `${app.host.url}api/invoke/app.info`;
    const json = { 'content-type': 'application/json' };
    const before = app.dispatched.length;

    expect((await fetch(`${app.host.origin}/`)).status).toBe(404);
    expect((await fetch(`${app.host.origin}/index.html`)).status).toBe(404);
    expect((await fetch(app.host.url.replace(/\/t\/[^/]+\//, `/t/${'A'.repeat(43)}/`))).status).toBe(404);
    const noToken = await fetch(`${app.host.origin}/api/invoke/app.info`, { method: 'POST', headers: { ...json, origin: app.host.origin }, body: '{}' });
    expect(noToken.status).toBe(404);
    expect(await noToken.text()).toBe('');

    expect((await fetch(api, { method: 'POST', headers: json, body: '{}' })).status).toBe(403);
    expect((await fetch(api, { method: 'POST', headers: { ...json, origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    expect((await fetch(api, { method: 'POST', headers: { origin: app.host.origin, 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    // fetch cannot set Host; a DNS-rebinding attacker's browser would send its own name.
    expect((await rawRequest(app.host.url, { headers: { host: 'rebind.attacker.example' } })).status).toBe(403);
    expect((await rawRequest(api, { method: 'POST', headers: { host: `localhost:${new URL(app.host.origin).port}`, origin: app.host.origin, ...json }, body: '{}' })).status).toBe(403);
    expect(app.dispatched.length).toBe(before);

    // The right request from Node still works: the refusals above are the checks, not a broken host.
    const good = await fetch(api, { method: 'POST', headers: { ...json, origin: app.host.origin }, body: '{}' });
    expect(await good.json()).toMatchObject({ ok: true, value: { product: 'CLETS Workstation' } });
  });

  it('refuses the API to a page on another origin, even one that knows the token', async () => {
    foreign = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>other site</title>');
    });
    await new Promise<void>((resolve) => foreign!.listen(0, '127.0.0.1', resolve));
    const other = await app.context.newPage();
    await other.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    const before = app.dispatched.length;
    const refusedBefore = refusals.length;
    // A "simple" no-cors POST (no preflight) and a JSON POST (preflighted): neither may reach the router.
    // What the page sees is secondary (the CORP header also blocks the opaque reply); what matters is
    // that nothing was dispatched.
    const outcome = await other.evaluate(async (url) => {
      const attempt = async (init: RequestInit) => {
        try {
          return (await fetch(`${url}api/invoke/app.info`, { method: 'POST', body: '{}', ...init })).type;
        } catch {
          return 'blocked';
        }
      };
      return {
        simple: await attempt({ mode: 'no-cors', headers: { 'content-type': 'text/plain' } }),
        json: await attempt({ headers: { 'content-type': 'application/json' } }),
      };
    }, app.host.url);
    await other.close();
    expect(outcome.simple).toMatch(/^(blocked|opaque)$/);
    expect(outcome.json).toBe('blocked');
    // Both reached the host and were refused there (for the JSON call, its CORS preflight).
    expect(refusals.slice(refusedBefore)).toEqual(['cross-site request', 'cross-site request']);
    expect(app.dispatched.length).toBe(before);
  });

  it('is usable from the keyboard, with focus always visible', async () => {
    // Before sign-on the one control is the notice's acknowledgement, focused, its focus ring drawn.
    const ack = page.getByRole('button', { name: 'I acknowledge' });
    await expect.poll(() => ack.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await ack.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await signOnWithKeyboard(page, 'TDISP01');

    // Signed on, the cursor starts in the workspace; from the top of the page the skip link comes
    // first, then the workspace, then the messages log.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
      document.body.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to workspace' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.keyboard.press('Tab');
    const firstForm = page.getByRole('navigation', { name: 'Inquiry forms' }).getByRole('button', { name: /^Wanted persons/ });
    expect(await firstForm.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await firstForm.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
  });

  it('shows an unsolicited $. message from the switch, as text', async () => {
    const text = '$.A ALL TERMINALS: TRAINING BROADCAST <b>NOT BOLD</b> & <script>window.__x=1</script>';
    app.services.trainingSwitch.sendUnsolicited(text);
    const item = page.getByRole('log', { name: 'Switch messages' }).getByRole('listitem').filter({ hasText: 'TRAINING BROADCAST' });
    await item.waitFor();
    expect(await item.locator('.message__code').innerText()).toBe('$.A');
    expect(await item.innerText()).toContain('Administrative message');
    expect(await item.locator('pre').textContent()).toBe(text);
    expect(await item.locator('b, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__x)).toBeUndefined();
    expect(await page.getByText('1 message', { exact: true }).count()).toBe(1);
  });
});
