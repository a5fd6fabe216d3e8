// Every way a request to the preview host is refused, decided before any service sees it.
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, checkRequest, type HostIdentity, type RequestHead } from '../../../electron/preview/requests';

const id: HostIdentity = { host: '127.0.0.1', port: 41234, token: 'A'.repeat(22) + 'b-_'.repeat(7) };
const base = `/t/${id.token}/`;
const origin = 'http://127.0.0.1:41234';

function get(url: string, headers: RequestHead['headers'] = {}): RequestHead {
  return { method: 'GET', url, headers: { host: '127.0.0.1:41234', ...headers } };
}

function post(url: string, headers: RequestHead['headers'] = {}): RequestHead {
  return {
    method: 'POST',
    url,
    headers: { host: '127.0.0.1:41234', origin, 'content-type': 'application/json', 'content-length': '2', 'sec-fetch-site': 'same-origin', ...headers },
  };
}

const status = (req: RequestHead) => {
  const route = checkRequest(req, id);
  return route.kind === 'refuse' ? route.status : route.kind;
};

describe('preview host request checks', () => {
  it('uses a 43-character token', () => expect(id.token).toHaveLength(43));

  it('serves the page, the bridge and assets under the token', () => {
    expect(checkRequest(get(base), id)).toEqual({ kind: 'static', file: 'index.html' });
    expect(checkRequest(get(`${base}index.html`), id)).toEqual({ kind: 'static', file: 'index.html' });
    expect(checkRequest(get(`${base}preview-bridge.js`), id)).toEqual({ kind: 'static', file: 'preview-bridge.js' });
    expect(checkRequest(get(`${base}assets/index-BneIWQQ8.js`), id)).toEqual({ kind: 'static', file: 'assets/index-BneIWQQ8.js' });
    expect(checkRequest(get(`${base}api/events`, { 'sec-fetch-site': 'same-origin' }), id)).toEqual({ kind: 'events' });
    expect(checkRequest(post(`${base}api/invoke/link.status`), id)).toEqual({ kind: 'invoke', channel: 'link.status' });
  });

  describe('DNS rebinding: the Host header must be this loopback host:port', () => {
    it.each([
      ['a rebinding name', 'evil.example:41234'],
      ['localhost by name', 'localhost:41234'],
      ['another port', '127.0.0.1:80'],
      ['no port', '127.0.0.1'],
    ])('refuses %s', (_what, host) => {
      expect(status(get(base, { host }))).toBe(403);
      expect(status(post(`${base}api/invoke/app.info`, { host }))).toBe(403);
    });

    it('refuses a request without a Host header', () => {
      expect(status({ method: 'GET', url: base, headers: {} })).toBe(403);
    });
  });

  describe('the token', () => {
    it.each([
      ['no token', '/'],
      ['the bare prefix', '/t/'],
      ['a wrong token', `/t/${'B'.repeat(43)}/`],
      ['a prefix of the token', `/t/${id.token.slice(0, 42)}/`],
      ['the token without the trailing slash', `/t/${id.token}`],
      ['the favicon', '/favicon.ico'],
    ])('answers 404 to %s', (_what, url) => {
      expect(status(get(url))).toBe(404);
    });
  });

  describe('paths under the token', () => {
    it.each([
      ['a traversal', 'assets/../../../etc/passwd'],
      ['an encoded traversal', 'assets/%2e%2e/%2e%2e/package.json'],
      ['a nested asset folder', 'assets/x/y.js'],
      ['a source file', 'src/main.tsx'],
      ['a query string', 'index.html?x=1'],
      ['a backslash', 'assets\\index.js'],
      ['an unknown API', 'api/debug'],
      ['a malformed channel', 'api/invoke/../../x'],
    ])('answers 404 to %s', (_what, rest) => {
      expect(status(get(base + rest))).toBe(404);
    });
  });

  describe('API calls', () => {
    it('refuse a call without an Origin', () => {
      expect(status(post(`${base}api/invoke/app.info`, { origin: undefined }))).toBe(403);
    });

    it.each(['http://evil.example', 'http://localhost:41234', 'http://127.0.0.1:41235', 'null'])('refuse Origin %s', (bad) => {
      expect(status(post(`${base}api/invoke/app.info`, { origin: bad }))).toBe(403);
      expect(status(get(`${base}api/events`, { origin: bad }))).toBe(403);
    });

    it.each(['cross-site', 'same-site'])('refuse Sec-Fetch-Site: %s (a page on another origin, even with the token)', (site) => {
      expect(status(post(`${base}api/invoke/app.info`, { 'sec-fetch-site': site }))).toBe(403);
      expect(status(get(base, { 'sec-fetch-site': site }))).toBe(403);
    });

    it('refuse API calls typed into the address bar (Sec-Fetch-Site: none)', () => {
      expect(status(get(`${base}api/events`, { 'sec-fetch-site': 'none' }))).toBe(403);
    });

    it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'])(
      'refuse Content-Type %s',
      (type) => {
        expect(status(post(`${base}api/invoke/app.info`, { 'content-type': type }))).toBe(415);
      },
    );

    it('accept application/json with a UTF-8 charset', () => {
      expect(status(post(`${base}api/invoke/app.info`, { 'content-type': 'application/json; charset=UTF-8' }))).toBe('invoke');
    });

    it('refuse a declared body over the cap', () => {
      expect(status(post(`${base}api/invoke/app.info`, { 'content-length': String(MAX_BODY_BYTES + 1) }))).toBe(413);
      expect(status(post(`${base}api/invoke/app.info`, { 'content-length': String(MAX_BODY_BYTES) }))).toBe('invoke');
    });

    it('need POST for invoke and GET for everything else', () => {
      expect(status(get(`${base}api/invoke/app.info`))).toBe(405);
      expect(status(post(`${base}api/events`))).toBe(405);
      expect(status(post(base))).toBe(405);
      expect(status({ ...get(base), method: 'PUT' })).toBe(405);
    });
  });
});
