// The files the preview host serves: the built renderer (index.html and assets/) and the preview
// bridge, read once at start into memory. Only names in this table can ever be served, so no request
// path reaches the file system.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { BRIDGE_FILE } from './requests';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[path.extname(file).toLowerCase()];
}

/**
 * Checks the built index.html holds nothing the CSP would have to allow: no inline script, no
 * style element, no style attribute, no event-handler attribute. Returns what was found.
 */
export function findInlineCode(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (!/\ssrc\s*=/i.test(tag)) found.push('inline <script>');
  }
  if (/<script\b[^>]*>[^<]+<\/script>/i.test(html)) found.push('script element with a body');
  if (/<style\b/i.test(html)) found.push('<style> element');
  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) found.push('style attribute');
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(html)) found.push('event-handler attribute');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

/** Puts the bridge's script tag before the app's first script, so window.clets exists when it runs. */
export function injectBridge(html: string): string {
  const at = html.search(/<script\b/i);
  if (at === -1) throw new Error('The renderer index.html has no script tag: build it with `vite build`.');
  return `${html.slice(0, at)}<script src="./${BRIDGE_FILE}"></script>\n    ${html.slice(at)}`;
}

async function readOrExplain(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${what} is missing (${file}): build it first.` : `${what} could not be read (${file}).`);
  }
}

export async function loadStaticFiles(rendererDir: string, bridgeFile: string): Promise<Map<string, StaticFile>> {
  const files = new Map<string, StaticFile>();
  const html = (await readOrExplain(path.join(rendererDir, 'index.html'), 'The renderer build')).toString('utf8');
  const inline = findInlineCode(html);
  if (inline.length > 0) throw new Error(`The renderer index.html has inline code the CSP forbids: ${inline.join(', ')}.`);
  files.set('index.html', { body: Buffer.from(injectBridge(html), 'utf8'), contentType: CONTENT_TYPES['.html']! });

  let assets: string[] = [];
  try {
    const entries = await readdir(path.join(rendererDir, 'assets'), { withFileTypes: true });
    assets = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  } catch {
    // A renderer without assets is unusual but not wrong.
  }
  for (const name of assets) {
    const contentType = contentTypeOf(name);
    if (contentType === undefined) continue;
    files.set(`assets/${name}`, { body: await readFile(path.join(rendererDir, 'assets', name)), contentType });
  }

  files.set(BRIDGE_FILE, { body: await readOrExplain(bridgeFile, 'The preview bridge'), contentType: CONTENT_TYPES['.js']! });
  return files;
}
