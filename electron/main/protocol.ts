// The app:// protocol: the renderer's only source of content (checklist items 1 and 18; no file://).
// Serves files from the built renderer folder and nothing else: the request path is decoded once,
// refused if it holds anything that could step outside (.., dot files, backslashes, NUL, drive
// colons), then resolved with realpath and refused unless the real file is still under the real root
// (so a symlink pointing out is refused too). Only GET; only known file types; the strict CSP and
// nosniff go out on every response, refusals included.
import fs, { type Stats } from 'node:fs';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import type { Logger } from '../services/log';
import { SECURITY_HEADERS } from './csp';
import { APP_HOST, APP_SCHEME } from './origin';

/**
 * Registered before `ready`. `standard` gives app://clets a real origin (storage, relative URLs),
 * `secure` makes it a secure context; CSP is NOT bypassed and service workers are not allowed.
 */
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    // Vite emits <script type="module" crossorigin>: module scripts load in CORS mode, same origin.
    corsEnabled: true,
    bypassCSP: false,
    allowServiceWorkers: false,
    stream: false,
  },
};

/** The only file types the renderer ships. Anything else is not served. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
});

export type Resolution =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

// The callback forms of fs, looked up at call time: Electron's asar support patches these, so the
// same code reads dist/renderer from a folder in development and from app.asar when packaged.
const realpath = (file: string) => new Promise<string>((resolve, reject) => fs.realpath(file, (e, r) => (e ? reject(e) : resolve(r))));
const stat = (file: string) => new Promise<Stats>((resolve, reject) => fs.stat(file, (e, r) => (e ? reject(e) : resolve(r))));
const readFile = (file: string) => new Promise<Buffer>((resolve, reject) => fs.readFile(file, (e, r) => (e ? reject(e) : resolve(r))));

const refuse = (status: 400 | 403 | 404 | 405, reason: string): Resolution => ({ ok: false, status, reason });

/** Characters a URL path segment may never carry here, once decoded. */
const FORBIDDEN_IN_PATH = /[\u0000-\u001f\u007f\\:*?"<>|]/;

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/** Maps an app:// request to a file under `rootDir`, or says why not. Never throws. */
export async function resolveAppRequest(rootDir: string, method: string, url: string): Promise<Resolution> {
  if (method !== 'GET') return refuse(405, 'method not allowed');

  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refuse(400, 'malformed url');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') {
    return refuse(403, 'not the app origin');
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname === '' ? '/' : parsed.pathname);
  } catch {
    return refuse(400, 'malformed path encoding');
  }
  if (FORBIDDEN_IN_PATH.test(decoded)) return refuse(403, 'forbidden character in path');
  if (decoded.endsWith('/')) decoded += 'index.html';

  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  // Refuses '.', '..' and every dot file (.env, .git) in one rule.
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('.'))) {
    return refuse(403, 'path segment not allowed');
  }
  const contentType = MIME_TYPES[path.extname(segments[segments.length - 1] ?? '').toLowerCase()];
  if (contentType === undefined) return refuse(404, 'file type not served');

  let realRoot: string;
  try {
    realRoot = await realpath(rootDir);
  } catch {
    return refuse(404, 'renderer folder missing');
  }
  const candidate = path.join(realRoot, ...segments);
  if (!isInside(realRoot, candidate)) return refuse(403, 'outside the renderer folder');

  let realFile: string;
  try {
    realFile = await realpath(candidate);
  } catch {
    return refuse(404, 'not found');
  }
  if (!isInside(realRoot, realFile)) return refuse(403, 'resolves outside the renderer folder');

  try {
    const info = await stat(realFile);
    if (!info.isFile()) return refuse(404, 'not a file');
  } catch {
    return refuse(404, 'not found');
  }
  return { ok: true, file: realFile, contentType };
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error' };

function refusal(status: number): Response {
  return new Response(STATUS_TEXT[status] ?? 'Refused', {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export function createAppRequestHandler(rootDir: string, logger?: Logger): (request: Request) => Promise<Response> {
  return async (request) => {
    const resolution = await resolveAppRequest(rootDir, request.method, request.url);
    if (!resolution.ok) {
      logger?.warn('app:// request refused', { status: resolution.status, reason: resolution.reason, url: request.url.slice(0, 200) });
      return refusal(resolution.status);
    }
    try {
      const body = await readFile(resolution.file);
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': resolution.contentType },
      });
    } catch (error) {
      logger?.error('app:// file could not be read', { error });
      return refusal(500);
    }
  };
}

/** Called once the app is ready: app:// requests from the default session are served from `rootDir`. */
export function registerAppProtocol(protocol: Protocol, rootDir: string, logger?: Logger): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, logger));
}
