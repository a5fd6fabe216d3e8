// The main window. Every window the app creates goes through secureWebPreferences() (checklist
// items 2–4, 6, 8–12): there is no other BrowserWindow constructor call in the code base.
import { BrowserWindow, type WebPreferences } from 'electron';

export interface WebPreferenceOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preloadPath: string;
  /** DevTools: development only. Packaged builds pass false, so no shortcut or menu can open them. */
  devTools: boolean;
}

export function secureWebPreferences(options: WebPreferenceOptions): WebPreferences {
  return {
    preload: options.preloadPath,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    contextIsolation: true,
    sandbox: true,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // enableBlinkFeatures is deliberately absent: no Blink feature is switched on.
    webviewTag: false,
    plugins: false,
    enableWebSQL: false,
    webgl: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    enableDeprecatedPaste: false,
    devTools: options.devTools,
  };
}

export interface MainWindowOptions extends WebPreferenceOptions {
  /**
   * Screen privacy: the window is kept out of screen captures and recordings unless this workstation
   * holds an audited accessibility exemption (some screen readers cannot read a protected window).
   * The lifecycle passes the workstation setting (accessibilityCaptureExemption.enabled) and
   * screen-privacy.ts re-applies it to every window when the settings change.
   */
  accessibilityCaptureExemption?: boolean;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'CLETS Workstation',
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#101418',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options),
  });
  window.setContentProtection(options.accessibilityCaptureExemption !== true);
  window.once('ready-to-show', () => window.show());
  return window;
}
