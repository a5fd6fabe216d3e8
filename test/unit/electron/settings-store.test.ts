// The electron-store settings backend, run for real: electron-store and conf in plain Node, on a
// temporary folder, with the fake electron behind them (fake-electron.ts puts itself where Node's
// own import of `electron` finds it). A damaged file is reported, named and left where it is; it is
// never silently replaced by an empty store.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronStoreSettingsBackend, SettingsFileError } from '../../../electron/main/platform';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import { createSettingsService } from '../../../electron/services/settings';
import { fake, resetFake } from './fake-electron';
import { strictSettings, withCaptureExemption } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

const DAMAGED = '{"idleTimeoutMinutes": 10, "lockoutRule": ';

let dir: string;
let file: string;
beforeEach(() => {
  resetFake();
  dir = mkdtempSync(path.join(tmpdir(), 'clets-settings-'));
  file = path.join(dir, 'workstation-settings.json');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('electronStoreSettingsBackend', () => {
  // First in the file on purpose: electron-store adds its IPC listener once per process (each test
  // file runs in its own), when the first store opens.
  it('removes the IPC listener electron-store adds (it answers any renderer, unchecked)', async () => {
    const on = vi.spyOn(fake.ipcMain, 'on');
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    backend.read();
    expect(on).toHaveBeenCalledWith('electron-store-get-data', expect.any(Function));
    expect(fake.ipcMain.listenerCount('electron-store-get-data')).toBe(0);
    expect(fake.ipcMain.eventNames()).toEqual([]);
  });

  it('lives in <data dir>/workstation-settings.json', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    expect(backend.location).toBe(file);
  });

  it('reads undefined when nothing is stored, and creates no file by reading', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    expect(backend.read()).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  it('writes the settings object as the file, readable by this user only, and reads it back', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    backend.write(withCaptureExemption(true));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(withCaptureExemption(true));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(backend.read()).toEqual(withCaptureExemption(true));
    expect(Object.getPrototypeOf(backend.read())).toBe(Object.prototype);

    const reopened = await electronStoreSettingsBackend({ cwd: dir });
    expect(reopened.read()).toEqual(withCaptureExemption(true));
  });

  it('refuses to store anything but an object', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    for (const value of [null, [], 'x', 3]) expect(() => backend.write(value)).toThrow(TypeError);
    expect(existsSync(file)).toBe(false);
  });

  it('a damaged file: read() throws SETTINGS_CORRUPT naming the file, and the file stays as it was', async () => {
    writeFileSync(file, DAMAGED);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    const error = thrown(() => backend.read());
    expect(error).toBeInstanceOf(SettingsFileError);
    expect(error).toMatchObject({ code: 'SETTINGS_CORRUPT', location: file, message: 'it is not valid JSON' });
    // electron-store's own cause names the file too (and does not quote its content).
    expect(String((error as Error).cause)).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);
    expect(readdirSync(dir)).toEqual(['workstation-settings.json']);
    // Reading again changes nothing either.
    expect(() => backend.read()).toThrow('it is not valid JSON');
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);
  });

  it('a file damaged while the store is open is seen on the next read (no cache)', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    backend.write(strictSettings());
    expect(backend.read()).toEqual(strictSettings());
    writeFileSync(file, DAMAGED);
    expect(() => backend.read()).toThrow(expect.objectContaining({ code: 'SETTINGS_CORRUPT', location: file }));
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);
  });

  it('valid JSON that is not an object reads back as something the settings schema refuses, not as "nothing stored"', async () => {
    writeFileSync(file, '[1, 2, 3]');
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    expect(backend.read()).toEqual({});
    expect(readFileSync(file, 'utf8')).toBe('[1, 2, 3]');
  });

  it('preserveAside copies the file to <file>.corrupt-<tag> and leaves the original', async () => {
    writeFileSync(file, DAMAGED);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    const copy = backend.preserveAside('2026-11-23T12-00-00-000Z');
    expect(copy).toBe(`${file}.corrupt-2026-11-23T12-00-00-000Z`);
    expect(readFileSync(copy!, 'utf8')).toBe(DAMAGED);
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);
    expect(() => backend.preserveAside('2026-11-23T12-00-00-000Z')).toThrow(/EEXIST/);
    expect(backend.preserveAside('a/../b')).toBe(`${file}.corrupt-a----b`);
  });

  it('preserveAside with nothing stored returns null', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    expect(backend.preserveAside('x')).toBeNull();
  });

  it('write() over a damaged file keeps a copy first (once), then replaces it', async () => {
    writeFileSync(file, DAMAGED);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    backend.write(strictSettings());
    expect(backend.read()).toEqual(strictSettings());
    const copies = readdirSync(dir).filter((name) => name.includes('.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(path.join(dir, copies[0]!), 'utf8')).toBe(DAMAGED);
  });

  it('write() over a damaged file already copied aside makes no second copy', async () => {
    writeFileSync(file, DAMAGED);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    backend.preserveAside('first');
    backend.write(strictSettings());
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual(['workstation-settings.json.corrupt-first']);
  });

  it('an unreadable file says so with its error code', async () => {
    // A folder where the file should be: reading it fails with EISDIR.
    mkdirSync(file);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    expect(() => backend.read()).toThrow(expect.objectContaining({ code: 'SETTINGS_UNREADABLE', message: 'it could not be read (EISDIR)', location: file }));
  });

});

describe('the settings service on the electron-store backend', () => {
  it('damaged file: runs on the safe defaults, names the file, keeps a copy, leaves the file', async () => {
    writeFileSync(file, DAMAGED);
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    const service = createSettingsService({ backend, logger: silentLogger, clock: new ManualClock(Date.UTC(2026, 10, 23, 12)) });
    expect(service.current()).toEqual(strictSettings());
    const problem = service.problem();
    expect(problem?.code).toBe('SETTINGS_CORRUPT');
    expect(problem?.message).toContain(`The workstation settings file ${file} is damaged (it is not valid JSON).`);
    expect(problem?.message).toContain(`${file}.corrupt-2026-11-23T12-00-00-000Z`);
    expect(readFileSync(file, 'utf8')).toBe(DAMAGED);

    // An administrator's reset replaces it, and no second copy is made.
    service.resetToDefaults('TADMIN01');
    expect(backend.read()).toEqual(strictSettings());
    expect(service.problem()).toBeNull();
    expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
  });

  it('settings that fail the schema are refused on read-back (zod), the file left in place', async () => {
    const tampered = { ...withCaptureExemption(true), accessibilityCaptureExemption: { enabled: true, justification: '' } };
    writeFileSync(file, JSON.stringify(tampered));
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    const service = createSettingsService({ backend, logger: silentLogger });
    expect(service.current().accessibilityCaptureExemption.enabled).toBe(false);
    expect(service.problem()?.code).toBe('SETTINGS_CORRUPT');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(tampered);
  });

  it('an update is saved through electron-store and read back on the next start', async () => {
    const backend = await electronStoreSettingsBackend({ cwd: dir });
    const service = createSettingsService({ backend, logger: silentLogger });
    service.update(withCaptureExemption(true), 'TADMIN01');
    const next = createSettingsService({ backend: await electronStoreSettingsBackend({ cwd: dir }), logger: silentLogger });
    expect(next.current()).toEqual(withCaptureExemption(true));
    expect(next.problem()).toBeNull();
  });
});
