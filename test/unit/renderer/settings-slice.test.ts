// The settings slice: the inquiry rules go to the main process whole (never left out: that would reset
// them), normalised; what the contract or the rules would refuse is caught first, on its field.
import { describe, expect, it } from 'vitest';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import { checkSettings } from '../../../renderer/src/state/settings';
import { createAppStore } from '../../../renderer/src/state/store';
import { SETTINGS, activeState, fakeApi, manualTimers, reply } from './fake-api';

function setup(current: WorkstationSettings = SETTINGS) {
  const { api, backend } = fakeApi();
  reply(backend, 'settings.get', current);
  const store = createAppStore(api, { timers: manualTimers() });
  store.getState().applySessionState(activeState('TADMIN01', { operator: { id: 'TADMIN01', name: 'Admin', roles: ['admin'] } }));
  return { store, backend };
}

const withPolicy = (over: Partial<WorkstationSettings['inquiryPolicy']>, justification = ''): WorkstationSettings => ({
  ...SETTINGS,
  inquiryPolicy: { ...SETTINGS.inquiryPolicy, ...over },
  inquiryPolicyJustification: justification,
});

describe('settings slice: the inquiry rules', () => {
  it('sends the whole inquiry policy, labels trimmed, masks in capitals, and shows the saved settings', async () => {
    const { store, backend } = setup();
    await store.getState().loadSettings();
    const saved = withPolicy({ referenceFormats: [{ label: 'Incident', mask: 'I99-99999' }], confidentialAddressRoles: ['crso'] }, 'Policy 7.3: the CRSO reviews them');
    reply(backend, 'settings.update', saved);
    const ok = await store.getState().saveSettings(
      withPolicy({ referenceFormats: [{ label: '  Incident ', mask: 'i99-99999 ' }], confidentialAddressRoles: ['crso'] }, '  Policy 7.3: the CRSO reviews them '),
    );
    expect(ok).toBe(true);
    expect(backend.payloads.at(-1)).toEqual({ channel: 'settings.update', payload: saved });
    expect(store.getState().settings.value).toEqual(saved);
  });

  it('drops the justification when the rules are not loosened', async () => {
    const { store, backend } = setup();
    await store.getState().loadSettings();
    reply(backend, 'settings.update', SETTINGS);
    await store.getState().saveSettings({ ...SETTINGS, inquiryPolicyJustification: 'left over from before' });
    expect(backend.payloads.at(-1)?.payload).toMatchObject({ inquiryPolicyJustification: '' });
  });

  it('asks for a justification before loosening, and sends nothing without one', async () => {
    const { store, backend } = setup();
    await store.getState().loadSettings();
    expect(await store.getState().saveSettings(withPolicy({ dmvReferenceRequired: false }, 'short'))).toBe(false);
    expect(store.getState().settings.outcome).toMatchObject({ ok: false, field: 'inquiryJustification', message: expect.stringMatching(/looser than the defaults/) });
    expect(backend.count('settings.update')).toBe(0);
  });

  it('asks for a new justification for a new loosening', async () => {
    const current = withPolicy({ confidentialAddressRoles: ['crso'] }, 'Policy 7.3: the CRSO reviews them');
    const { store, backend } = setup(current);
    await store.getState().loadSettings();
    expect(await store.getState().saveSettings({ ...current, inquiryPolicy: { ...current.inquiryPolicy, confidentialAddressRoles: ['records', 'crso'] } })).toBe(false);
    expect(store.getState().settings.outcome).toMatchObject({ field: 'inquiryJustification', message: expect.stringMatching(/not the one already on file/) });
    expect(backend.count('settings.update')).toBe(0);
  });

  it('shows the main process’s refusal', async () => {
    const { store, backend } = setup();
    await store.getState().loadSettings();
    reply(backend, 'settings.update', null, { code: 'AUDIT_WRITE_FAILED', message: 'The audit trail could not be written, so nothing was done. Tell your CRSO.' });
    expect(await store.getState().saveSettings(withPolicy({ referenceFormats: [{ label: 'Case', mask: '9999-99999' }] }))).toBe(false);
    expect(store.getState().settings.outcome).toMatchObject({ ok: false, message: expect.stringMatching(/audit trail could not be written/) });
  });
});

describe('checkSettings: the reference formats', () => {
  const formats = (referenceFormats: { label: string; mask: string }[]) => checkSettings(withPolicy({ referenceFormats }));

  it.each([
    ['no format', [], 'referenceFormats', /1 to 10 reference formats/],
    ['eleven formats', Array.from({ length: 11 }, (_, i) => ({ label: `F${i}`, mask: `99-9999${i}` })), 'referenceFormats', /1 to 10/],
    ['an empty label', [{ label: '  ', mask: '99-999' }], 'format-label-0', /format 1 a label/],
    ['a label used twice', [{ label: 'Report', mask: '99-999' }, { label: 'report ', mask: '999-99' }], 'format-label-1', /Two reference formats are called "report"/],
    ['a mask with a slash', [{ label: 'Report', mask: '99/999' }], 'format-mask-0', /3 to 17 of: 9 \(a digit\)/],
    ['a mask too short', [{ label: 'Report', mask: '99' }], 'format-mask-0', /3 to 17/],
    ['a mask without a digit', [{ label: 'Name', mask: 'AAA-AAA' }], 'format-mask-0', /at least one 9/],
    ['a mask used twice', [{ label: 'Report', mask: '99-999' }, { label: 'Call', mask: '99-999' }], 'format-mask-1', /Two reference formats have the mask 99-999/],
  ])('refuses %s on its field', (_title, list, field, words) => {
    expect(formats(list)).toEqual({ field, message: expect.stringMatching(words) });
  });

  it('accepts the agency’s formats, masks in any case', () => {
    expect(formats([{ label: 'Report number', mask: '99-999999' }, { label: 'Citation', mask: 'aa999999' }])).toBeNull();
  });
});
