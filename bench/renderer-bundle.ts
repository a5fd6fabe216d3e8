// renderer_bundle_gzip_kb: the production renderer (Vite build of renderer/, as the app ships it), every
// JavaScript and CSS file gzipped at level 9, summed, in KiB. Target ≤ 300 (issue #5).
// react_baseline_gzip_kb: in the same run, the smallest React app (react + react-dom/client rendering one
// element) bundled and minified by esbuild the same way — the floor any React renderer pays.
// renderer_bundle_ratio = renderer / baseline: how much the app adds on top of React itself.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildRenderer, ROOT } from '../electron/preview/build';
import { round } from './lib/stats';
import type { Benchmark } from './lib/types';

function gzipKiB(files: readonly string[]): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
  return bytes / 1024;
}

function assetsOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out.push(...assetsOf(full));
    else if (/\.(js|mjs|css)$/.test(entry)) out.push(full);
  }
  return out;
}

async function reactBaseline(dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'baseline.tsx');
  writeFileSync(
    entry,
    `import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<p>CLETS</p>);\n`,
  );
  const outfile = path.join(dir, 'baseline.js');
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: true,
    format: 'esm',
    jsx: 'automatic',
    target: 'chrome130',
    define: { 'process.env.NODE_ENV': '"production"' },
    nodePaths: [path.join(ROOT, 'node_modules')],
    logLevel: 'silent',
  });
  return outfile;
}

export const rendererBundle: Benchmark = {
  name: 'renderer_bundle',
  description: 'production renderer JS+CSS gzipped, vs a one-element React app bundled the same way',
  budgetMs: 90_000,
  async run(ctx) {
    const dir = path.join(ctx.workDir, `renderer-bundle-${process.pid}`);
    try {
      await buildRenderer(path.join(dir, 'renderer'));
      const files = assetsOf(path.join(dir, 'renderer'));
      if (files.length === 0) throw new Error('the renderer build wrote no JS or CSS');
      const app = gzipKiB(files);
      const baseline = gzipKiB([await reactBaseline(path.join(dir, 'baseline'))]);
      ctx.log(`renderer: ${files.length} files, ${app.toFixed(1)} KiB gzipped; React alone: ${baseline.toFixed(1)} KiB`);
      return {
        renderer_bundle_gzip_kb: round(app, 1),
        react_baseline_gzip_kb: round(baseline, 1),
        renderer_bundle_ratio: round(app / baseline, 2),
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
