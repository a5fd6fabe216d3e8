// settings.get and settings.update. The router has checked the role (get: admin or CRSO; update: admin).
import type { Handlers } from '../ipc/router';
import type { SettingsService } from './service';

export function settingsHandlers(settings: SettingsService): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => settings.current(),
    'settings.update': (request, ctx) => settings.update(request, ctx.session.operatorId ?? 'unknown'),
  };
}
