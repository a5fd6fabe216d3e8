// Content protection follows the workstation settings (requirements L11; electron-security.md
// "Screen privacy"): every window is kept out of screen captures and recordings unless this
// workstation holds the audited accessibility exemption. Applied when a window is created and again
// on every settings change, to every window of ours.
import type { BrowserWindow } from 'electron';
import type { WorkstationSettings } from '../../shared/contract/session-schemas';
import type { Logger } from '../services/log';
import type { WindowRegistry } from './windows';

/** The part of the settings service this needs. */
export interface SettingsSource {
  current(): WorkstationSettings;
  onChange(listener: (settings: WorkstationSettings) => void): () => void;
}

/** True unless the settings say, exactly, that the exemption is enabled. Unreadable settings protect. */
export function captureProtectionFor(settings: WorkstationSettings | null | undefined): boolean {
  return settings?.accessibilityCaptureExemption?.enabled !== true;
}

/** The exemption as the settings service reports it now; false (protected) when it cannot say. */
export function captureExemptionNow(source: SettingsSource, logger?: Logger): boolean {
  try {
    return !captureProtectionFor(source.current());
  } catch (error) {
    logger?.error('settings unreadable: content protection stays on', { error });
    return false;
  }
}

function protect(window: BrowserWindow, enable: boolean, logger?: Logger): void {
  try {
    if (!window.isDestroyed()) window.setContentProtection(enable);
  } catch (error) {
    logger?.error('content protection could not be set', { error, enable });
  }
}

/** Re-applies content protection to every window of ours whenever the settings change. Returns unsubscribe. */
export function followCaptureExemption(registry: WindowRegistry, source: SettingsSource, logger?: Logger): () => void {
  return source.onChange(() => {
    // Read back through current() rather than trusting the listener's argument's shape.
    const enable = !captureExemptionNow(source, logger);
    logger?.info('content protection follows the settings', { enable });
    for (const window of registry.windows()) protect(window, enable, logger);
  });
}
