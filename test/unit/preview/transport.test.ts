// The bridge's HTTP transport, under the same createApi the Electron preload uses.
import { describe, expect, it } from 'vitest';
import { createApi } from '../../../shared/contract/client';
import { createFetchTransport, isResult } from '../../../electron/preview/transport';

const API_BASE = 'http://127.0.0.1:5000/t/token/api/';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly handlers = new Map<string, ((event: MessageEvent) => void)[]>();
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  fire(type: string, data: string) {
    for (const h of this.handlers.get(type) ?? []) h(new MessageEvent(type, { data }));
  }
}

describe('isResult', () => {
  it.each([
    [{ ok: true, value: 1 }, true],
    [{ ok: false, error: { code: 'X', message: 'm' } }, true],
    [{ ok: true }, false],
    [{ ok: false, error: 'boom' }, false],
    [null, false],
    ['ok', false],
  ])('%j → %s', (value, expected) => expect(isResult(value)).toBe(expected));
});

describe('fetch transport', () => {
  it('POSTs JSON to the channel URL and returns the Result', async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const api = createApi(
      createFetchTransport({
        apiBase: API_BASE,
        fetch: async (url, init) => {
          seen.push({ url: String(url), init });
          return jsonResponse({ ok: true, value: { state: 'connected' } });
        },
      }),
    );
    expect(await api.linkStatus()).toEqual({ ok: true, value: { state: 'connected' } });
    expect(seen[0]?.url).toBe(`${API_BASE}invoke/link.status`);
    expect(seen[0]?.init).toMatchObject({ method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' }, credentials: 'same-origin' });
  });

  it('turns a refusal without a JSON body into a TRANSPORT failure', async () => {
    const api = createApi(createFetchTransport({ apiBase: API_BASE, fetch: async () => new Response('', { status: 403 }) }));
    expect(await api.appInfo()).toEqual({ ok: false, error: { code: 'TRANSPORT', message: 'The preview host refused the request (HTTP 403).' } });
  });

  it('turns a reply outside the contract into a TRANSPORT failure', async () => {
    const api = createApi(createFetchTransport({ apiBase: API_BASE, fetch: async () => jsonResponse({ weird: true }) }));
    expect(await api.appInfo()).toMatchObject({ ok: false, error: { code: 'TRANSPORT' } });
  });

  it('passes a BAD_REQUEST result through as data', async () => {
    const api = createApi(createFetchTransport({ apiBase: API_BASE, fetch: async () => jsonResponse({ ok: false, error: { code: 'BAD_REQUEST', message: 'no' } }, 400) }));
    expect(await api.appInfo()).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'no' } });
  });

  it('opens one event stream, delivers named events, and unsubscribes exactly one listener', () => {
    const api = createApi(createFetchTransport({ apiBase: API_BASE, fetch: async () => jsonResponse({}), openEvents: (url) => new FakeEventSource(url) }));
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = api.onLinkStatus((s) => a.push(s));
    api.onLinkStatus((s) => b.push(s));
    api.onUnsolicited(() => undefined);
    const source = FakeEventSource.last!;
    expect(source.url).toBe(`${API_BASE}events`);
    expect(source.handlers.get('link.status')).toHaveLength(1);

    source.fire('link.status', '{"state":"connected"}');
    offA();
    source.fire('link.status', '{"state":"failed"}');
    source.fire('link.status', 'not json');
    expect(a).toEqual([{ state: 'connected' }]);
    expect(b).toEqual([{ state: 'connected' }, { state: 'failed' }]);
  });

  it('refuses a listener that is not a function', () => {
    const api = createApi(createFetchTransport({ apiBase: API_BASE, openEvents: (url) => new FakeEventSource(url) }));
    expect(() => api.onLinkStatus('x' as never)).toThrow(TypeError);
  });
});
