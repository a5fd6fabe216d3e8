// Checklist items 18 and 1: app:// serves the built renderer folder and nothing else. Tested against
// a real temporary folder holding a secret next to the root and symlinks that point out of it.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME_REGISTRATION, createAppRequestHandler, resolveAppRequest } from '../../../electron/main/protocol';
import { resetFake } from './fake-electron';
import { bootMain, MAIN_DIR } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

const SECRET = 'SECRET-OUTSIDE-THE-ROOT';
let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'clets-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>CLETS</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log("app");');
  writeFileSync(path.join(root, 'assets', 'index-abc123.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(path.join(root, 'assets', 'data.bin'), 'binary');
  writeFileSync(path.join(root, '.env'), SECRET);
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  writeFileSync(path.join(base, 'secret.js'), SECRET);
  mkdirSync(path.join(base, 'outside'));
  writeFileSync(path.join(base, 'outside', 'x.js'), SECRET);
  // A sibling whose name starts with the root's name: a naive startsWith(root) check lets it through.
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), SECRET);
  symlinkSync(path.join(base, 'secret.js'), path.join(root, 'assets', 'link-out.js'));
  symlinkSync(path.join(base, 'outside'), path.join(root, 'assets', 'dir-out'));
  symlinkSync(path.join(root, 'assets', 'index-abc123.js'), path.join(root, 'assets', 'link-in.js'));
  handler = createAppRequestHandler(root);
});

async function get(url: string, method = 'GET'): Promise<{ status: number; body: string; type: string | null }> {
  const response = await handler(new Request(url, method === 'GET' ? {} : { method, ...(method === 'POST' || method === 'PUT' ? { body: 'x' } : {}) }));
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

describe('app:// serves the renderer folder', () => {
  it('serves index.html for / and by name', async () => {
    for (const url of ['app://clets/', 'app://clets/index.html', 'app://clets/index.html?x=1#/route']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.body).toContain('<title>CLETS</title>');
      expect(response.type).toBe('text/html; charset=utf-8');
    }
  });

  it('sends the right MIME types', async () => {
    expect((await get('app://clets/assets/index-abc123.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await get('app://clets/assets/index-abc123.css')).type).toBe('text/css; charset=utf-8');
    expect((await get('app://clets/assets/logo.svg')).type).toBe('image/svg+xml');
    expect((await get('app://clets/assets/font.woff2')).type).toBe('font/woff2');
  });

  it('follows a symlink that stays inside the root', async () => {
    const response = await get('app://clets/assets/link-in.js');
    expect(response.status).toBe(200);
    expect(response.body).toBe('console.log("app");');
  });

  it('returns 404 for missing files, directories and file types it does not serve', async () => {
    expect((await get('app://clets/missing.js')).status).toBe(404);
    expect((await get('app://clets/assets/data.bin')).status).toBe(404);
    expect((await get('app://clets/assets')).status).toBe(404);
    expect((await get('app://clets/%252e%252e/secret.txt')).status).toBe(404);
  });
});

describe('app:// refuses everything outside the renderer folder', () => {
  const ESCAPES = [
    'app://clets/../secret.txt',
    'app://clets/%2e%2e/secret.txt',
    'app://clets/%2E%2E/secret.txt',
    'app://clets/.%2e/secret.txt',
    'app://clets/..%2fsecret.txt',
    'app://clets/..%2Fsecret.txt',
    'app://clets/%2e%2e%2fsecret.txt',
    'app://clets/assets/..%2f..%2fsecret.txt',
    'app://clets/assets/%2e%2e%2f%2e%2e%2fsecret.js',
    'app://clets/..%5csecret.txt',
    'app://clets/assets\\..\\..\\secret.txt',
    'app://clets/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://clets/%2fetc%2fpasswd.txt',
    'app://clets/C:%5cWindows%5cwin.ini.txt',
    'app://clets/index.html%00.js',
    'app://clets/secret.txt%00',
    'app://clets/.env',
    'app://clets/%2eenv',
    'app://clets/assets/link-out.js',
    'app://clets/assets/dir-out/x.js',
    'app://clets/../renderer-evil/x.js',
    'app://clets/%2e%2e/renderer-evil/x.js',
    'app://clets/%E0%A4%A',
  ];

  for (const url of ESCAPES) {
    it(`refuses ${url}`, async () => {
      const response = await get(url);
      expect(response.status).not.toBe(200);
      expect(response.body).not.toContain(SECRET);
    });
  }

  it('refuses absolute paths smuggled in the URL (they resolve under the root, where nothing is)', async () => {
    const secret = path.join(base, 'secret.txt');
    for (const url of [`app://clets${secret}`, `app://clets/${encodeURIComponent(secret)}`, `app://clets//${secret}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it('refuses other hosts, schemes and user info', async () => {
    for (const url of ['app://evil/index.html', 'app://clets:1/index.html', 'file:///etc/passwd', 'https://clets/index.html']) {
      expect((await get(url)).status, url).toBe(403);
    }
    // Request() itself refuses credentials in a URL; the resolver refuses them too.
    expect(await resolveAppRequest(root, 'GET', 'app://user:pw@clets/index.html')).toMatchObject({ ok: false, status: 403 });
  });

  it('answers only GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS']) {
      expect((await get('app://clets/index.html', method)).status, method).toBe(405);
    }
  });

  it('says 404, not a crash, when the renderer folder does not exist', async () => {
    expect(await resolveAppRequest(path.join(base, 'no-such-folder'), 'GET', 'app://clets/index.html')).toMatchObject({ ok: false, status: 404 });
  });
});

describe('app:// registration', () => {
  beforeEach(() => {
    resetFake();
  });

  it('is privileged as standard and secure, without bypassing CSP or allowing service workers', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app');
    expect(APP_SCHEME_REGISTRATION.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false });
  });

  it('is registered before ready and handled after, serving dist/renderer next to the main bundle', async () => {
    const { state } = await bootMain();
    expect(state.privilegedSchemes).toEqual([APP_SCHEME_REGISTRATION]);
    expect(state.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(state.calls.indexOf('ready'));
    expect(state.calls.indexOf('protocol.handle:app')).toBeGreaterThan(state.calls.indexOf('ready'));
    const serve = state.protocolHandlers.get('app');
    expect(serve).toBeTypeOf('function');
    // MAIN_DIR's sibling renderer folder does not exist in the test: the handler answers 404, not a crash.
    expect(path.resolve(MAIN_DIR, '..', 'renderer')).toBe('/opt/clets/dist/renderer');
    expect((await serve!(new Request('app://clets/index.html'))).status).toBe(404);
  });
});
