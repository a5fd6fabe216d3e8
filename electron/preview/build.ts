// Builds what the preview host serves: the renderer (Vite, from vite.config.ts) and the bridge
// (esbuild, from bridge.ts). Tools are imported on use, so importing this file costs nothing.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BRIDGE_FILE } from './requests';

export const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

export const PREVIEW_OUTPUT = {
  rendererDir: path.join(ROOT, 'dist', 'renderer'),
  bridgeFile: path.join(ROOT, 'dist', 'preview', BRIDGE_FILE),
} as const;

export async function buildRenderer(outDir: string = PREVIEW_OUTPUT.rendererDir): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export async function buildBridge(outFile: string = PREVIEW_OUTPUT.bridgeFile): Promise<void> {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'electron', 'preview', 'bridge.ts')],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome130',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
}

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when an output is missing or older than any of its inputs. */
export function isStale(output: string, inputs: readonly string[]): boolean {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((input) => newestMtime(input) > built);
}

const SHARED_INPUTS = [path.join(ROOT, 'shared', 'contract')];
const RENDERER_INPUTS = [path.join(ROOT, 'renderer'), path.join(ROOT, 'vite.config.ts'), path.join(ROOT, 'electron', 'main', 'csp.ts'), ...SHARED_INPUTS];
const BRIDGE_INPUTS = [path.join(ROOT, 'electron', 'preview', 'bridge.ts'), path.join(ROOT, 'electron', 'preview', 'transport.ts'), ...SHARED_INPUTS];

/** Builds the renderer and the bridge into dist/ when their sources changed since the last build. */
export async function buildPreviewIfNeeded(): Promise<{ renderer: boolean; bridge: boolean }> {
  const renderer = isStale(path.join(PREVIEW_OUTPUT.rendererDir, 'index.html'), RENDERER_INPUTS);
  const bridge = isStale(PREVIEW_OUTPUT.bridgeFile, BRIDGE_INPUTS);
  if (renderer) await buildRenderer();
  if (bridge) await buildBridge();
  return { renderer, bridge };
}
