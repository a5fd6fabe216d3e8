// Workstation settings: strict defaults, validated read-back, recorded exemptions, and a damaged file that
// gives a clear error, keeps a copy and offers the way back to the defaults — never a crash, never a
// silent overwrite.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import type { SettingsBackend } from '../../../electron/services/platform';
import {
  DEFAULT_SETTINGS,
  createSettingsService,
  fileSettingsBackend,
  memorySettingsBackend,
  type RecordedSettingsChange,
} from '../../../electron/services/settings';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clets-settings-'));
  dirs.push(dir);
  return dir;
};
const clock = new ManualClock(Date.UTC(2026, 10, 23, 18, 0, 0));
const service = (backend: SettingsBackend = memorySettingsBackend()) => createSettingsService({ backend, logger: silentLogger, clock });
const defaults: WorkstationSettings = {
  idleTimeoutMinutes: 10,
  dispatchIdleExemption: { enabled: false, justification: '' },
  accessibilityCaptureExemption: { enabled: false, justification: '' },
  lockoutRule: 'cjis-5.9.4',
};

describe('workstation settings', () => {
  it('start on the strict defaults, without writing anything', () => {
    const backend = memorySettingsBackend();
    const settings = service(backend);
    expect(settings.current()).toEqual(defaults);
    expect(DEFAULT_SETTINGS).toEqual(defaults);
    expect(settings.problem()).toBeNull();
    expect(backend.text).toBeUndefined();
  });

  it('save, apply, tell listeners and read back what was saved', () => {
    const backend = memorySettingsBackend();
    const settings = service(backend);
    const seen: WorkstationSettings[] = [];
    const stop = settings.onChange((s) => seen.push(s));
    const next = { ...defaults, idleTimeoutMinutes: 15, lockoutRule: 'cjis-5.8' as const };
    expect(settings.update(next, 'A1001')).toEqual(next);
    expect(seen).toEqual([next]);
    expect(service(backend).current()).toEqual(next);
    stop();
    settings.update({ ...next, idleTimeoutMinutes: 20 }, 'A1001');
    expect(seen).toHaveLength(1);
  });

  it('hand out copies: changing a returned object changes nothing', () => {
    const settings = service();
    const current = settings.current();
    current.dispatchIdleExemption.enabled = true;
    expect(settings.current().dispatchIdleExemption.enabled).toBe(false);
  });

  it('refuse values outside the contract (idle lock at most 30 minutes)', () => {
    const settings = service();
    expect(() => settings.update({ ...defaults, idleTimeoutMinutes: 45 }, 'A1001')).toThrow(expect.objectContaining({ code: 'SETTINGS_INVALID' }));
    expect(settings.current()).toEqual(defaults);
  });

  it.each(['dispatchIdleExemption', 'accessibilityCaptureExemption'] as const)('%s: needs a justification of 10 characters, and is recorded', (key) => {
    const settings = service();
    const records: RecordedSettingsChange[] = [];
    settings.onRecordedChange((r) => records.push(r));
    expect(() => settings.update({ ...defaults, [key]: { enabled: true, justification: '   short   ' } }, 'A1001')).toThrow(
      expect.objectContaining({ code: 'JUSTIFICATION_REQUIRED', message: expect.stringMatching(/justification of at least 10 characters/) }),
    );
    expect(records).toEqual([]);
    settings.update({ ...defaults, [key]: { enabled: true, justification: '  Screen reader user, approved by CRSO  ' } }, 'A1001');
    expect(records).toEqual([
      {
        at: clock.now(),
        actor: 'A1001',
        action: 'update',
        changed: [key],
        before: defaults,
        after: { ...defaults, [key]: { enabled: true, justification: 'Screen reader user, approved by CRSO' } },
      },
    ]);
    // Turning it off needs no justification, is recorded too, and drops the old text.
    settings.update({ ...settings.current(), [key]: { enabled: false, justification: 'whatever' } }, 'A1002');
    expect(records.at(-1)).toMatchObject({ actor: 'A1002', changed: [key], after: defaults });
  });

  it('record nothing when nothing changed', () => {
    const settings = service();
    const records: RecordedSettingsChange[] = [];
    settings.onRecordedChange((r) => records.push(r));
    settings.update(defaults, 'A1001');
    expect(records).toEqual([]);
  });
});

