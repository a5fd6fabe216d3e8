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
  inquiryPolicy: {
    referenceFormats: [
      { label: 'Report number', mask: '99-999999' },
      { label: 'Call number', mask: 'C99-999999' },
      { label: 'Case number', mask: '9999-99999' },
    ],
    dmvReferenceRequired: true,
    confidentialAddressRoles: [],
  },
  inquiryPolicyJustification: '',
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

describe('the inquiry rules (issue #5)', () => {
  const loose = (over: Partial<WorkstationSettings['inquiryPolicy']>, justification: string): WorkstationSettings => ({
    ...defaults,
    inquiryPolicy: { ...defaults.inquiryPolicy, ...over },
    inquiryPolicyJustification: justification,
  });

  it('default to the strict policy: the default formats, DMV reference required, no role sees a confidential address', () => {
    expect(service().current().inquiryPolicy).toEqual({
      referenceFormats: [
        { label: 'Report number', mask: '99-999999' },
        { label: 'Call number', mask: 'C99-999999' },
        { label: 'Case number', mask: '9999-99999' },
      ],
      dmvReferenceRequired: true,
      confidentialAddressRoles: [],
    });
  });

  it('a settings file written before the inquiry rules existed loads on the default rules, and is not damaged', () => {
    const backend = memorySettingsBackend();
    backend.text = JSON.stringify({
      idleTimeoutMinutes: 15,
      dispatchIdleExemption: { enabled: false, justification: '' },
      accessibilityCaptureExemption: { enabled: false, justification: '' },
      lockoutRule: 'cjis-5.8',
    });
    const settings = service(backend);
    expect(settings.problem()).toBeNull();
    expect(backend.preserved.size).toBe(0);
    expect(settings.current()).toEqual({ ...defaults, idleTimeoutMinutes: 15, lockoutRule: 'cjis-5.8' });
    // Each read hands out its own copy of the defaults.
    settings.current().inquiryPolicy.referenceFormats.push({ label: 'X', mask: '999' });
    expect(settings.current().inquiryPolicy.referenceFormats).toHaveLength(3);
  });

  it('an update that leaves them out is refused, never a silent reset to the defaults', () => {
    const settings = service();
    const first = settings.update({ ...defaults, inquiryPolicy: { ...defaults.inquiryPolicy, referenceFormats: [{ label: 'Case', mask: '9999-99999' }] } }, 'A1001');
    const { inquiryPolicy: _policy, inquiryPolicyJustification: _words, ...without } = first;
    expect(() => settings.update(without as WorkstationSettings, 'A1001')).toThrow(expect.objectContaining({ code: 'SETTINGS_INVALID', message: expect.stringMatching(/at inquiryPolicy/) }));
    expect(() => settings.preview(without as WorkstationSettings)).toThrow(expect.objectContaining({ code: 'SETTINGS_INVALID' }));
    expect(settings.current()).toEqual(first);
  });

  it('save and read back new reference formats, trimmed', () => {
    const backend = memorySettingsBackend();
    const settings = service(backend);
    const formats = [
      { label: '  Incident number ', mask: 'I99-99999' },
      { label: 'Citation', mask: 'AA999999' },
    ];
    settings.update({ ...defaults, inquiryPolicy: { ...defaults.inquiryPolicy, referenceFormats: formats } }, 'A1001');
    expect(service(backend).current().inquiryPolicy.referenceFormats).toEqual([
      { label: 'Incident number', mask: 'I99-99999' },
      { label: 'Citation', mask: 'AA999999' },
    ]);
  });

  it.each([
    ['no format', [], /at inquiryPolicy.referenceFormats/],
    ['eleven formats', Array.from({ length: 11 }, (_, i) => ({ label: `F${i}`, mask: `${i % 10}99-999` })), /at inquiryPolicy.referenceFormats/],
    ['a mask with lower case', [{ label: 'Report', mask: '99-abc' }], /A mask is 3–17 of/],
    ['a mask with a slash', [{ label: 'Report', mask: '99/999' }], /A mask is 3–17 of/],
    ['a mask of letters only (a name would pass)', [{ label: 'Name', mask: 'AAAAAA' }], /has no 9 \(digit\)/],
    ['two formats with one label', [{ label: 'Report', mask: '99-999' }, { label: ' report ', mask: '999-99' }], /both called "report"/],
    ['two formats with one mask', [{ label: 'Report', mask: '99-999' }, { label: 'Call', mask: '99-999' }], /the same mask 99-999/],
    ['an empty label', [{ label: '   ', mask: '99-999' }], /at inquiryPolicy.referenceFormats.0.label/],
  ])('refuse %s (SETTINGS_INVALID), changing nothing', (_title, referenceFormats, words) => {
    const settings = service();
    expect(() => settings.update({ ...defaults, inquiryPolicy: { ...defaults.inquiryPolicy, referenceFormats } } as WorkstationSettings, 'A1001')).toThrow(
      expect.objectContaining({ code: 'SETTINGS_INVALID', message: expect.stringMatching(words) }),
    );
    expect(settings.current()).toEqual(defaults);
  });

  it.each([
    ['turning the DMV reference off', { dmvReferenceRequired: false }],
    ['letting a role see confidential addresses', { confidentialAddressRoles: ['records' as const] }],
  ])('%s is a loosening: it needs a justification, which is kept and recorded', (_title, over) => {
    const backend = memorySettingsBackend();
    const settings = service(backend);
    const records: RecordedSettingsChange[] = [];
    settings.onRecordedChange((r) => records.push(r));
    for (const justification of ['', '  too short ']) {
      expect(() => settings.update(loose(over, justification), 'A1001')).toThrow(
        expect.objectContaining({ code: 'JUSTIFICATION_REQUIRED', message: expect.stringMatching(/Inquiry rules looser than the defaults .* need a justification of at least 10 characters/) }),
      );
    }
    expect(records).toEqual([]);
    expect(settings.current()).toEqual(defaults);

    const after = settings.update(loose(over, '  Agency policy 7.3, approved by the CRSO  '), 'A1001');
    expect(after).toEqual(loose(over, 'Agency policy 7.3, approved by the CRSO'));
    expect(records).toEqual([
      expect.objectContaining({ actor: 'A1001', action: 'update', changed: ['inquiryPolicy', 'inquiryPolicyJustification'], before: defaults, after }),
    ]);
    expect(service(backend).current()).toEqual(after);

    // Back to the strict rules: no justification needed, and the old text is dropped.
    expect(settings.update({ ...after, inquiryPolicy: defaults.inquiryPolicy }, 'A1002')).toEqual(defaults);
  });

  it('each new loosening needs its own justification, not the one already on file', () => {
    const settings = service();
    const first = settings.update(loose({ confidentialAddressRoles: ['crso'] }, 'CRSO reviews confidential records (policy 7.3)'), 'A1001');
    // Another role under the same words: refused.
    expect(() => settings.update({ ...first, inquiryPolicy: { ...first.inquiryPolicy, confidentialAddressRoles: ['records', 'crso'] } }, 'A1001')).toThrow(
      expect.objectContaining({ code: 'JUSTIFICATION_REQUIRED', message: expect.stringMatching(/loosens the inquiry rules \(more roles that see confidential addresses\).*not the one already on file/) }),
    );
    expect(() => settings.update({ ...first, inquiryPolicy: { ...first.inquiryPolicy, dmvReferenceRequired: false } }, 'A1001')).toThrow(
      expect.objectContaining({ code: 'JUSTIFICATION_REQUIRED', message: expect.stringMatching(/DMV inquiries without a reference/) }),
    );
    expect(settings.current()).toEqual(first);
    // Tightening, or a change that loosens nothing, keeps the justification on file.
    expect(settings.update({ ...first, idleTimeoutMinutes: 5 }, 'A1001').inquiryPolicyJustification).toBe('CRSO reviews confidential records (policy 7.3)');
    const second = settings.update(
      { ...first, inquiryPolicy: { ...first.inquiryPolicy, confidentialAddressRoles: ['records', 'crso'] }, inquiryPolicyJustification: 'Records unit too, per policy 7.4 (2026)' },
      'A1001',
    );
    expect(second.inquiryPolicy.confidentialAddressRoles).toEqual(['records', 'crso']);
  });

  it('a file loosened by hand without a justification is damaged: the strict defaults run, and a copy is kept', () => {
    const backend = memorySettingsBackend();
    backend.text = JSON.stringify(loose({ dmvReferenceRequired: false }, ''));
    const settings = service(backend);
    expect(settings.current()).toEqual(defaults);
    expect(settings.problem()).toMatchObject({ code: 'SETTINGS_CORRUPT', message: expect.stringMatching(/loosened without a justification.*a reference required for DMV inquiries/) });
    expect(backend.preserved.size).toBe(1);
  });
});
