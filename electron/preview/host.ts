// The preview host: the renderer and the real main-process services, joined over loopback HTTP
// instead of Electron IPC, so the UI can be driven in a real browser. It binds only to loopback,
// serves everything under an unguessable per-run path, checks Host/Origin/Sec-Fetch-Site on every
// request (requests.ts) and hands calls to the same router the Electron IPC layer uses.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fail, type Result } from '../../shared/contract/result';
import { SECURITY_HEADERS } from '../main/csp';
import type { EventHub } from '../services/ipc/events';
import type { Router } from '../services/ipc/router';
import { silentLogger, type Logger } from '../services/log';
import { BRIDGE_FILE, MAX_BODY_BYTES, TOKEN_BYTES, checkRequest, originOf, type HostIdentity } from './requests';
import { loadStaticFiles, type StaticFile } from './static-files';

export interface PreviewServices {
  readonly router: Pick<Router, 'dispatch'>;
  readonly events: Pick<EventHub, 'subscribe'>;
}

export interface PreviewHostOptions {
  services: PreviewServices;
  /** The built renderer (vite build output): index.html and assets/. */
  rendererDir: string;
  /** The built bridge script; defaults to <rendererDir>/../preview/preview-bridge.js. */
  bridgeFile?: string;
  /** A loopback IPv4 address. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  logger?: Logger;
}

export interface PreviewHost {
  /** http://127.0.0.1:<port>/t/<token>/ — the token is the only credential; do not log it. */
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const HEARTBEAT_MS = 15_000;
const MAX_EVENT_STREAMS = 8;

export function defaultBridgeFile(rendererDir: string): string {
  return path.join(rendererDir, '..', 'preview', BRIDGE_FILE);
}

function isLoopbackV4(host: string): boolean {
  return /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(host) && host.split('.').every((part) => Number(part) <= 255);
}

function writeHead(res: ServerResponse, status: number, headers: Record<string, string | number> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
}

function refuse(res: ServerResponse, status: number): void {
  writeHead(res, status, { 'Content-Length': 0, ...(status === 413 ? { Connection: 'close' } : {}) });
  res.end();
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = Buffer.from(JSON.stringify(result), 'utf8');
  writeHead(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
}

/** Reads at most `limit` bytes; null when the body is larger (the caller answers 413). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (error) => {
      if (!done) {
        done = true;
        reject(error);
      }
    });
  });
}

export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackV4(host)) throw new Error(`The preview host binds only to a loopback address (127.x.x.x), not ${host}.`);
  const { services } = options;
  const logger = options.logger ?? silentLogger;
  const files = await loadStaticFiles(options.rendererDir, options.bridgeFile ?? defaultBridgeFile(options.rendererDir));
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const streams = new Set<ServerResponse>();
  let identity: HostIdentity | null = null;

  function serveStatic(res: ServerResponse, file: StaticFile | undefined): void {
    if (file === undefined) return refuse(res, 404);
    writeHead(res, 200, { 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    res.end(file.body);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      refuse(res, 413);
      req.resume();
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(res, 400, fail('BAD_REQUEST', 'The request body is not valid JSON.'));
    }
    let result: Result<unknown>;
    try {
      // The sender is verified: right Host, right token, same origin (checked before we got here).
      result = await services.router.dispatch(channel, payload, { senderVerified: true });
    } catch (error) {
      logger.error('router failed', { channel, error });
      result = fail('INTERNAL', 'The application could not complete the request.');
    }
    sendResult(res, 200, result);
  }

  function openEvents(req: IncomingMessage, res: ServerResponse): void {
    if (streams.size >= MAX_EVENT_STREAMS) return refuse(res, 503);
    writeHead(res, 200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    streams.add(res);
    const unsubscribe = services.events.subscribe((name, payload) => {
      // JSON.stringify escapes newlines, so one data line carries the whole payload.
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', end);
    res.on('close', end);
  }

  const server = createServer((req, res) => {
    if (identity === null) return refuse(res, 503);
    const route = checkRequest(req, identity);
    if (route.kind === 'refuse') {
      logger.debug('refused a request', { status: route.status, reason: route.reason });
      req.resume();
      return refuse(res, route.status);
    }
    switch (route.kind) {
      case 'static':
        return serveStatic(res, files.get(route.file));
      case 'events':
        return openEvents(req, res);
      case 'invoke':
        invoke(req, res, route.channel).catch((error: unknown) => {
          logger.error('invoke failed', { error });
          if (!res.headersSent) sendResult(res, 500, fail('INTERNAL', 'The application could not complete the request.'));
          else res.destroy();
        });
        return;
    }
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 15_000;
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  identity = { host, port, token };
  const origin = originOf(identity);

  let closing: Promise<void> | null = null;
  return {
    url: `${origin}/t/${token}/`,
    origin,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        streams.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
