// The production build of the renderer: what Electron and the preview host actually load.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from '../../../electron/main/csp';
import { buildRenderer } from '../../../electron/preview/build';
import { findInlineCode } from '../../../electron/preview/static-files';

let out: string;
let html: string;
let assets: string[];

beforeAll(async () => {
  out = await mkdtemp(path.join(os.tmpdir(), 'renderer-build-'));
  await buildRenderer(out);
  html = await readFile(path.join(out, 'index.html'), 'utf8');
  assets = await readdir(path.join(out, 'assets'));
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

describe('renderer build (vite build)', () => {
  it('has no inline script, style or handler in index.html', () => {
    expect(findInlineCode(html)).toEqual([]);
  });

  it('fills the CSP meta tag from electron/main/csp.ts, less the frame-ancestors a meta tag cannot hold', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; '));
  });

  it('loads hashed assets by relative URL, with no sourcemaps', () => {
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[A-Za-z0-9_-]{8}\.js"><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" crossorigin href="\.\/assets\/index-[A-Za-z0-9_-]{8}\.css">/);
    expect(assets.every((name) => /^[A-Za-z0-9_.-]+-[A-Za-z0-9_-]{8}\.(js|css)$/.test(name))).toBe(true);
    expect(assets.some((name) => name.endsWith('.map'))).toBe(false);
  });

  it('ships code that needs neither eval nor Node', async () => {
    const js = await Promise.all(assets.filter((a) => a.endsWith('.js')).map((a) => readFile(path.join(out, 'assets', a), 'utf8')));
    for (const code of js) {
      expect(code).not.toMatch(/new Function\(|\beval\(/);
      expect(code).not.toMatch(/\brequire\(["'](electron|node:|fs|child_process)/);
      expect(code).not.toMatch(/sourceMappingURL/);
    }
  });
});
