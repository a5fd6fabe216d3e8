// Checklist items 13 and 1: navigation and redirects are allowed only inside app://clets/, in the
// main frame and in subframes; requests to http:, https:, file:, ws: and other app hosts are
// cancelled in the session before they leave it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isAllowedNavigation, isAllowedRequestUrl } from '../../../electron/main/security';
import { resetFake, type FakeSession } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

const FOREIGN = [
  'https://example.org/',
  'http://localhost:5173/',
  'http://127.0.0.1/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'app://evil/index.html',
  'app://clets.evil.example/index.html',
  'app://user@clets/index.html',
  'app://clets:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'ws://127.0.0.1:9999/',
  '',
  'not a url',
];

const APP = ['app://clets/index.html', 'app://clets/', 'app://clets/index.html#/inquiry', 'app://clets/index.html?x=1'];

describe('navigation', () => {
  beforeEach(() => {
    resetFake();
  });

  for (const kind of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
    it(`${kind} is prevented for every URL outside app://clets`, async () => {
      const { state } = await bootMain();
      const contents = state.windowsCreated[0]!.webContents;
      for (const url of FOREIGN) expect(contents.attemptNavigation(kind, url).defaultPrevented, url).toBe(true);
    });

    it(`${kind} is allowed inside app://clets`, async () => {
      const { state } = await bootMain();
      const contents = state.windowsCreated[0]!.webContents;
      for (const url of APP) expect(contents.attemptNavigation(kind, url).defaultPrevented, url).toBe(false);
    });
  }

  it('isAllowedNavigation agrees', () => {
    for (const url of FOREIGN) expect(isAllowedNavigation(url), url).toBe(false);
    for (const url of APP) expect(isAllowedNavigation(url), url).toBe(true);
  });
});

describe('session requests', () => {
  beforeEach(() => {
    resetFake();
  });

  function decide(session: FakeSession, url: string): boolean | undefined {
    let cancel: boolean | undefined;
    session.beforeRequest?.({ url, method: 'GET', resourceType: 'mainFrame' }, (response) => {
      cancel = response.cancel;
    });
    return cancel;
  }

  it('cancels http:, https:, file:, ws: and foreign app hosts', async () => {
    const { state } = await bootMain();
    const session = state.session.defaultSession;
    expect(session.beforeRequest).toBeTypeOf('function');
    for (const url of ['https://example.org/', 'http://localhost:5173/', 'http://127.0.0.1:3000/api', 'file:///etc/passwd', 'ws://127.0.0.1:1/', 'wss://example.org/', 'ftp://example.org/', 'app://evil/x.js', 'blob:https://example.org/1']) {
      expect(decide(session, url), url).toBe(true);
    }
  });

  it('lets app://clets, inline data: images and devtools through', async () => {
    const { state } = await bootMain();
    const session = state.session.defaultSession;
    for (const url of ['app://clets/index.html', 'app://clets/assets/index-abc.js', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/inspector.html']) {
      expect(decide(session, url), url).toBe(false);
    }
    expect(isAllowedRequestUrl('https://example.org')).toBe(false);
  });
});
