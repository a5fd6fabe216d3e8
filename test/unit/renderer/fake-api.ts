// A window.clets for store tests: the real createApi over a scripted transport.
import { createApi, type Transport } from '../../../shared/contract/client';
import type { EventName } from '../../../shared/contract/names';
import type { LinkStatusView, AppInfo, UnsolicitedView } from '../../../shared/contract/channels';

export const INFO: AppInfo = {
  product: 'CLETS Workstation',
  version: '0.1.0',
  mode: 'training',
  workstation: { id: 'WS-TRAIN-01', ori: 'CA0349999', terminal: 'TRN1' },
};

export function linkStatus(overrides: Partial<LinkStatusView> = {}): LinkStatusView {
  return { state: 'connected', training: true, since: '2026-11-23T12:00:00.000Z', switchName: 'TRAINING', ...overrides };
}

export function unsolicited(overrides: Partial<UnsolicitedView> = {}): UnsolicitedView {
  return { receivedAt: '2026-11-23T12:00:05.000Z', training: true, code: '$.A', meaning: 'Administrative message', text: '$.A ALL TERMINALS TEST', ...overrides };
}

export interface FakeBackend {
  transport: Transport;
  /** Replies for invoke, by channel; a function may return a promise the test resolves later. */
  replies: Map<string, () => Promise<unknown>>;
  emit(event: EventName, payload: unknown): void;
  listenerCount(event: EventName): number;
  calls: string[];
}

export function fakeBackend(): FakeBackend {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const replies = new Map<string, () => Promise<unknown>>([
    ['app.info', async () => ({ ok: true, value: INFO })],
    ['link.status', async () => ({ ok: true, value: linkStatus() })],
  ]);
  const calls: string[] = [];
  const transport: Transport = {
    invoke(channel) {
      calls.push(`invoke ${channel}`);
      const reply = replies.get(channel);
      return reply ? reply() : Promise.reject(new Error('no reply scripted'));
    },
    subscribe(event, listener) {
      calls.push(`subscribe ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    transport,
    replies,
    calls,
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function fakeApi(backend = fakeBackend()) {
  return { backend, api: createApi(backend.transport) };
}

/** A promise and its resolver, to hold a reply until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
