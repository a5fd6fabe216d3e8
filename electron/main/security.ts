// App-wide and per-session hardening (checklist items 1, 5, 11–14). Installed before any window
// exists, applied to every webContents Electron creates — ours or not — and to every session.
//
// Electron 45 has no `remote` module to disable (removed in Electron 14) and no `enableRemoteModule`
// preference; the equivalent surface today is the preload, which exposes one frozen object (item 20).
import type { App, Session, WebContents } from 'electron';
import type { Logger } from '../services/log';
import { isAppUrl } from './origin';

/**
 * Requests the renderer may make at all. Everything else (http:, https:, ws:, file:, ftp:, blob:
 * from elsewhere, other app:// hosts) is cancelled before it leaves the session. The CLETS link
 * runs in the main process over Node's TLS and never goes through a renderer session.
 */
export function isAllowedRequestUrl(url: string): boolean {
  if (isAppUrl(url)) return true;
  // Inline images the CSP allows (img-src data:) and the devtools front end in development.
  return url.startsWith('data:') || url.startsWith('devtools:');
}

/** Checklist item 13: only the app origin may be navigated to, in any frame, and redirected to. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

const hardenedSessions = new WeakSet<Session>();

/** Item 5 and item 1 for one session: deny every permission and device, refuse remote loads and downloads. */
export function hardenSession(session: Session, logger?: Logger): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);

  session.setPermissionRequestHandler((_contents, permission, callback) => {
    logger?.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) logger?.warn('request refused', { scheme: details.url.split(':', 1)[0]?.slice(0, 16), resourceType: details.resourceType });
    callback({ cancel: !allowed });
  });

  session.on('will-download', (event) => {
    logger?.warn('download refused');
    event.preventDefault();
  });
}

/** Items 11–14 for one webContents. */
export function hardenWebContents(contents: WebContents, logger?: Logger): void {
  contents.on('will-attach-webview', (event) => {
    logger?.warn('webview refused');
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger?.warn('window.open refused', { allowedOrigin: isAppUrl(url) });
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }, kind: string) => {
    if (isAllowedNavigation(event.url)) return;
    logger?.warn(`${kind} refused`, { scheme: event.url.split(':', 1)[0]?.slice(0, 16) });
    event.preventDefault();
  };
  contents.on('will-navigate', (event) => guard(event, 'navigation'));
  contents.on('will-frame-navigate', (event) => guard(event, 'frame navigation'));
  contents.on('will-redirect', (event) => guard(event, 'redirect'));
}

/** Installs the app-wide handlers. Call before `ready`, before any window is created. */
export function installAppSecurity(app: App, logger?: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, logger);
    hardenSession(contents.session, logger);
  });
  // The renderer never needs a TLS client certificate; never let Chromium pick one on its own.
  app.on('select-client-certificate', (event, _contents, _url, _list, callback) => {
    event.preventDefault();
    callback();
  });
  // Renderer-side certificate errors are never overridden (the default already refuses; said here
  // so that nobody "fixes" it with callback(true)).
  app.on('certificate-error', (event, _contents, _url, _error, _certificate, callback) => {
    event.preventDefault();
    callback(false);
  });
  // Basic-auth prompts from any web content: cancelled.
  app.on('login', (event, _contents, _details, _authInfo, callback) => {
    event.preventDefault();
    callback();
  });
}
