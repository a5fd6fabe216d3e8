import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findInlineCode, injectBridge, loadStaticFiles } from '../../../electron/preview/static-files';

const BUILT = `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">
    <script type="module" crossorigin src="./assets/index-abc.js"></script>
    <link rel="stylesheet" href="./assets/index-abc.css"></head><body><div id="root"></div></body></html>`;

let dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  dirs = [];
});

async function rendererDir(html = BUILT): Promise<{ dir: string; bridge: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'preview-static-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'assets', 'nested'), { recursive: true });
  await writeFile(path.join(dir, 'index.html'), html);
  await writeFile(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dir, 'assets', 'notes.map'), '{}');
  await writeFile(path.join(dir, 'secret.txt'), 'no');
  const bridge = path.join(dir, 'bridge.js');
  await writeFile(bridge, 'window.clets = 1');
  return { dir, bridge };
}

describe('findInlineCode', () => {
  it('finds nothing in a built page', () => expect(findInlineCode(BUILT)).toEqual([]));
  it.each([
    ['<script>alert(1)</script>', 'inline <script>'],
    ['<style>body{}</style>', '<style> element'],
    ['<div style="color:red"></div>', 'style attribute'],
    ['<img src=x onerror="alert(1)">', 'event-handler attribute'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript: URL'],
  ])('finds %s', (html, what) => expect(findInlineCode(html)).toContain(what));
});

describe('injectBridge', () => {
  it('puts the bridge before the app bundle', () => {
    const html = injectBridge(BUILT);
    expect(html.indexOf('<script src="./preview-bridge.js"></script>')).toBeLessThan(html.indexOf('./assets/index-abc.js'));
  });
  it('refuses a page with no script to put it before', () => {
    expect(() => injectBridge('<html></html>')).toThrow(/no script tag/);
  });
});

describe('loadStaticFiles', () => {
  it('serves only index.html, known asset types and the bridge', async () => {
    const { dir, bridge } = await rendererDir();
    const files = await loadStaticFiles(dir, bridge);
    expect([...files.keys()].sort()).toEqual(['assets/index-abc.css', 'assets/index-abc.js', 'index.html', 'preview-bridge.js']);
    expect(files.get('assets/index-abc.js')?.contentType).toBe('text/javascript; charset=utf-8');
    expect(files.get('index.html')?.body.toString()).toContain('preview-bridge.js');
  });

  it('refuses a build with inline code the CSP forbids', async () => {
    const { dir, bridge } = await rendererDir(BUILT.replace('</head>', '<script>window.x=1</script></head>'));
    await expect(loadStaticFiles(dir, bridge)).rejects.toThrow(/inline code the CSP forbids/);
  });

  it('explains a missing build in one sentence', async () => {
    const { dir } = await rendererDir();
    await expect(loadStaticFiles(path.join(dir, 'nope'), path.join(dir, 'bridge.js'))).rejects.toThrow(/The renderer build is missing .*build it first/);
    await expect(loadStaticFiles(dir, path.join(dir, 'nope.js'))).rejects.toThrow(/The preview bridge is missing/);
  });
});
