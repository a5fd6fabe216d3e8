// The platform ports (electron/services/platform.ts) made of Electron: system idle time from
// powerMonitor, the OS clipboard, and workstation settings in an electron-store file. startApp gets
// them as `ports`; the services never import electron.
import fs, { constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { clipboard, ipcMain, powerMonitor } from 'electron';
import type Store from 'electron-store';
import type { Logger } from '../services/log';
import type { ClipboardPort, IdleSource, SettingsBackend } from '../services/platform';

/**
 * OS-wide idle time. powerMonitor answers in whole seconds; the port speaks milliseconds. When
 * Electron cannot tell (it throws, or answers with something that is not a time) the answer is null,
 * never 0: 0 means "input just now" and would keep the idle lock from ever firing.
 */
export function electronIdleSource(): IdleSource {
  return {
    systemIdleMs() {
      try {
        const seconds: unknown = powerMonitor.getSystemIdleTime();
        return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
      } catch {
        return null;
      }
    },
  };
}

export interface ElectronClipboardPort extends ClipboardPort {
  /** Resolves once every write and clear handed to the OS clipboard has finished. Awaited at quit. */
  flush(): Promise<void>;
}

/**
 * The OS clipboard behind the synchronous ClipboardPort.
 *
 * Electron 45's clipboard writes and reads asynchronously (writeText and readText return promises;
 * clear() is immediate). So:
 * - writes and clears run in order: a clear() issued while a write is in flight clears at once AND
 *   again after that write lands, so copied text can never outlive the clear that followed it;
 * - readText() reads the OS clipboard after every write or clear already on its way, so the guard
 *   compares with what really landed (and leaves alone what the operator copied since elsewhere);
 *   writeText() and clear() resolve when their operation has landed.
 * - flush() lets the main process wait for the queue before the process ends.
 */
export function electronClipboard(logger?: Logger): ElectronClipboardPort {
  let queue: Promise<void> = Promise.resolve();
  let inFlight = 0;

  const enqueue = (label: string, operation: () => Promise<void> | void): Promise<void> => {
    const run = (): Promise<void> => {
      try {
        return Promise.resolve(operation());
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    // Nothing in flight: hand it to the OS now. Otherwise after what is already on its way.
    const started = inFlight === 0 ? run() : queue.then(run);
    inFlight += 1;
    queue = started
      .catch((error: unknown) => logger?.error(`clipboard ${label} failed`, { error }))
      .finally(() => {
        inFlight -= 1;
      });
    return queue;
  };
  const clearNow = () => {
    try {
      clipboard.clear();
    } catch (error) {
      logger?.error('clipboard clear failed', { error });
    }
  };

  return {
    readText: async () => {
      await queue;
      return clipboard.readText();
    },
    writeText(text) {
      return enqueue('write', () => clipboard.writeText(text));
    },
    clear() {
      clearNow();
      return inFlight > 0 ? enqueue('clear', clearNow) : queue;
    },
    flush: () => queue,
  };
}

/** The settings file's name (without .json) under the data folder. */
export const SETTINGS_STORE_NAME = 'workstation-settings';

/** The channel electron-store answers on from the main process (for renderer-side stores; we have none). */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data';

/**
 * Signals a module can hook when it loads. electron-store pulls in `when-exit` (through conf and
 * atomically), which on import adds a listener for each of these that re-raises the signal once it
 * has run: with that in place, SIGTERM or Ctrl+C kills the process before the services close (the
 * link is not logged off, the clipboard guard is not cleared). Loading the library must not change
 * how the process answers signals, so whatever it adds for them is taken off again.
 */
const HOOKABLE_SIGNALS = [
  'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGALRM', 'SIGABRT', 'SIGVTALRM', 'SIGXCPU', 'SIGXFSZ', 'SIGUSR2',
  'SIGTRAP', 'SIGSYS', 'SIGQUIT', 'SIGIOT', 'SIGIO', 'SIGPOLL', 'SIGPWR', 'SIGSTKFLT',
] as const;

async function withoutNewSignalListeners<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(HOOKABLE_SIGNALS.map((signal) => [signal, new Set(process.rawListeners(signal))]));
  try {
    return await load();
  } finally {
    for (const signal of HOOKABLE_SIGNALS) {
      for (const listener of process.rawListeners(signal)) {
        if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener as (...args: unknown[]) => void);
      }
    }
  }
}

type SettingsStore = Store<Record<string, unknown>>;

/**
 * Why the settings file could not be used. The message is the short reason the settings service puts
 * in its own sentence ("The workstation settings file <location> is damaged (<message>)"); the file
 * itself is on `location`.
 */
export class SettingsFileError extends Error {
  constructor(
    readonly code: 'SETTINGS_CORRUPT' | 'SETTINGS_UNREADABLE' | 'SETTINGS_UNWRITABLE',
    message: string,
    readonly location: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SettingsFileError';
  }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function isDamaged(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'SyntaxError';
}

function readFailure(location: string, error: unknown): SettingsFileError {
  // conf's own message names the file; the parser's would quote it. Neither goes further than the log.
  if (isDamaged(error)) return new SettingsFileError('SETTINGS_CORRUPT', 'it is not valid JSON', location, { cause: error });
  return new SettingsFileError('SETTINGS_UNREADABLE', `it could not be read (${errorCode(error) ?? 'error'})`, location, { cause: error });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Workstation settings in `<cwd>/workstation-settings.json`, through electron-store. The file holds
 * the settings object itself; the settings service validates whatever read() returns.
 *
 * - Nothing stored yet (no file): read() returns undefined.
 * - A file that is not valid JSON: read() throws SETTINGS_CORRUPT ("it is not valid JSON", the file on
 *   `location`) and the file stays as it is: clearInvalidConfig is false, where electron-store would
 *   otherwise replace it with an empty store without a word.
 * - preserveAside() copies the file beside itself (`<file>.corrupt-<tag>`) before the service lets a
 *   damaged file be replaced.
 * - write() replaces the file atomically (electron-store writes through a temp file and a rename). A
 *   damaged file makes electron-store refuse to open, so write() moves it out of the way first, and
 *   only once a copy of it is kept beside it.
 * - Each read goes to the file (no cache), so a file damaged or restored while the app runs is seen.
 * - The store is opened on first use, not here: opening reads the file, and a damaged file must
 *   surface as read()'s error, not as a failure to build the ports.
 *
 * Async only because electron-store is an ES module, loaded with import() (esbuild bundles it).
 */
export async function electronStoreSettingsBackend(options: { cwd: string }): Promise<SettingsBackend> {
  const cwd = path.resolve(options.cwd);
  const location = path.join(cwd, `${SETTINGS_STORE_NAME}.json`);
  const { default: ElectronStore } = await withoutNewSignalListeners(() => import('electron-store'));
  let store: SettingsStore | null = null;

  const open = (): SettingsStore => {
    if (store) return store;
    try {
      store = new ElectronStore<Record<string, unknown>>({
        name: SETTINGS_STORE_NAME,
        cwd,
        clearInvalidConfig: false,
        cache: false,
        watch: false,
        accessPropertiesByDotNotation: false,
        configFileMode: 0o600,
      });
    } finally {
      // electron-store answers any renderer's synchronous message on this channel (the data folder
      // path and the app version), with no sender check. No renderer of ours builds a store, and the
      // IPC surface is the contract's channels only (checklist item 17), so the listener goes.
      ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL);
    }
    return store;
  };

  const preserveAside = (tag: string): string | null => {
    if (!fs.existsSync(location)) return null;
    const copy = `${location}.corrupt-${tag.replace(/[^A-Za-z0-9-]/g, '-')}`;
    fs.copyFileSync(location, copy, fsConstants.COPYFILE_EXCL);
    fs.chmodSync(copy, 0o600);
    return copy;
  };

  /** True when a `.corrupt-*` copy beside the file holds exactly what the file holds now. */
  const alreadyPreserved = (): boolean => {
    const current = fs.readFileSync(location);
    const prefix = `${path.basename(location)}.corrupt-`;
    return fs
      .readdirSync(cwd)
      .filter((name) => name.startsWith(prefix))
      .some((name) => {
        try {
          return fs.readFileSync(path.join(cwd, name)).equals(current);
        } catch {
          return false;
        }
      });
  };

  /** True when the file is there and is not valid JSON (whether or not the store is open yet). */
  const damagedNow = (): boolean => {
    if (!fs.existsSync(location)) return false;
    try {
      void open().store;
      return false;
    } catch (error) {
      if (isDamaged(error)) return true;
      throw error;
    }
  };

  return {
    location,
    read() {
      try {
        const opened = open();
        if (!fs.existsSync(opened.path)) return undefined;
        // The store comes back as a prototype-less object: hand the service a plain one.
        return { ...opened.store };
      } catch (error) {
        throw readFailure(location, error);
      }
    },
    write(value) {
      if (!isPlainObject(value)) throw new TypeError('Workstation settings are stored as an object.');
      try {
        // A damaged file is kept aside (once) and moved out of the way: electron-store will not open
        // over it, and an open store would write over it without a copy.
        if (damagedNow()) {
          if (!alreadyPreserved()) preserveAside(`replaced-${new Date().toISOString()}`);
          fs.rmSync(location, { force: true });
        }
        open().store = value;
      } catch (error) {
        throw new SettingsFileError('SETTINGS_UNWRITABLE', `it could not be written (${errorCode(error) ?? 'error'})`, location, { cause: error });
      }
    },
    preserveAside,
  };
}
