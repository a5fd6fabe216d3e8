// The preview host over real loopback HTTP, with the real router and event hub (fake handlers).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkStatusView } from '../../../shared/contract/channels';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';
import { startPreviewHost, type PreviewHost } from '../../../electron/preview/host';
import { MAX_BODY_BYTES } from '../../../electron/preview/requests';
import { noSession } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import { createRouter } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { stubHandlers } from '../ipc/stub-handlers';
import { rawRequest } from '../../support/http';

const STATUS: LinkStatusView = { state: 'connected', training: true, since: '2026-11-23T12:00:00.000Z' };
const INFO = { product: 'CLETS Workstation', version: '0.1.0', mode: 'training', workstation: { id: 'WS-1', ori: 'CA0349999', terminal: 'TRN1' } } as const;

let dir: string;
let host: PreviewHost;
const events = createEventHub({ session: noSession, logger: silentLogger });
const router = createRouter({
  session: noSession,
  logger: silentLogger,
  handlers: stubHandlers({
    'app.info': () => INFO,
    'link.status': () => {
      throw new Error('secret stack detail at /home/x/y.ts:12');
    },
  }),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'preview-host-'));
  await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
  await mkdir(path.join(dir, 'preview'), { recursive: true });
  await writeFile(
    path.join(dir, 'renderer', 'index.html'),
    '<!doctype html><html><head><script type="module" src="./assets/app-1.js"></script></head><body></body></html>',
  );
  await writeFile(path.join(dir, 'renderer', 'assets', 'app-1.js'), 'export {}');
  await writeFile(path.join(dir, 'preview', 'preview-bridge.js'), '/* bridge */');
  host = await startPreviewHost({ services: { router, events }, rendererDir: path.join(dir, 'renderer'), host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

const post = (channel: string, body: string, headers: Record<string, string> = {}) =>
  rawRequest(`${host.url}api/invoke/${channel}`, {
    method: 'POST',
    headers: { origin: host.origin, 'content-type': 'application/json', ...headers },
    body,
  });

describe('preview host', () => {
  it('listens on loopback under a 256-bit token path', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/t\/[A-Za-z0-9_-]{43}\/$/);
  });

  it('refuses to bind anywhere but loopback', async () => {
    await expect(startPreviewHost({ services: { router, events }, rendererDir: path.join(dir, 'renderer'), host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });

  it('serves the page with the bridge injected and the security headers', async () => {
    const res = await rawRequest(host.url);
    expect(res.status).toBe(200);
    expect(res.body).toMatch(/<script src="\.\/preview-bridge\.js"><\/script>\s*<script type="module"/);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('sends the same headers, and no body, with a refusal', async () => {
    const res = await rawRequest(`${host.origin}/`);
    expect(res.status).toBe(404);
    expect(res.body).toBe('');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses a wrong token and a missing asset alike', async () => {
    expect((await rawRequest(host.url.replace(/\/t\/[^/]+\//, `/t/${'x'.repeat(43)}/`))).status).toBe(404);
    expect((await rawRequest(`${host.url}assets/none.js`)).status).toBe(404);
  });

  it('refuses a rebinding Host header', async () => {
    const res = await rawRequest(host.url, { headers: { host: 'attacker.example' } });
    expect(res.status).toBe(403);
    expect(res.body).toBe('');
  });

  it('dispatches a call to the router and returns its Result', async () => {
    const res = await post('app.info', '{}');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: INFO });
  });

  it('returns the router refusal for an unknown channel', async () => {
    expect(JSON.parse((await post('session.debug', '{}')).body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('returns a schema refusal for a payload outside the contract', async () => {
    expect(JSON.parse((await post('app.info', '{"x":1}')).body)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('answers bad JSON with BAD_REQUEST', async () => {
    const res = await post('app.info', '{"unterminated');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' } });
  });

  it('never returns a stack trace or internal detail', async () => {
    const res = await post('link.status', '{}');
    expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'The application could not complete the request.' } });
    expect(res.body).not.toMatch(/secret|\.ts|at /);
  });

  it('refuses a call without the page origin or with the wrong type', async () => {
    expect((await rawRequest(`${host.url}api/invoke/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(403);
    expect((await post('app.info', '{}', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('app.info', '{}', { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('refuses a body over the cap, declared or streamed', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await post('app.info', big)).status).toBe(413);
    expect((await post('app.info', big, { 'transfer-encoding': 'chunked' })).status).toBe(413);
  });

  it('forwards events as Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}api/events`, { signal: controller.signal, headers: { 'sec-fetch-site': 'same-origin' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    // The first chunk (retry:) shows the stream is subscribed; then emit and read until the event arrives.
    text += decoder.decode((await reader.read()).value);
    events.emit('link.status', STATUS);
    while (!text.includes('event: link.status')) text += decoder.decode((await reader.read()).value);
    while (!text.endsWith('\n\n')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain(`event: link.status\ndata: ${JSON.stringify(STATUS)}\n\n`);
    controller.abort();
  });
});
