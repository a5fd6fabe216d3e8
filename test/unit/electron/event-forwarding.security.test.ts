// Events from the services reach our windows only, and only while they show the app origin: never
// a stranger webContents, a closed window, or a window that has somehow left app://clets.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { wireIpc } from '../../../electron/main/ipc';
import { createWindowRegistry } from '../../../electron/main/windows';
import { noSession } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import { silentLogger } from '../../../electron/services/log';
import { IPC_EVENT_CHANNEL } from '../../../shared/contract/names';
import { FakeBrowserWindow, FakeSession, FakeWebContents, resetFake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const STATUS = { state: 'connected', training: true, since: '2025-01-01T00:00:00.000Z' } as const;

async function openWindow(url = 'app://clets/index.html'): Promise<FakeBrowserWindow> {
  const window = new FakeBrowserWindow({});
  await window.loadURL(url);
  return window;
}

describe('event forwarding', () => {
  beforeEach(() => {
    resetFake();
  });

  it('sends each event to every window of ours on the event channel', async () => {
    const registry = createWindowRegistry();
    const events = createEventHub({ session: noSession, logger: silentLogger });
    const [a, b] = [await openWindow(), await openWindow()];
    registry.track(a as never);
    registry.track(b as never);
    wireIpc({ router: { dispatch: vi.fn() }, events, registry });
    events.emit('link.status', STATUS);
    for (const window of [a, b]) expect(window.webContents.sent).toEqual([{ channel: IPC_EVENT_CHANNEL, args: ['link.status', STATUS] }]);
  });

  it('never sends to a webContents that is not ours, even at app://clets', async () => {
    const registry = createWindowRegistry();
    const events = createEventHub({ session: noSession, logger: silentLogger });
    const ours = await openWindow();
    registry.track(ours as never);
    const stranger = await openWindow();
    const bare = new FakeWebContents(new FakeSession('bare'));
    bare.mainFrame.navigate('app://clets/index.html');
    wireIpc({ router: { dispatch: vi.fn() }, events, registry });
    events.emit('link.status', STATUS);
    expect(ours.webContents.sent).toHaveLength(1);
    expect(stranger.webContents.sent).toHaveLength(0);
    expect(bare.sent).toHaveLength(0);
  });

  it('skips closed windows and windows that are not at the app origin', async () => {
    const registry = createWindowRegistry();
    const events = createEventHub({ session: noSession, logger: silentLogger });
    const closed = await openWindow();
    const elsewhere = await openWindow('https://evil.example/');
    const ours = await openWindow();
    for (const w of [closed, elsewhere, ours]) registry.track(w as never);
    closed.close();
    wireIpc({ router: { dispatch: vi.fn() }, events, registry });
    events.emit('link.status', STATUS);
    expect(closed.webContents.sent).toHaveLength(0);
    expect(elsewhere.webContents.sent).toHaveLength(0);
    expect(ours.webContents.sent).toHaveLength(1);
  });

  it('stops forwarding once disposed', async () => {
    const registry = createWindowRegistry();
    const events = createEventHub({ session: noSession, logger: silentLogger });
    const ours = await openWindow();
    registry.track(ours as never);
    const dispose = wireIpc({ router: { dispatch: vi.fn() }, events, registry });
    dispose();
    events.emit('link.status', STATUS);
    expect(ours.webContents.sent).toHaveLength(0);
  });
});
