// Checklist item 20: the preload exposes exactly one frozen object, window.clets, whose surface is
// the pinned list of named methods (test/support/api-surface.ts). No ipcRenderer, no Electron object, no method that lets
// the page choose a channel; listeners are really removed by the function subscribing returns.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { API_EVENTS, API_METHODS, IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../../shared/contract/names';
import { PINNED_API_SURFACE } from '../../support/api-surface';
import { fake, FakeEvent } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);


type Api = Record<string, (...args: unknown[]) => unknown>;
let api: Api;
let exported: unknown;

beforeAll(async () => {
  exported = (await import('../../../electron/preload/preload')).api;
  expect(fake.exposed).toHaveLength(1);
  api = fake.exposed[0]!.api as Api;
});

function emitEvent(name: string, payload: unknown): void {
  fake.ipcRenderer.emit(IPC_EVENT_CHANNEL, new FakeEvent(), name, payload);
}

describe('preload surface', () => {
  it('exposes exactly one object, as window.clets, and it is the exported api', () => {
    expect(fake.exposed.map((e) => e.key)).toEqual(['clets']);
    expect(api).toBe(exported);
  });

  it('the object is frozen', () => {
    expect(Object.isFrozen(api)).toBe(true);
    expect(() => {
      (api as Record<string, unknown>).appInfo = () => 'hijacked';
    }).toThrow();
  });

  it('its surface is the pinned list of named methods, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...PINNED_API_SURFACE].sort());
    expect(Object.getOwnPropertySymbols(api)).toEqual([]);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(Object.keys(api).sort()).toEqual([...Object.keys(API_METHODS), ...Object.keys(API_EVENTS)].sort());
  });

  it('exposes no ipcRenderer and no Electron object', () => {
    for (const value of Object.values(api)) {
      expect(value).not.toBe(fake.ipcRenderer);
      expect(value).not.toBe(fake.ipcRenderer.invoke);
      expect(value).not.toBe(fake.ipcRenderer.on);
      expect(value).not.toBe(fake.ipcRenderer.send);
    }
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once', 'removeListener', 'removeAllListeners', 'postMessage', 'contextBridge', 'require', 'process']) {
      expect(api).not.toHaveProperty(forbidden);
    }
  });

  it('no method lets the page choose the channel: each always calls its own', async () => {
    for (const [method, channel] of Object.entries(API_METHODS)) {
      fake.ipcRenderer.invocations.length = 0;
      for (const hostile of ['link.status', 'app.info', 'clets:anything', 'clets:event', { channel: 'x' }, undefined]) {
        await api[method]!(hostile);
      }
      expect(fake.ipcRenderer.invocations.map((i) => i.channel)).toEqual(Array(6).fill(IPC_INVOKE_PREFIX + channel));
    }
  });

  it('invokes with the prefixed channel and the payload as given', async () => {
    fake.ipcRenderer.invocations.length = 0;
    fake.ipcRenderer.invokeResult = { ok: true, value: { product: 'CLETS Workstation' } };
    await expect(api.appInfo!()).resolves.toEqual({ ok: true, value: { product: 'CLETS Workstation' } });
    expect(fake.ipcRenderer.invocations).toEqual([{ channel: 'clets:app.info', args: [{}] }]);
  });

  it('a listener method only accepts a function', () => {
    expect(() => api.onLinkStatus!('link.status')).toThrow(TypeError);
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});

describe('preload listeners', () => {
  it('deliver only their own event', () => {
    const status = vi.fn();
    const unsolicited = vi.fn();
    const offStatus = api.onLinkStatus!(status) as () => void;
    const offUnsolicited = api.onUnsolicited!(unsolicited) as () => void;
    emitEvent('link.status', { state: 'connected' });
    emitEvent('link.unsolicited', { code: 'X' });
    emitEvent('something.else', { secret: true });
    expect(status.mock.calls).toEqual([[{ state: 'connected' }]]);
    expect(unsolicited.mock.calls).toEqual([[{ code: 'X' }]]);
    offStatus();
    offUnsolicited();
  });

  it('pass the payload only, never the IPC event object', () => {
    const listener = vi.fn();
    const off = api.onLinkStatus!(listener) as () => void;
    emitEvent('link.status', { state: 'connected' });
    expect(listener.mock.calls[0]).toHaveLength(1);
    expect(listener.mock.calls[0]![0]).not.toBeInstanceOf(FakeEvent);
    off();
  });

  it('unsubscribe really removes the listener from ipcRenderer', () => {
    const before = fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL);
    const listener = vi.fn();
    const off = api.onLinkStatus!(listener) as () => void;
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before + 1);
    off();
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before);
    emitEvent('link.status', { state: 'connected' });
    expect(listener).not.toHaveBeenCalled();
    off(); // a second call is harmless
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(before);
  });

  it('unsubscribing one listener leaves the others in place, even for the same function', () => {
    const listener = vi.fn();
    const offA = api.onLinkStatus!(listener) as () => void;
    const offB = api.onLinkStatus!(listener) as () => void;
    offA();
    emitEvent('link.status', { n: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
    offB();
    emitEvent('link.status', { n: 2 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.ipcRenderer.listenerCount(IPC_EVENT_CHANNEL)).toBe(0);
  });
});
