// The sandboxed preload bundle holds only the preload and the zod-free contract files, and leaves
// nothing to require() but `electron` (a sandboxed preload's require knows little else).
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { PRELOAD_ALLOWED_INPUTS, preloadBuildOptions, unexpectedPreloadInputs } from '../../../scripts/build-electron';

describe('preload bundle', () => {
  it('contains only the allowed inputs and requires only electron', async () => {
    const result = await build({ ...preloadBuildOptions, write: false, sourcemap: false });
    expect(result.errors).toEqual([]);
    expect(result.metafile).toBeDefined();
    expect(unexpectedPreloadInputs(result.metafile!)).toEqual([]);
    expect(Object.keys(result.metafile!.inputs).sort()).toEqual([...PRELOAD_ALLOWED_INPUTS].sort());
    const code = result.outputFiles.find((f) => f.path.endsWith('preload.cjs'))!.text;
    const requires = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    expect(code).not.toMatch(/\bzod\b/);
    expect(code).toContain('exposeInMainWorld("clets"');
  });

  it('the allowlist check names a file that should not be there', () => {
    const inputs = { 'electron/preload/preload.ts': {}, 'node_modules/zod/index.js': {}, [path.join('shared', 'contract', 'channels.ts')]: {} };
    expect(unexpectedPreloadInputs({ inputs, outputs: {} } as never)).toEqual(['node_modules/zod/index.js', path.join('shared', 'contract', 'channels.ts')]);
  });
});
