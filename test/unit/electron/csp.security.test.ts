// Checklist item 7: the strict CSP goes out as a header on every app:// response (refusals too),
// with nosniff; script-src is 'self' only, with no unsafe-inline, unsafe-eval or wildcard anywhere.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, SECURITY_HEADERS } from '../../../electron/main/csp';
import { createAppRequestHandler } from '../../../electron/main/protocol';

const EXPECTED =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...values] = d.split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED);
    expect(CSP_DIRECTIVES.join('; ')).toBe(EXPECTED);
  });

  it('allows no inline script, no eval, no wildcard, no remote origin', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|\*|https?:|blob:|filesystem:/);
    const parsed = directives(CONTENT_SECURITY_POLICY);
    expect(parsed.get('default-src')).toEqual(["'none'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is sent with nosniff on served files and on refusals', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'clets-csp-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
    const handler = createAppRequestHandler(root);
    const requests = [
      new Request('app://clets/index.html'),
      new Request('app://clets/assets/app.js'),
      new Request('app://clets/missing.js'),
      new Request('app://clets/%2e%2e/etc/passwd.txt'),
      new Request('app://evil/index.html'),
      new Request('app://clets/index.html', { method: 'POST', body: 'x' }),
    ];
    for (const request of requests) {
      const response = await handler(request);
      expect(response.headers.get('content-security-policy'), `${request.method} ${request.url}`).toBe(EXPECTED);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('every security header is a fixed string', () => {
    for (const value of Object.values(SECURITY_HEADERS)) expect(typeof value).toBe('string');
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true);
  });
});
