// Checklist item 14: window.open and target=_blank never create a window, whatever the URL.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, FakeSession, FakeWebContents, resetFake } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

const URLS = ['https://example.org/', 'app://clets/index.html', 'about:blank', 'file:///etc/passwd', ''];

describe('window open handler', () => {
  beforeEach(() => {
    resetFake();
  });

  it('denies every window.open from the main window', async () => {
    const { state } = await bootMain();
    const contents = state.windowsCreated[0]!.webContents;
    expect(contents.windowOpenHandler).toBeTypeOf('function');
    for (const url of URLS) {
      for (const disposition of ['default', 'foreground-tab', 'background-tab', 'new-window']) {
        expect(contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition })).toEqual({ action: 'deny' });
      }
    }
    expect(state.windowsCreated).toHaveLength(1);
  });

  it('denies window.open from any other webContents too', async () => {
    const { state } = await bootMain();
    const stray = new FakeWebContents(new FakeSession('stray'));
    state.app.emit('web-contents-created', new FakeEvent(), stray);
    expect(stray.windowOpenHandler?.({ url: 'https://example.org', frameName: '', features: '', disposition: 'new-window' })).toEqual({ action: 'deny' });
  });
});
