// The main process from start to quit: one instance, sandbox for every renderer, app:// registered
// before ready, security handlers before the first window, services from the composition root
// (given Electron's idle time, clipboard and settings file as ports), IPC and the system lock events
// wired, then the window: content protection from the settings, Ctrl+L caught. A failed start shows
// one plain sentence and quits; a quit closes the services (link, training switch, clipboard guard)
// and waits for the clipboard before the process ends.
import { app, dialog, Menu, powerMonitor, protocol, session, type BrowserWindow } from 'electron';
import type { LockReason } from '../../shared/contract/session-schemas';
import { startApp, type AppServices } from '../services/app';
import { resolveDataDir, TRAINING_WORKSTATION } from '../services/config';
import { isAppError } from '../services/errors';
import { createLogger, type Logger } from '../services/log';
import { wireIpc } from './ipc';
import { lockOnShortcut, lockOnSystemEvents } from './lock';
import { applicationMenuTemplate } from './menu';
import { APP_ENTRY_URL } from './origin';
import { resolveAppPaths } from './paths';
import { electronClipboard, electronIdleSource, electronStoreSettingsBackend, type ElectronClipboardPort } from './platform';
import { APP_SCHEME_REGISTRATION, registerAppProtocol } from './protocol';
import { captureExemptionNow, followCaptureExemption } from './screen-privacy';
import { hardenSession, installAppSecurity } from './security';
import { createMainWindow } from './window';
import { createWindowRegistry } from './windows';

export interface MainProcessOptions {
  /** Folder of the built main script (its __dirname). */
  mainDir: string;
  env: NodeJS.ProcessEnv;
  logger?: Logger;
  /** How long a quit waits for the services to close before it gives up on them. */
  closeTimeoutMs?: number;
  /** SIGINT/SIGTERM quit the app cleanly (default true; tests turn it off). */
  handleSignals?: boolean;
  /** The platform the menu and the lock shortcut are built for (default process.platform; tests vary it). */
  platform?: NodeJS.Platform;
}

export const STARTUP_FAILURE_TITLE = 'CLETS Workstation could not start';
export const SETTINGS_PROBLEM_TITLE = 'CLETS Workstation is running on the default settings';

class StartupError extends Error {
  constructor(
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'StartupError';
  }
}

const GENERIC_FAILURE =
  'Something went wrong while starting. Try again; if it keeps happening, tell your workstation administrator (details are in the application log).';

/**
 * A service's message as one line for a dialog: cut where a stack trace or a Node "Require stack"
 * list begins (a cause's message can carry one), whitespace folded, at most 600 characters.
 */
export function plainReason(message: string): string {
  const beforeStack = message.split(/\r?\n\s*(?:at\s|Require stack:)/)[0] ?? '';
  const line = beforeStack.replace(/\s+/g, ' ').trim();
  if (line.length === 0) return GENERIC_FAILURE;
  return line.length > 600 ? `${line.slice(0, 599)}…` : line;
}

/**
 * One plain reason for the operator. Never a stack trace; never a path or personal data, except
 * where a service's own AppError names the file or the keychain the administrator must fix (the
 * keychain refusal, a damaged settings file): that message is shown as the service wrote it.
 */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof StartupError) return error.userMessage;
  if (isAppError(error)) return plainReason(error.message);
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'The workstation cannot write to its data folder. Ask your workstation administrator to check its permissions.';
  }
  if (code === 'ENOSPC') return 'The disk is full. Free some space, then start CLETS Workstation again.';
  return GENERIC_FAILURE;
}

