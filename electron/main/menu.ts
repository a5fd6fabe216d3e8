// The application menu. Packaged builds carry no role that reloads the page or opens DevTools.
import type { MenuItemConstructorOptions } from 'electron';

export function applicationMenuTemplate(options: { packaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.platform === 'darwin') template.push({ role: 'appMenu' });
  // The edit roles make copy and paste shortcuts work on macOS; they open nothing.
  template.push({ role: 'editMenu' }, { role: 'windowMenu' });
  if (!options.packaged) {
    template.push({
      label: 'Developer',
      submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
    });
  }
  return template;
}
