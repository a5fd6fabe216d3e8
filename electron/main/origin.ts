// The one origin the renderer is served from. Everything else (http:, https:, file:, other hosts)
// is foreign: navigation to it is prevented and IPC from it is refused.
// No `electron` import: this file is shared by the main-process modules and their tests.

export const APP_SCHEME = 'app';
export const APP_HOST = 'clets';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True only for `app://clets/...`: no other host, no port, no user info. Node's URL parser treats
 * `app:` as a non-special scheme (its `origin` is "null"), so the parts are compared one by one.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