export function runMainProcess(options: MainProcessOptions): void {
  const logger = options.logger ?? createLogger('main');
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
  const platform = options.platform ?? process.platform;

  if (!app.requestSingleInstanceLock()) {
    logger.info('another instance is already running; this one exits');
    app.quit();
    return;
  }

  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_REGISTRATION]);
  installAppSecurity(app, logger.child('security'));

  const paths = resolveAppPaths(options.mainDir);
  const registry = createWindowRegistry();
  let services: AppServices | null = null;
  let clipboard: ElectronClipboardPort | null = null;
  /** Undoes what was wired to the running services: IPC, the system lock events, the settings listener. */
  const unwire: Array<() => void> = [];
  let stopping: Promise<void> | null = null;
  let stopped = false;
  let failed = false;

  async function closeServices(): Promise<void> {
    for (const undo of unwire.splice(0)) undo();
    const current = services;
    services = null;
    if (!current) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), closeTimeoutMs);
    });
    try {
      // close() clears the clipboard guard; the OS clipboard writes asynchronously, so the quit also
      // waits for that clear to land. One deadline covers both.
      const closing = current.close().then(() => clipboard?.flush());
      const outcome = await Promise.race([closing.then(() => 'closed' as const), timeout]);
      if (outcome === 'timeout') logger.warn('services did not close in time; quitting anyway');
    } catch (error) {
      logger.error('services failed to close', { error });
    } finally {
      clearTimeout(timer);
    }
  }

  function stop(): Promise<void> {
    stopping ??= closeServices().finally(() => {
      stopped = true;
    });
    return stopping;
  }

  function failStartup(error: unknown): void {
    if (failed) return;
    failed = true;
    logger.error('startup failed', { error, cause: (error as { cause?: unknown } | null)?.cause });
    dialog.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureMessage(error));
    void stop().finally(() => app.exit(1));
  }

  app.on('second-instance', () => {
    const [window] = registry.windows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => app.quit());

  // The services close on will-quit, after every window has closed: a window that refused to close
  // (before-quit → windows close → one cancels) leaves the app running with its services intact.
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    // A second quit while the services close (Ctrl+Q pressed twice) waits on the same close.
    if (stopping) return;
    void stop().then(() => app.quit());
  });

  if (options.handleSignals !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  }

  /** Locks the running session; a failure is logged, never thrown into an Electron event. */
  function lockSession(reason: LockReason): void {
    const current = services;
    if (!current) return;
    try {
      current.session.lock(reason);
    } catch (error) {
      logger.error('the session could not be locked', { reason, error });
    }
  }

  /** Every window of ours: content protection from the settings, tracked for IPC, Ctrl+L caught. */
  function openWindow(current: AppServices): BrowserWindow {
    const window = createMainWindow({
      preloadPath: paths.preload,
      devTools: !app.isPackaged,
      accessibilityCaptureExemption: captureExemptionNow(current.settings, logger.child('privacy')),
    });
    registry.track(window);
    lockOnShortcut(window.webContents, lockSession, platform);
    return window;
  }

  /**
   * A damaged settings file does not stop the app (it runs on the strictest defaults), but whoever
   * sits at it is told, in the settings service's words: which file, and the way back.
   */
  function warnAboutSettings(current: AppServices, window: BrowserWindow): void {
    let problem: { code: string; message: string } | null = null;
    try {
      problem = current.settings.problem();
    } catch (error) {
      logger.error('the settings problem could not be read', { error });
    }
    if (!problem) return;
    logger.warn('running on the default settings', { code: problem.code });
    dialog
      .showMessageBox(window, { type: 'warning', title: SETTINGS_PROBLEM_TITLE, message: SETTINGS_PROBLEM_TITLE, detail: plainReason(problem.message), buttons: ['OK'] })
      .catch((error: unknown) => logger.error('the settings warning could not be shown', { error }));
  }

  async function start(): Promise<void> {
    hardenSession(session.defaultSession, logger.child('security'));
    registerAppProtocol(protocol, paths.rendererRoot, logger.child('protocol'));
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ packaged: app.isPackaged, platform })));

    const dataDir = resolveDataDir(options.env, app.getPath('userData'));
    clipboard = electronClipboard(logger.child('clipboard'));
    const ports = {
      idle: electronIdleSource(),
      clipboard,
      settings: await electronStoreSettingsBackend({ cwd: dataDir }),
    };
    const started = await startApp(
      { dataDir, mode: 'training', workstation: TRAINING_WORKSTATION, version: app.getVersion() },
      { ports },
    );
    if (stopping) {
      // A quit arrived while the services were starting.
      await started.close();
      await clipboard.flush();
      return;
    }
    services = started;
    unwire.push(
      wireIpc({ router: started.router, events: started.events, registry, logger: logger.child('ipc') }),
      lockOnSystemEvents(powerMonitor, lockSession, logger.child('lock')),
      followCaptureExemption(registry, started.settings, logger.child('privacy')),
    );

    const window = openWindow(started);
    try {
      await window.loadURL(APP_ENTRY_URL);
    } catch (error) {
      throw new StartupError('The application files are missing or damaged. Reinstall CLETS Workstation.', { cause: error });
    }
    warnAboutSettings(started, window);
  }

  app.whenReady().then(start).catch(failStartup);
}
