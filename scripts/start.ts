// npm start — builds the renderer and the Electron bundles, then runs the desktop app in training mode.
// When the Electron runtime is not on this machine it says so in one line and exits 1.
//
// The runtime is located without require('electron'): that call tries to download the binary when
// it is missing and prints a network stack trace on failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const ELECTRON_MISSING_MESSAGE =
  'Electron runtime is not installed on this machine (its download is blocked or was skipped): ' +
  'run "npm run electron:fetch" where it can be downloaded, or use "npm run preview" to run the app in Chromium.';

function packageDir(): string | null {
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Electron executable the `electron` npm package points at, or null when it is not installed.
 * Mirrors node_modules/electron/index.js (path.txt, dist/, ELECTRON_OVERRIDE_DIST_PATH) without
 * its download-on-demand side effect.
 */
export function findElectronBinary(options: { electronDir?: string | null; env?: NodeJS.ProcessEnv } = {}): string | null {
  const dir = options.electronDir === undefined ? packageDir() : options.electronDir;
  const env = options.env ?? process.env;
  if (!dir) return null;
  const pathFile = path.join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH?.trim();
  if (override) {
    const candidate = path.join(override, relative || 'electron');
    return isFile(candidate) ? candidate : null;
  }
  if (!relative) return null;
  const candidate = path.join(dir, 'dist', relative);
  return isFile(candidate) ? candidate : null;
}

/** The environment Electron runs with: the caller's, CLETS_DATA_DIR included, minus Node-only switches. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const next: NodeJS.ProcessEnv = { ...env };
  delete next.ELECTRON_RUN_AS_NODE;
  delete next.NODE_OPTIONS;
  return next;
}

function runScript(script: string): void {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write(`npm start: "npm run ${script}" failed; the app was not started.\n`);
    process.exit(result.status ?? 1);
  }
}

function main(): void {
  const binary = findElectronBinary();
  if (!binary) {
    process.stderr.write(`${ELECTRON_MISSING_MESSAGE}\n`);
    process.exit(1);
  }
  runScript('build:renderer');
  runScript('build:electron');

  const dataDir = process.env.CLETS_DATA_DIR?.trim();
  process.stdout.write(`Starting CLETS Workstation in training mode${dataDir ? ` (data folder: ${dataDir})` : ''}\n`);
  const child = spawn(binary, [path.join(root, 'dist', 'electron', 'main.cjs')], {
    cwd: root,
    stdio: 'inherit',
    env: electronEnv(process.env),
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  child.on('error', (error) => {
    process.stderr.write(`npm start: Electron could not be started: ${error.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
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

if (isEntryPoint()) main();