describe('a damaged settings file', () => {
  it('starts on the defaults with SETTINGS_CORRUPT naming the file, keeps a .corrupt copy, and resets on request', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    const damaged = '{"idleTimeoutMinutes": 5, "dispatchIdleExemption": {"enabled": tru';
    writeFileSync(file, damaged);
    const settings = service(fileSettingsBackend(file));

    expect(settings.current()).toEqual(defaults);
    const problem = settings.problem();
    expect(problem?.code).toBe('SETTINGS_CORRUPT');
    expect(problem?.message).toContain(`The workstation settings file ${file} is damaged (it is not valid JSON)`);
    expect(problem?.message).toMatch(/running on the safe defaults/);
    expect(problem?.message).toMatch(/restore the defaults/);
    const copies = readdirSync(dir).filter((f) => f.startsWith('settings.json.corrupt-'));
    expect(copies).toEqual(['settings.json.corrupt-2026-11-23T18-00-00-000Z']);
    expect(problem?.message).toContain(path.join(dir, copies[0]!));
    expect(readFileSync(path.join(dir, copies[0]!), 'utf8')).toBe(damaged);
    // The damaged file itself is left alone until an administrator acts.
    expect(readFileSync(file, 'utf8')).toBe(damaged);

    const records: RecordedSettingsChange[] = [];
    settings.onRecordedChange((r) => records.push(r));
    expect(settings.resetToDefaults('A1001')).toEqual(defaults);
    expect(settings.problem()).toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(defaults);
    expect(service(fileSettingsBackend(file)).problem()).toBeNull();
    expect(readFileSync(path.join(dir, copies[0]!), 'utf8')).toBe(damaged);
    // The defaults were already in force, but replacing the damaged file is recorded.
    expect(records).toEqual([expect.objectContaining({ actor: 'A1001', action: 'reset', changed: [], after: defaults })]);
  });

  it.each([
    ['valid JSON of the wrong shape', '{"idleTimeoutMinutes": 90}', /its settings are not valid/],
    ['an exemption without a justification (edited by hand)', JSON.stringify({ ...defaults, dispatchIdleExemption: { enabled: true, justification: '' } }), /enabled without a justification/],
    ['an array', '[]', /its settings are not valid/],
  ])('treats %s the same way', (_title, text, words) => {
    const backend = memorySettingsBackend();
    backend.text = text;
    const settings = service(backend);
    expect(settings.current()).toEqual(defaults);
    expect(settings.problem()).toMatchObject({ code: 'SETTINGS_CORRUPT', message: expect.stringMatching(words) });
    expect([...backend.preserved.values()]).toEqual([text]);
  });

  it('is not written over when it cannot be copied aside', () => {
    const backend = memorySettingsBackend();
    backend.text = 'not json';
    let copyWorks = false;
    backend.preserveAside = () => {
      if (!copyWorks) throw new Error('disk full');
      return 'memory:copy';
    };
    const settings = service(backend);
    expect(settings.problem()?.message).toMatch(/could not be copied aside/);
    expect(() => settings.resetToDefaults('A1001')).toThrow(expect.objectContaining({ code: 'SETTINGS_WRITE_FAILED' }));
    expect(backend.text).toBe('not json');
    copyWorks = true;
    settings.resetToDefaults('A1001');
    expect(JSON.parse(backend.text!)).toEqual(defaults);
  });

  it('an administrator’s save also replaces it', () => {
    const backend = memorySettingsBackend();
    backend.text = '{';
    const settings = service(backend);
    settings.update({ ...defaults, idleTimeoutMinutes: 20 }, 'A1001');
    expect(settings.problem()).toBeNull();
    expect(JSON.parse(backend.text!)).toMatchObject({ idleTimeoutMinutes: 20 });
  });
});

describe('the JSON file backend', () => {
  it('writes atomically, readable by this user only, and leaves no temp files', () => {
    const dir = tempDir();
    const file = path.join(dir, 'nested', 'settings.json');
    const backend = fileSettingsBackend(file);
    expect(backend.read()).toBeUndefined();
    expect(backend.preserveAside('x')).toBeNull();
    backend.write(defaults);
    backend.write({ ...defaults, idleTimeoutMinutes: 12 });
    expect(backend.read()).toMatchObject({ idleTimeoutMinutes: 12 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(file))).toEqual(['settings.json']);
  });

  // Root reads any file, so this runs as an ordinary user only.
  it.skipIf(process.getuid?.() === 0)('reports an unreadable file as a short reason', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{}');
    chmodSync(file, 0o000);
    expect(() => fileSettingsBackend(file).read()).toThrow(/could not be read \(EACCES\)/);
  });
});
