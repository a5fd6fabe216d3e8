// settings.get and settings.update. The router has checked the role (get: admin or CRSO; update: admin).
// An update is recorded in the audit trail, one `setting.change` record per changed item, before it is
// saved: a record that cannot be written refuses the update (AUDIT_*) and nothing is changed.
//
// settings.update's request carries the whole settings, the inquiry rules included (its request schema,
// workstationSettingsSchema, requires them): the settings file may predate the inquiry rules and is
// defaulted on read, but an update that left them out is refused (BAD_REQUEST) rather than silently
// resetting them to the defaults.
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import type { Handlers } from '../ipc/router';
import { recordOrRefuse, type SessionAudit } from '../session/audit';
import type { SettingsService } from './service';

/** One audited item of a settings change: a setting's name, or `inquiryPolicy.<rule>`, from and to. */
export interface SettingItemChange {
  item: string;
  from?: string | number | boolean;
  to?: string | number | boolean;
}

/** The audit trail's values are short texts (at most 200 characters). */
const short = (text: string): string => (text.length <= 200 ? text : `${text.slice(0, 199)}…`);

type Policy = WorkstationSettings['inquiryPolicy'];

/** The inquiry rules, item by item, as the audit trail shows them: the masks, the switch, the roles. */
const POLICY_ITEMS: readonly [keyof Policy, (p: Policy) => string | boolean][] = [
  ['referenceFormats', (p) => short(p.referenceFormats.map((f) => f.mask).join(', '))],
  ['dmvReferenceRequired', (p) => p.dmvReferenceRequired],
  ['confidentialAddressRoles', (p) => (p.confidentialAddressRoles.length === 0 ? 'none' : [...p.confidentialAddressRoles].sort().join(', '))],
];

/**
 * What changed from `before` to `after`, item by item, as the audit trail records it: a number, a rule
 * name, whether an exemption is on, each inquiry rule (reference formats as their masks). Justifications
 * stay out of the trail (they are kept with the settings): a changed one is recorded as changed, without its text.
 */
export function changedItems(before: WorkstationSettings, after: WorkstationSettings): SettingItemChange[] {
  const items: SettingItemChange[] = [];
  if (before.idleTimeoutMinutes !== after.idleTimeoutMinutes) items.push({ item: 'idleTimeoutMinutes', from: before.idleTimeoutMinutes, to: after.idleTimeoutMinutes });
  for (const key of ['dispatchIdleExemption', 'accessibilityCaptureExemption'] as const) {
    if (before[key].enabled !== after[key].enabled || before[key].justification !== after[key].justification) {
      items.push({ item: key, from: before[key].enabled, to: after[key].enabled });
    }
  }
  if (before.lockoutRule !== after.lockoutRule) items.push({ item: 'lockoutRule', from: before.lockoutRule, to: after.lockoutRule });
  for (const [name, show] of POLICY_ITEMS) {
    if (JSON.stringify(before.inquiryPolicy[name]) !== JSON.stringify(after.inquiryPolicy[name])) {
      items.push({ item: `inquiryPolicy.${name}`, from: show(before.inquiryPolicy), to: show(after.inquiryPolicy) });
    }
  }
  if (before.inquiryPolicyJustification !== after.inquiryPolicyJustification) items.push({ item: 'inquiryPolicyJustification' });
  return items;
}

export function settingsHandlers(settings: SettingsService, audit: SessionAudit): Pick<Handlers, 'settings.get' | 'settings.update' | 'settings.status'> {
  return {
    'settings.get': () => settings.current(),
    // Whoever sits at the workstation is told it runs on the defaults; an administrator's save restores it.
    'settings.status': () => ({ problem: settings.problem() }),
    'settings.update': async (request, ctx) => {
      const actor = ctx.session.operatorId ?? 'unknown';
      const before = settings.current();
      const { settings: after } = settings.preview(request);
      for (const change of changedItems(before, after)) {
        await recordOrRefuse(audit, {
          type: 'setting.change',
          operator: ctx.session.operatorId ?? null,
          outcome: 'success',
          change,
        });
      }
      return settings.update(request, actor);
    },
  };
}
