import { describe, expect, it } from 'vitest';
import { createAppStore, startAppStore } from '../../../renderer/src/state/store';
import { deferred, fakeApi, linkStatus } from './fake-api';

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('link slice', () => {
  it('starts with no status and takes the one read at start', async () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    expect(store.getState().link.status).toBeNull();
    await store.getState().loadLinkStatus();
    expect(store.getState().link.status).toEqual(linkStatus());
  });

  it('applies link.status events as they arrive', () => {
    const { api, backend } = fakeApi();
    const store = createAppStore(api);
    startAppStore(store, api);
    backend.emit('link.status', linkStatus({ state: 'reconnecting', since: '2026-11-23T12:01:00.000Z', nextAttemptAt: '2026-11-23T12:01:05.000Z' }));
    expect(store.getState().link.status?.state).toBe('reconnecting');
    expect(store.getState().link.status?.nextAttemptAt).toBe('2026-11-23T12:01:05.000Z');
  });

  it('keeps a newer event when the initial read answers late', async () => {
    const { api, backend } = fakeApi();
    const late = deferred<unknown>();
    backend.replies.set('link.status', () => late.promise);
    const store = createAppStore(api);
    startAppStore(store, api);
    backend.emit('link.status', linkStatus({ state: 'connected', since: '2026-11-23T12:00:10.000Z' }));
    late.resolve({ ok: true, value: linkStatus({ state: 'connecting', since: '2026-11-23T12:00:00.000Z' }) });
    await flush();
    expect(store.getState().link.status?.state).toBe('connected');
  });

  it('ignores a payload that is not a link status', () => {
    const { api, backend } = fakeApi();
    const store = createAppStore(api);
    startAppStore(store, api);
    backend.emit('link.status', { state: 'pwned', training: 'yes' });
    backend.emit('link.status', null);
    expect(store.getState().link.status).toBeNull();
  });

  it('records why the status could not be read, without inventing one', async () => {
    const { api, backend } = fakeApi();
    backend.replies.set('link.status', async () => ({ ok: false, error: { code: 'INTERNAL', message: 'The application could not complete the request.' } }));
    const store = createAppStore(api);
    await store.getState().loadLinkStatus();
    expect(store.getState().link).toEqual({ status: null, loadError: { code: 'INTERNAL', message: 'The application could not complete the request.' } });
  });

  it('turns a transport failure into a load error, not an exception', async () => {
    const { api, backend } = fakeApi();
    backend.replies.set('link.status', () => Promise.reject(new Error('socket closed')));
    const store = createAppStore(api);
    await store.getState().loadLinkStatus();
    expect(store.getState().link.loadError?.code).toBe('TRANSPORT');
  });

  it('subscribes before it reads, and stop() removes every listener', () => {
    const { api, backend } = fakeApi();
    const store = createAppStore(api);
    const stop = startAppStore(store, api);
    const firstInvoke = backend.calls.findIndex((c) => c.startsWith('invoke'));
    const lastSubscribe = backend.calls.map((c) => c.startsWith('subscribe')).lastIndexOf(true);
    expect(lastSubscribe).toBeLessThan(firstInvoke);
    expect(backend.listenerCount('link.status')).toBe(1);
    expect(backend.listenerCount('link.unsolicited')).toBe(1);
    stop();
    expect(backend.listenerCount('link.status')).toBe(0);
    expect(backend.listenerCount('link.unsolicited')).toBe(0);
  });
});

describe('info slice', () => {
  it('loads the workstation identity', async () => {
    const { api } = fakeApi();
    const store = createAppStore(api);
    await store.getState().loadInfo();
    expect(store.getState().info.value?.workstation.ori).toBe('CA0349999');
  });

  it('keeps the error when the identity cannot be read', async () => {
    const { api, backend } = fakeApi();
    backend.replies.set('app.info', async () => ({ ok: false, error: { code: 'INTERNAL', message: 'nope' } }));
    const store = createAppStore(api);
    await store.getState().loadInfo();
    expect(store.getState().info).toEqual({ value: null, loadError: { code: 'INTERNAL', message: 'nope' } });
  });
});
