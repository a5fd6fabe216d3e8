// The main process from start to quit: one instance, sandbox for every renderer, app:// registered
// before ready, security handlers before the first window, services from the composition root,
// IPC wired, then the window. A failed start shows one plain sentence and quits; a quit closes the
// services (link, training switch) before the process ends.
import { app, dialog, Menu, protocol, session } from 'electron';
import { startApp, type AppServices } from '../services/app';
import { resolveDataDir, TRAINING_WORKSTATION } from '../services/config';
import { isAppError } from '../services/errors';
import { createLogger, type Logger } from '../services/log';
import { wireIpc } from './ipc';
import { applicationMenuTemplate } from './menu';
import { APP_ENTRY_URL } from './origin';
import { resolveAppPaths } from './paths';
import { APP_SCHEME_REGISTRATION, registerAppProtocol } from './protocol';
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
}

export const STARTUP_FAILURE_TITLE = 'CLETS Workstation could not start';

class StartupError extends Error {
  constructor(
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
    this.name = 'StartupError';
  }
}

/** One plain sentence for the operator. Never a stack trace, never a path or personal data. */
export function startupFailureMessage(error: unknown): string {
  if (error instanceof StartupError) return error.userMessage;
  if (isAppError(error)) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'The workstation cannot write to its data folder. Ask your workstation administrator to check its permissions.';
  }
  if (code === 'ENOSPC') return 'The disk is full. Free some space, then start CLETS Workstation again.';
  return 'Something went wrong while starting. Try again; if it keeps happening, tell your workstation administrator (details are in the application log).';
}

export function runMainProcess(options: MainProcessOptions): void {
  const logger = options.logger ?? createLogger('main');
  const closeTimeoutMs = options.closeTimeoutMs ?? 5_000;

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
  let disposeIpc: (() => void) | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;
  let failed = false;

  async function closeServices(): Promise<void> {
    disposeIpc?.();
    disposeIpc = null;
    const current = services;
    services = null;
    if (!current) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), closeTimeoutMs);
    });
    try {
      const outcome = await Promise.race([current.close().then(() => 'closed' as const), timeout]);
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

  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    void stop().then(() => app.quit());
  });

  if (options.handleSignals !== false) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());
  }

  async function start(): Promise<void> {
    hardenSession(session.defaultSession, logger.child('security'));
    registerAppProtocol(protocol, paths.rendererRoot, logger.child('protocol'));
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ packaged: app.isPackaged, platform: process.platform })));

    const started = await startApp({
      dataDir: resolveDataDir(options.env, app.getPath('userData')),
      mode: 'training',
      workstation: TRAINING_WORKSTATION,
      version: app.getVersion(),
    });
    if (stopping) {
      // A quit arrived while the services were starting.
      await started.close();
      return;
    }
    services = started;
    disposeIpc = wireIpc({ router: started.router, events: started.events, registry, logger: logger.child('ipc') });

    const window = createMainWindow({ preloadPath: paths.preload, devTools: !app.isPackaged });
    registry.track(window);
    try {
      await window.loadURL(APP_ENTRY_URL);
    } catch (error) {
      throw new StartupError('The application files are missing or damaged. Reinstall CLETS Workstation.', { cause: error });
    }
  }

  app.whenReady().then(start).catch(failStartup);
}
