// Checklist items 11 and 12: no <webview> at all. The tag is disabled in webPreferences and any
// attempt to attach one, from any webContents, is prevented.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, FakeSession, FakeWebContents, resetFake } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

function attachWebview(contents: FakeWebContents, src: string): FakeEvent {
  const event = new FakeEvent();
  const webPreferences = { nodeIntegration: true, preload: '/tmp/evil.js' };
  contents.emit('will-attach-webview', event, webPreferences, { src, allowpopups: 'true' });
  return event;
}

describe('webview attachment', () => {
  beforeEach(() => {
    resetFake();
  });

  it('is prevented in the main window, whatever the source', async () => {
    const { state } = await bootMain();
    const [window] = state.windowsCreated;
    for (const src of ['https://example.org', 'app://clets/index.html', 'file:///etc/passwd']) {
      expect(attachWebview(window!.webContents, src).defaultPrevented, src).toBe(true);
    }
    expect(window!.webContents.webPreferences.webviewTag).toBe(false);
  });

  it('is prevented in any other webContents the app sees created', async () => {
    const { state } = await bootMain();
    const stray = new FakeWebContents(new FakeSession('stray'));
    state.app.emit('web-contents-created', new FakeEvent(), stray);
    expect(attachWebview(stray, 'https://example.org').defaultPrevented).toBe(true);
  });
});
