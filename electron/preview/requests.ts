// Which requests the preview host answers, decided from the request line and headers alone (pure,
// so every refusal is unit-tested). The host is reachable by any local process and any web page
// the machine's browser opens, so a request must prove all of:
//   - it was addressed to this loopback host:port by that name (Host header: no DNS rebinding);
//   - it knows the random per-run token (every path lives under /t/<token>/);
//   - for API calls, it came from this origin (Origin, Sec-Fetch-Site) and is JSON.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface HostIdentity {
  /** The loopback address the server is bound to, e.g. 127.0.0.1. */
  host: string;
  port: number;
  token: string;
}

export type Route =
  | { kind: 'static'; file: string }
  | { kind: 'invoke'; channel: string }
  | { kind: 'events' };

/** Refusals carry only a status code: the body is always empty, whatever the reason. */
export interface Refusal {
  kind: 'refuse';
  status: 403 | 404 | 405 | 413 | 415;
  /** For the host's debug log only; never sent. */
  reason: string;
}

export interface RequestHead {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}

export const MAX_BODY_BYTES = 64 * 1024;
export const BRIDGE_FILE = 'preview-bridge.js';

/** The token is 256 random bits, base64url: 43 characters. */
export const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const PATH_PATTERN = /^\/t\/([A-Za-z0-9_-]{1,64})\/(.*)$/;
const ASSET_PATTERN = /^assets\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const CHANNEL_PATTERN = /^[a-z][A-Za-z0-9.-]{0,63}$/;

export function isToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function originOf(id: Pick<HostIdentity, 'host' | 'port'>): string {
  return `http://${id.host}:${id.port}`;
}

function refuse(status: Refusal['status'], reason: string): Refusal {
  return { kind: 'refuse', status, reason };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function isJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [type, ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => p === '' || p === 'charset=utf-8');
}

/** The route a request asks for, or why it is refused. Body size is checked again while reading. */
export function checkRequest(req: RequestHead, id: HostIdentity): Route | Refusal {
  const hostHeader = single(req.headers.host);
  if (hostHeader === undefined || hostHeader.toLowerCase() !== `${id.host}:${id.port}`) return refuse(403, 'host header');

  // Browsers set Sec-Fetch-Site and pages cannot forge it: nothing cross-site gets in, token or not.
  const site = single(req.headers['sec-fetch-site']);
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(403, 'cross-site request');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== originOf(id)) return refuse(403, 'foreign origin');

  const url = req.url ?? '';
  const match = PATH_PATTERN.exec(url);
  if (match === null) return refuse(404, 'outside the token path');
  const [, token = '', rest = ''] = match;
  if (!sameToken(token, id.token)) return refuse(404, 'wrong token');

  const method = req.method ?? '';
  if (rest === 'api/events') {
    if (method !== 'GET') return refuse(405, 'events need GET');
    if (site === 'none') return refuse(403, 'events opened outside the page');
    return { kind: 'events' };
  }
  if (rest.startsWith('api/invoke/')) {
    const channel = rest.slice('api/invoke/'.length);
    if (!CHANNEL_PATTERN.test(channel)) return refuse(404, 'malformed channel');
    if (method !== 'POST') return refuse(405, 'invoke needs POST');
    // A POST must name its origin: a request that hides it cannot prove it came from the page.
    if (origin !== originOf(id)) return refuse(403, 'missing origin');
    if (site === 'none') return refuse(403, 'invoke from outside the page');
    if (!isJson(single(req.headers['content-type']))) return refuse(415, 'not JSON');
    const length = single(req.headers['content-length']);
    if (length !== undefined && !(/^\d+$/.test(length) && Number(length) <= MAX_BODY_BYTES)) return refuse(413, 'body too large');
    return { kind: 'invoke', channel };
  }

  let file: string;
  if (rest === '' || rest === 'index.html') file = 'index.html';
  else if (rest === BRIDGE_FILE || ASSET_PATTERN.test(rest)) file = rest;
  else return refuse(404, 'unknown path');
  if (rest.includes('..')) return refuse(404, 'dot segments');
  if (method !== 'GET') return refuse(405, 'static files need GET');
  return { kind: 'static', file };
}
