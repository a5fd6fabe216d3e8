// electron-store is an ES module (v12) and the main process is one CommonJS bundle: esbuild must
// carry it (and conf, ajv, atomically) into dist/electron/main.cjs, leaving only the declared
// externals to require() at run time. Then the bundled backend is run for real, in a fresh Node
// process with a stand-in `electron` package: it loads, writes, reads, reports a damaged file, leaves
// no IPC listener and no signal hook behind (electron-store's when-exit would otherwise re-raise
// SIGTERM and kill the app before its services close).
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_EXTERNALS, mainBuildOptions } from '../../../scripts/build-electron';

const repo = path.resolve(__dirname, '../../..');

describe('main bundle', () => {
  it('bundles electron-store and its dependencies; requires only the externals and Node built-ins', async () => {
    const result = await build({ ...mainBuildOptions, write: false, sourcemap: false });
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.id === 'empty-import-meta')).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs).map((input) => input.split(path.sep).join('/'));
    expect(inputs).toContain('node_modules/electron-store/index.js');
    expect(inputs.some((input) => input.startsWith('node_modules/conf/'))).toBe(true);
    expect(inputs).toContain('electron/main/platform.ts');

    // What esbuild left to require() at run time (its metafile, not a text search: ajv carries
    // require("...") inside the code templates it generates, which never run here).
    const output = Object.entries(result.metafile!.outputs).find(([file]) => file.endsWith('main.cjs'))![1];
    const required = new Set(output.imports.filter((i) => i.external).map((i) => i.path));
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    const allowed = (name: string) => builtins.has(name) || MAIN_EXTERNALS.includes(name) || name.endsWith('.node');
    expect([...required].filter((name) => !allowed(name))).toEqual([]);
    expect(required.has('electron-store')).toBe(false);
  });
});

describe('the bundled settings backend, run in a fresh Node process', () => {
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'clets-main-bundle-'));
    // A stand-in for Electron's built-in module: only what platform.ts and electron-store touch.
    mkdirSync(path.join(dir, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(
      path.join(dir, 'node_modules', 'electron', 'index.js'),
      `const { EventEmitter } = require('node:events');
module.exports = {
  app: Object.assign(new EventEmitter(), {
    getPath: (name) => ${JSON.stringify(dir)} + '/' + name,
    getVersion: () => '0.1.0',
    // The main bundle's first call: answering false makes it quit at once, after loading everything.
    requestSingleInstanceLock: () => false,
    quit() { process.stdout.write('quit;'); },
  }),
  ipcMain: new EventEmitter(),
  powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleTime: () => 7 }),
  clipboard: { text: '', writeText(t) { return new Promise((r) => setImmediate(() => { this.text = t; r(); })); }, readText() { return Promise.resolve(this.text); }, clear() { this.text = ''; } },
  shell: {},
};
`,
    );
    await build({
      ...mainBuildOptions,
      entryPoints: [path.join(repo, 'electron/main/platform.ts')],
      outfile: path.join(dir, 'platform.cjs'),
      sourcemap: false,
      metafile: false,
    });
    await build({ ...mainBuildOptions, outfile: path.join(dir, 'main.cjs'), sourcemap: false, metafile: false });
  });

  it('the whole main bundle loads without hooking any signal (electron-store loads only when opened)', () => {
    const script = `
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];
const count = () => signals.map((s) => process.listenerCount(s)).join(',');
const before = count();
require('./main.cjs');
process.stdout.write(JSON.stringify({ before, after: count() }));
`;
    // The externals (pg, PGlite, ...) resolve from the repository's node_modules.
    const run = spawnSync(process.execPath, ['-e', script], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NODE_PATH: path.join(repo, 'node_modules'), CLETS_LOG_LEVEL: 'error' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.startsWith('quit;')).toBe(true);
    expect(JSON.parse(run.stdout.slice('quit;'.length))).toEqual({ before: '0,0,0,0,0', after: '0,0,0,0,0' });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads, round-trips, reports a damaged file and leaves no hooks', () => {
    const script = `
const fs = require('node:fs');
const path = require('node:path');
const electron = require('electron');
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];
const count = () => Object.fromEntries(signals.map((s) => [s, process.listenerCount(s)]));
(async () => {
  const before = count();
  const platform = require('./platform.cjs');
  const cwd = path.join(${JSON.stringify(dir)}, 'data');
  const backend = await platform.electronStoreSettingsBackend({ cwd });
  const empty = backend.read();
  backend.write({ idleTimeoutMinutes: 10, lockoutRule: 'cjis-5.9.4' });
  const back = backend.read();
  fs.writeFileSync(backend.location, '{"broken": ');
  let corrupt = null;
  try { backend.read(); } catch (error) { corrupt = { code: error.code, message: error.message, location: error.location }; }
  const left = fs.readFileSync(backend.location, 'utf8');
  const clipboard = platform.electronClipboard();
  clipboard.writeText('x');
  clipboard.clear();
  await clipboard.flush();
  process.stdout.write(JSON.stringify({
    before, after: count(), empty: empty === undefined, back, corrupt, left,
    location: backend.location, ipc: electron.ipcMain.eventNames(),
    idleMs: platform.electronIdleSource().systemIdleMs(), clipboardText: electron.clipboard.text,
  }));
})().catch((error) => { process.stderr.write(String(error && error.stack || error)); process.exit(1); });
`;
    const run = spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(out.after).toEqual(out.before);
    expect(out.empty).toBe(true);
    expect(out.back).toEqual({ idleTimeoutMinutes: 10, lockoutRule: 'cjis-5.9.4' });
    expect(out.location).toBe(path.join(dir, 'data', 'workstation-settings.json'));
    expect(out.corrupt).toEqual({ code: 'SETTINGS_CORRUPT', message: 'it is not valid JSON', location: out.location });
    expect(out.left).toBe('{"broken": ');
    expect(out.ipc).toEqual([]);
    expect(out.idleMs).toBe(7_000);
    expect(out.clipboardText).toBe('');
  });
});
