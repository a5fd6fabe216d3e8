// What locks the session from the main process (requirements L3, L11): the OS locking the screen,
// the machine suspending, and Ctrl+L (Cmd+L too on macOS) in any of our windows. The main process
// owns the lock state, so these do not depend on the renderer hearing anything; the renderer's own
// Ctrl+L handler and Lock button call session.lock as well, and a second lock is harmless.
import type { Input, PowerMonitor, WebContents } from 'electron';
import type { LockReason } from '../../shared/contract/session-schemas';
import type { Logger } from '../services/log';

/** Whatever can lock the session now. Never throws (failures are logged by the caller's wrapper). */
export type LockSession = (reason: LockReason) => void;

/**
 * powerMonitor 'lock-screen' → lock('os-lock'); 'suspend' → lock('suspend'). Electron reports
 * 'lock-screen' on Windows and macOS only; on Linux the OS lock shows up as system idle time, which
 * the idle port feeds to the idle lock. Returns a function that removes both listeners.
 */
export function lockOnSystemEvents(monitor: Pick<PowerMonitor, 'on' | 'removeListener'>, lock: LockSession, logger?: Logger): () => void {
  const onLockScreen = () => {
    logger?.info('the OS locked the screen: locking the session');
    lock('os-lock');
  };
  const onSuspend = () => {
    logger?.info('the system is suspending: locking the session');
    lock('suspend');
  };
  monitor.on('lock-screen', onLockScreen);
  monitor.on('suspend', onSuspend);
  return () => {
    monitor.removeListener('lock-screen', onLockScreen);
    monitor.removeListener('suspend', onSuspend);
  };
}

/** The physical L key when the layout types no Latin letter there (Cyrillic, Greek, ...). */
function isLKey(input: Pick<Input, 'key' | 'code'>): boolean {
  const key = typeof input.key === 'string' ? input.key : '';
  if (/^[a-z]$/i.test(key)) return key.toLowerCase() === 'l';
  return input.code === 'KeyL';
}

/**
 * Ctrl+L anywhere; Cmd+L as well on macOS. Key down only, no Alt, no Shift, not while an input
 * method is composing. On Latin layouts the key the layout types decides (Dvorak's L is Ctrl+L);
 * elsewhere the physical L key does.
 */
export function isLockShortcut(input: Input, platform: NodeJS.Platform): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (input.isComposing || input.alt || input.shift) return false;
  const primary = platform === 'darwin' ? input.meta || input.control : input.control && !input.meta;
  return primary && isLKey(input);
}

/**
 * Catches the lock shortcut in the main process before the page sees it: the default is prevented
 * (no page keydown, no menu accelerator) and the session locks. A held key's repeats are swallowed
 * without locking again. Every other key passes untouched.
 */
export function lockOnShortcut(contents: Pick<WebContents, 'on'>, lock: LockSession, platform: NodeJS.Platform): void {
  contents.on('before-input-event', (event, input) => {
    if (!isLockShortcut(input, platform)) return;
    event.preventDefault();
    if (!input.isAutoRepeat) lock('shortcut');
  });
}
