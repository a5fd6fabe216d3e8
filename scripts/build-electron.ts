// npm run build:electron — bundles the Electron main process and the sandboxed preload:
//   electron/main/main.ts       → dist/electron/main.cjs     (Node, CJS; electron and native modules external)
//   electron/preload/preload.ts → dist/electron/preload.cjs  (sandboxed: everything bundled but electron)
// Fails loudly (exit 1) on any build error, on import.meta in a CJS bundle, and when the preload pulls
// in anything beyond the contract files it is allowed to import.
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Message, type Metafile } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist', 'electron');

/**
 * Modules that stay require()d at run time (shipped in the packaged app's node_modules): Electron
 * itself, native add-ons, pg's optional native binding, and PGlite, which loads its .wasm and .data
 * files relative to its own module and so cannot be bundled.
 *
 * electron-store (v12, ES module only) is bundled, not external: esbuild turns it and conf into
 * CommonJS inside main.cjs (test/unit/electron/main-bundle.test.ts proves it loads and runs), and
 * because electron/main/platform.ts reaches it through import(), it is only evaluated when the
 * settings store is opened.
 */
export const MAIN_EXTERNALS = ['electron', 'keytar', 'pg-native', '@electric-sql/pglite', '*.node'];

export const mainBuildOptions: BuildOptions = {
  absWorkingDir: root,
  entryPoints: [path.join(root, 'electron/main/main.ts')],
  outfile: path.join(outDir, 'main.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: MAIN_EXTERNALS,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'silent',
};

// Sandboxed preloads get a small CommonJS shim whose require() knows only `electron` and a few
// polyfills: nothing else may be left as a require. platform 'browser' makes any node:* import fail
// the build instead of failing in the window.
export const preloadBuildOptions: BuildOptions = {
  absWorkingDir: root,
  entryPoints: [path.join(root, 'electron/preload/preload.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  bundle: true,
  platform: 'browser',
  format: 'cjs',
  target: 'es2022',
  external: ['electron'],
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'silent',
};

/** The only source files the preload bundle may contain (relative to the repository root). */
export const PRELOAD_ALLOWED_INPUTS = [
  'electron/preload/preload.ts',
  'shared/contract/names.ts',
  'shared/contract/client.ts',
] as const;

/** Inputs of the preload bundle that are not on the allowlist (empty when the bundle is clean). */
export function unexpectedPreloadInputs(metafile: Metafile): string[] {
  const allowed = new Set<string>(PRELOAD_ALLOWED_INPUTS);
  return Object.keys(metafile.inputs).filter((input) => !allowed.has(input.split(path.sep).join('/')));
}

/** esbuild warnings that mean the bundle would break at run time. */
const FATAL_WARNINGS = new Set(['empty-import-meta']);

function describe(messages: Message[]): string {
  return messages
    .map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}${m.id ? ` [${m.id}]` : ''}`)
    .join('\n');
}

async function bundle(label: string, options: BuildOptions): Promise<Metafile> {
  const result = await build(options);
  const fatal = result.warnings.filter((w) => FATAL_WARNINGS.has(w.id));
  if (fatal.length > 0) throw new Error(`${label}: warnings that break the bundle at run time:\n${describe(fatal)}`);
  if (result.warnings.length > 0) process.stderr.write(`${label}: warnings:\n${describe(result.warnings)}\n`);
  if (!result.metafile) throw new Error(`${label}: esbuild returned no metafile`);
  return result.metafile;
}

export async function buildElectron(): Promise<void> {
  await bundle('main', mainBuildOptions);
  const preloadMeta = await bundle('preload', preloadBuildOptions);
  const extra = unexpectedPreloadInputs(preloadMeta);
  if (extra.length > 0) {
    throw new Error(`preload: bundles files it may not import:\n${extra.map((f) => `  ${f}`).join('\n')}`);
  }
}

function isEntryPoint(): boolean {
  const invoked = process.argv[1];
  if (!invoked) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(invoked)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  buildElectron().then(
    () => process.stdout.write(`Electron main and preload built in ${path.relative(root, outDir)}\n`),
    (error: unknown) => {
      const errors = (error as { errors?: Message[] }).errors;
      process.stderr.write(`build:electron failed\n${errors && errors.length > 0 ? describe(errors) : error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
