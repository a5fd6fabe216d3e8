// npm start: finds the Electron runtime without triggering a download, and when it is missing says
// so in one line and exits 1, with no stack trace.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ELECTRON_MISSING_MESSAGE, electronEnv, findElectronBinary } from '../../../scripts/start';

const repo = path.resolve(__dirname, '../../..');

function fakeElectronPackage(withBinary: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'clets-electron-pkg-'));
  writeFileSync(path.join(dir, 'path.txt'), 'electron');
  if (withBinary) {
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(path.join(dir, 'dist', 'electron'), 0o755);
  }
  return dir;
}

describe('findElectronBinary', () => {
  it('returns the binary when path.txt and dist/ are present', () => {
    const dir = fakeElectronPackage(true);
    expect(findElectronBinary({ electronDir: dir, env: {} })).toBe(path.join(dir, 'dist', 'electron'));
  });

  it('returns null when the binary was never downloaded', () => {
    expect(findElectronBinary({ electronDir: fakeElectronPackage(false), env: {} })).toBeNull();
    expect(findElectronBinary({ electronDir: mkdtempSync(path.join(tmpdir(), 'clets-empty-')), env: {} })).toBeNull();
    expect(findElectronBinary({ electronDir: null, env: {} })).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const withBinary = fakeElectronPackage(true);
    const bare = fakeElectronPackage(false);
    expect(findElectronBinary({ electronDir: bare, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(withBinary, 'dist') } })).toBe(path.join(withBinary, 'dist', 'electron'));
    expect(findElectronBinary({ electronDir: withBinary, env: { ELECTRON_OVERRIDE_DIST_PATH: path.join(bare, 'nowhere') } })).toBeNull();
  });
});

describe('npm start', () => {
  it('the missing-runtime message is one line that says what to do', () => {
    expect(ELECTRON_MISSING_MESSAGE.split('\n')).toHaveLength(1);
    expect(ELECTRON_MISSING_MESSAGE).toContain('npm run electron:fetch');
    expect(ELECTRON_MISSING_MESSAGE).toContain('npm run preview');
  });

  it('Electron runs with CLETS_DATA_DIR passed through and without ELECTRON_RUN_AS_NODE or NODE_OPTIONS', () => {
    const env = electronEnv({ CLETS_DATA_DIR: '/data', ELECTRON_RUN_AS_NODE: '1', NODE_OPTIONS: '--require /tmp/x.js', PATH: '/bin' });
    expect(env).toEqual({ CLETS_DATA_DIR: '/data', PATH: '/bin' });
  });

  it.skipIf(findElectronBinary() !== null)('without the runtime: prints the one line and exits 1, no stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${ELECTRON_MISSING_MESSAGE}\n`);
  });
});
