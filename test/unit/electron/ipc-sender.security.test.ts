// Checklist item 17: every contract channel has a handler, and every handler verifies its sender:
// only the top frame of one of our windows, at app://clets, is accepted. Subframes, other origins,
// file://, http://localhost, destroyed or unknown webContents and vanished frames are refused.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isTrustedSender, wireIpc } from '../../../electron/main/ipc';
import { createWindowRegistry } from '../../../electron/main/windows';
import { noSession } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import { createRouter, type Handlers } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { CHANNEL_NAMES, IPC_INVOKE_PREFIX, type ChannelName } from '../../../shared/contract/names';
import { FakeBrowserWindow, FakeSession, FakeWebContents, FakeWebFrameMain, invokeEvent, resetFake, type FakeState } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

type Scenario = { name: string; event: (window: FakeBrowserWindow) => Record<string, unknown> };

const REFUSED: Scenario[] = [
  {
    name: 'a subframe at app://clets',
    event: (w) => invokeEvent(w.webContents, new FakeWebFrameMain('app://clets/frame.html', w.webContents.mainFrame)),
  },
  {
    name: 'a cross-origin subframe',
    event: (w) => invokeEvent(w.webContents, new FakeWebFrameMain('https://evil.example/', w.webContents.mainFrame)),
  },
  { name: 'the top frame at another origin', event: (w) => (w.webContents.mainFrame.navigate('https://evil.example/'), invokeEvent(w.webContents, w.webContents.mainFrame)) },
  { name: 'the top frame at file://', event: (w) => (w.webContents.mainFrame.navigate('file:///tmp/index.html'), invokeEvent(w.webContents, w.webContents.mainFrame)) },
  { name: 'the top frame at http://localhost', event: (w) => (w.webContents.mainFrame.navigate('http://localhost:5173/'), invokeEvent(w.webContents, w.webContents.mainFrame)) },
  { name: 'the top frame at another app:// host', event: (w) => (w.webContents.mainFrame.navigate('app://evil/index.html'), invokeEvent(w.webContents, w.webContents.mainFrame)) },
  { name: 'the top frame at about:blank', event: (w) => (w.webContents.mainFrame.navigate('about:blank'), invokeEvent(w.webContents, w.webContents.mainFrame)) },
  { name: 'a sender whose frame is gone (senderFrame null)', event: (w) => invokeEvent(w.webContents, null) },
  {
    name: 'a destroyed frame',
    event: (w) => {
      w.webContents.mainFrame.destroyed = true;
      return invokeEvent(w.webContents, w.webContents.mainFrame);
    },
  },
  {
    name: 'a detached frame',
    event: (w) => {
      w.webContents.mainFrame.detached = true;
      return invokeEvent(w.webContents, w.webContents.mainFrame);
    },
  },
  {
    name: 'a top-level frame that is not the main frame of the sender',
    event: (w) => invokeEvent(w.webContents, new FakeWebFrameMain('app://clets/index.html')),
  },
  {
    name: 'a destroyed webContents',
    event: (w) => {
      w.webContents.destroyed = true;
      return invokeEvent(w.webContents, w.webContents.mainFrame);
    },
  },
  {
    name: 'a webContents that is not one of our windows, even at app://clets',
    event: () => {
      const stranger = new FakeWebContents(new FakeSession('stranger'));
      stranger.mainFrame.navigate('app://clets/index.html');
      return invokeEvent(stranger, stranger.mainFrame);
    },
  },
  {
    name: 'a frame whose properties throw (disposed mid-check)',
    event: (w) => {
      const frame = new FakeWebFrameMain('app://clets/index.html');
      Object.defineProperty(frame, 'url', { get: () => { throw new Error('Render frame was disposed'); } });
      return invokeEvent(w.webContents, frame);
    },
  },
];

describe('IPC handlers', () => {
  let state: FakeState;
  beforeEach(() => {
    state = resetFake();
  });

  it('one handler is registered for every channel in CHANNEL_NAMES, and no other', async () => {
    ({ state } = await bootMain());
    expect([...state.ipcMain.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_INVOKE_PREFIX + c).sort());
  });

  for (const channel of CHANNEL_NAMES) {
    describe(`channel ${channel}`, () => {
      for (const scenario of REFUSED) {
        it(`refuses ${scenario.name}`, async () => {
          const booted = await bootMain();
          const window = booted.state.windowsCreated[0]!;
          const result = await booted.state.ipcMain.invoke(IPC_INVOKE_PREFIX + channel, scenario.event(window), {});
          expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
          expect(booted.services.dispatched.at(-1)).toMatchObject({ channel, caller: { senderVerified: false } });
        });
      }

      it('accepts the top frame of our window at app://clets', async () => {
        const booted = await bootMain();
        const window = booted.state.windowsCreated[0]!;
        expect(window.webContents.getURL()).toBe('app://clets/index.html');
        const result = await booted.state.ipcMain.invoke(IPC_INVOKE_PREFIX + channel, invokeEvent(window.webContents, window.webContents.mainFrame), {});
        expect(result).toMatchObject({ ok: true });
        expect(booted.services.dispatched.at(-1)).toMatchObject({ channel, payload: {}, caller: { senderVerified: true } });
      });
    });
  }

  it('with the real router, a foreign frame gets FORBIDDEN_SENDER and the handler never runs', async () => {
    const handlers = Object.fromEntries(CHANNEL_NAMES.map((c) => [c, vi.fn(() => { throw new Error('must not run'); })])) as unknown as Handlers;
    const router = createRouter({ handlers, session: noSession, logger: silentLogger });
    const registry = createWindowRegistry();
    const window = new FakeBrowserWindow({});
    registry.track(window as never);
    await window.loadURL('app://clets/index.html');
    const dispose = wireIpc({ router, events: createEventHub({ session: noSession, logger: silentLogger }), registry });
    const subframe = new FakeWebFrameMain('https://evil.example/', window.webContents.mainFrame);
    for (const channel of CHANNEL_NAMES) {
      const result = await state.ipcMain.invoke(IPC_INVOKE_PREFIX + channel, invokeEvent(window.webContents, subframe), {});
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
      expect(handlers[channel as ChannelName]).not.toHaveBeenCalled();
    }
    dispose();
  });

  it('a closed window is no longer trusted', async () => {
    const registry = createWindowRegistry();
    const window = new FakeBrowserWindow({});
    registry.track(window as never);
    await window.loadURL('app://clets/index.html');
    const event = invokeEvent(window.webContents, window.webContents.mainFrame);
    expect(isTrustedSender(event as never, registry)).toBe(true);
    window.close();
    expect(isTrustedSender(event as never, registry)).toBe(false);
  });

  it('dispose removes every handler, so the channels can be wired again', async () => {
    const router = { dispatch: vi.fn() };
    const registry = createWindowRegistry();
    const events = createEventHub({ session: noSession, logger: silentLogger });
    const dispose = wireIpc({ router, events, registry });
    expect(state.ipcMain.handlers.size).toBe(CHANNEL_NAMES.length);
    dispose();
    expect(state.ipcMain.handlers.size).toBe(0);
    wireIpc({ router, events, registry })();
  });
});
