// The preview bridge's transport: invoke is a same-origin JSON POST, events arrive over one
// Server-Sent Events stream. Runs in the page (no Node): the same role ipcRenderer plays in Electron.
import type { Transport } from '../../shared/contract/client';
import type { ChannelName, EventName } from '../../shared/contract/names';
import type { Result } from '../../shared/contract/result';

interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface FetchTransportOptions {
  /** Absolute URL of the host's api/ folder, ending in '/'. */
  apiBase: string;
  fetch?: typeof fetch;
  openEvents?: (url: string) => EventSourceLike;
}

/** A Result as the contract defines it; anything else from the wire is a transport failure. */
export function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

export function createFetchTransport(options: FetchTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const openEvents = options.openEvents ?? ((url: string) => new EventSource(url));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSourceLike | null = null;

  function deliver(name: EventName, event: MessageEvent): void {
    let payload: unknown;
    try {
      payload = JSON.parse(String(event.data));
    } catch {
      return;
    }
    for (const listener of [...(listeners.get(name) ?? [])]) listener(payload);
  }

  function ensureListening(name: EventName): void {
    source ??= openEvents(new URL('events', options.apiBase).href);
    if (!listeners.has(name)) {
      listeners.set(name, new Set());
      source.addEventListener(name, (event) => deliver(name, event));
    }
  }

  return {
    async invoke(channel: ChannelName, payload: unknown): Promise<unknown> {
      const response = await doFetch(new URL(`invoke/${encodeURIComponent(channel)}`, options.apiBase).href, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload ?? {}),
        credentials: 'same-origin',
        cache: 'no-store',
        redirect: 'error',
      });
      const type = response.headers.get('content-type') ?? '';
      if (!type.startsWith('application/json')) {
        throw new Error(`The preview host refused the request (HTTP ${response.status}).`);
      }
      const body: unknown = await response.json();
      if (!isResult(body)) throw new Error('The preview host sent a reply outside the contract.');
      return body;
    },
    subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
      ensureListening(name);
      const set = listeners.get(name)!;
      // A fresh closure per subscription, so unsubscribing removes exactly this one (style.md §10).
      const entry = (payload: unknown) => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
  };
}
