// settings.update through its handler: one `setting.change` record per changed item — the inquiry rules
// item by item (masks, the DMV switch, the roles), justifications never by text — made BEFORE the save;
// a record that cannot be written refuses the update and changes nothing. And the request must carry
// the inquiry rules: leaving them out is refused, never a silent reset to the defaults.
import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract/channels';
import { storedWorkstationSettingsSchema, workstationSettingsSchema, type WorkstationSettings } from '../../../shared/contract/session-schemas';
import { auditEventSchema } from '../../../electron/services/audit/schema';
import { ManualClock } from '../../../electron/services/clock';
import { AppError } from '../../../electron/services/errors';
import type { HandlerContext } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import type { SessionAudit, SessionAuditEvent } from '../../../electron/services/session/audit';
import { changedItems, createSettingsService, defaultSettings, memorySettingsBackend, settingsHandlers } from '../../../electron/services/settings';

const ctx: HandlerContext = { session: { signedOn: true, locked: false, roles: ['admin'], operatorId: 'TADMIN01' } };

function setup(failing = false) {
  const backend = memorySettingsBackend();
  const settings = createSettingsService({ backend, logger: silentLogger, clock: new ManualClock(Date.UTC(2026, 10, 24, 1, 0, 0)) });
  const events: SessionAuditEvent[] = [];
  const audit: SessionAudit = {
    record: async (event) => {
      if (failing) throw new AppError('AUDIT_WRITE_FAILED', 'disk full');
      // What the journal would accept: the strict audit event schema.
      auditEventSchema.parse(event);
      events.push(event);
    },
  };
  const handlers = settingsHandlers(settings, audit);
  const update = async (next: WorkstationSettings) => handlers['settings.update'](next, ctx);
  return { backend, settings, events, update };
}

describe('settings.update records each changed item', () => {
  it('records the inquiry rules item by item: masks, the DMV switch, the roles; the justification as changed, without its text', async () => {
    const { events, update, settings } = setup();
    const next: WorkstationSettings = {
      ...defaultSettings(),
      idleTimeoutMinutes: 5,
      inquiryPolicy: {
        referenceFormats: [
          { label: 'Incident', mask: 'I99-99999' },
          { label: 'Report number', mask: '99-999999' },
        ],
        dmvReferenceRequired: false,
        confidentialAddressRoles: ['supervisor', 'crso'],
      },
      inquiryPolicyJustification: 'Agency policy 7.3 (secret words stay out)',
    };
    await expect(update(next)).resolves.toMatchObject({ idleTimeoutMinutes: 5, inquiryPolicy: next.inquiryPolicy });
    expect(events.map((e) => [e.type, e.operator, e.outcome, e.change])).toEqual([
      ['setting.change', 'TADMIN01', 'success', { item: 'idleTimeoutMinutes', from: 10, to: 5 }],
      ['setting.change', 'TADMIN01', 'success', { item: 'inquiryPolicy.referenceFormats', from: '99-999999, C99-999999, 9999-99999', to: 'I99-99999, 99-999999' }],
      ['setting.change', 'TADMIN01', 'success', { item: 'inquiryPolicy.dmvReferenceRequired', from: true, to: false }],
      ['setting.change', 'TADMIN01', 'success', { item: 'inquiryPolicy.confidentialAddressRoles', from: 'none', to: 'crso, supervisor' }],
      ['setting.change', 'TADMIN01', 'success', { item: 'inquiryPolicyJustification' }],
    ]);
    expect(JSON.stringify(events)).not.toContain('secret words');
    expect(settings.current().inquiryPolicyJustification).toBe('Agency policy 7.3 (secret words stay out)');
  });

  it('records nothing, and saves nothing, when the loosening has no justification', async () => {
    const { events, update, settings } = setup();
    const next = { ...defaultSettings(), inquiryPolicy: { ...defaultSettings().inquiryPolicy, dmvReferenceRequired: false } };
    await expect(update(next)).rejects.toMatchObject({ code: 'JUSTIFICATION_REQUIRED' });
    expect(events).toEqual([]);
    expect(settings.current()).toEqual(defaultSettings());
  });

  it('refuses the change when its record cannot be written, and changes nothing', async () => {
    const { backend, update, settings } = setup(true);
    const next = { ...defaultSettings(), inquiryPolicy: { ...defaultSettings().inquiryPolicy, referenceFormats: [{ label: 'Case', mask: '9999-99999' }] } };
    await expect(update(next)).rejects.toMatchObject({ code: 'AUDIT_WRITE_FAILED' });
    expect(settings.current()).toEqual(defaultSettings());
    expect(backend.text).toBeUndefined();
  });

  it('records a label-only change of the formats too (the masks shown are the same)', () => {
    const before = defaultSettings();
    const after = { ...before, inquiryPolicy: { ...before.inquiryPolicy, referenceFormats: [{ label: 'Report', mask: '99-999999' }, ...before.inquiryPolicy.referenceFormats.slice(1)] } };
    expect(changedItems(before, after)).toEqual([{ item: 'inquiryPolicy.referenceFormats', from: '99-999999, C99-999999, 9999-99999', to: '99-999999, C99-999999, 9999-99999' }]);
    expect(changedItems(before, before)).toEqual([]);
  });

  it('keeps the record of ten long masks within the trail’s 200 characters', () => {
    const before = defaultSettings();
    const referenceFormats = Array.from({ length: 10 }, (_, i) => ({ label: `Format ${i}`, mask: `${i}9999999999999-99` }));
    const [item] = changedItems(before, { ...before, inquiryPolicy: { ...before.inquiryPolicy, referenceFormats } });
    expect(String(item?.to).length).toBeLessThanOrEqual(200);
    expect(auditEventSchema.safeParse({ type: 'setting.change', operator: 'TADMIN01', outcome: 'success', change: item }).success).toBe(true);
  });
});

describe('the settings schemas', () => {
  const old = {
    idleTimeoutMinutes: 10,
    dispatchIdleExemption: { enabled: false, justification: '' },
    accessibilityCaptureExemption: { enabled: false, justification: '' },
    lockoutRule: 'cjis-5.9.4',
  };

  it('the stored settings default the inquiry rules (an old file still loads)', () => {
    expect(storedWorkstationSettingsSchema.parse(old)).toEqual(defaultSettings());
    expect(storedWorkstationSettingsSchema.safeParse({ ...old, extra: 1 }).success).toBe(false);
  });

  it('settings.update requires them: an update that leaves them out is refused, not a silent reset', () => {
    const request = channels['settings.update'].request;
    expect(request).toBe(workstationSettingsSchema);
    expect(request.safeParse(old).success).toBe(false);
    expect(request.safeParse({ ...old, inquiryPolicy: defaultSettings().inquiryPolicy }).success).toBe(false);
    expect(request.safeParse(defaultSettings()).success).toBe(true);
    expect(request.safeParse({ ...defaultSettings(), extra: 1 }).success).toBe(false);
  });
});
