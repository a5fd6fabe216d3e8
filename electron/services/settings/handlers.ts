// settings.get and settings.update. The router has checked the role (get: admin or CRSO; update: admin).
// An update is recorded in the audit trail, one record per changed setting, before it is saved: a record
// that cannot be written refuses the update (AUDIT_*) and nothing is changed.
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import type { Handlers } from '../ipc/router';
import { recordOrRefuse, type SessionAudit } from '../session/audit';
import type { SettingName, SettingsService } from './service';

/** The value a record shows for a setting: a number, a rule name, or whether an exemption is on (its text stays out). */
function recorded(settings: WorkstationSettings, name: SettingName): string | number | boolean {
  const value = settings[name];
  return typeof value === 'object' ? value.enabled : value;
}

export function settingsHandlers(settings: SettingsService, audit: SessionAudit): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.current(),
    'settings.update': async (request, ctx) => {
      const actor = ctx.session.operatorId ?? 'unknown';
      const before = settings.current();
      const { settings: after, changed } = settings.preview(request);
      for (const name of changed) {
        await recordOrRefuse(audit, {
          type: 'setting.change',
          operator: ctx.session.operatorId ?? null,
          outcome: 'success',
          change: { item: name, from: recorded(before, name), to: recorded(after, name) },
        });
      }
      return settings.update(request, actor);
    },
  };
}
