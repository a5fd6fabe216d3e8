// A faithful, recording stand-in for the `electron` module (the Electron binary is not available to
// unit tests). Tests install it with:
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
// and read what the code under test did from `fake` (reset it in beforeEach).
//
// What it models, because the code under test depends on it:
// - new BrowserWindow() creates a webContents and emits app 'web-contents-created' for it, as Electron does;
// - webContents carry a session, a main frame (WebFrameMain) and a URL that loadURL() sets;
// - ipcMain.handle refuses a second handler for the same channel, as Electron does;
// - ipcRenderer is an event emitter whose listeners tests can count;
// - powerMonitor emits 'lock-screen' and 'suspend' and answers getSystemIdleTime() in seconds;
// - the clipboard is Electron 45's: writeText() and readText() are asynchronous (the write lands a
//   turn of the event loop later), clear() is immediate;
// - webContents emit 'before-input-event' with the full Input object (pressKey());
// - node_modules code that imports `electron` natively (vitest does not mock inside an external
//   package, e.g. electron-store) gets this same fake too, as every module gets the one `electron`
//   in a real main process: see registerForNativeImports() at the end.
import { EventEmitter } from 'node:events';
import Module, { createRequire } from 'node:module';

export class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type BeforeRequestListener = (details: { url: string; method: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  displayMediaRequestHandler: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null;
  beforeRequest: BeforeRequestListener | null = null;
  readonly webRequest = {
    onBeforeRequest: (filterOrListener: unknown, maybeListener?: unknown) => {
      this.beforeRequest = (typeof filterOrListener === 'function' ? filterOrListener : maybeListener) as BeforeRequestListener;
    },
  };
  constructor(readonly partition: string) {
    super();
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: ((request: unknown, callback: (streams: unknown) => void) => void) | null): void {
    this.displayMediaRequestHandler = handler;
  }
}

let frameTreeNodeIds = 1;

export class FakeWebFrameMain {
  readonly frameTreeNodeId = frameTreeNodeIds++;
  readonly processId = 7;
  readonly routingId = this.frameTreeNodeId;
  detached = false;
  destroyed = false;
  origin: string;
  constructor(
    public url: string,
    public parent: FakeWebFrameMain | null = null,
  ) {
    this.origin = FakeWebFrameMain.originOf(url);
  }
  static originOf(url: string): string {
    const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(url);
    return match?.[1] ?? 'null';
  }
  get top(): FakeWebFrameMain {
    return this.parent ? this.parent.top : this;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  navigate(url: string): void {
    this.url = url;
    this.origin = FakeWebFrameMain.originOf(url);
  }
}

let webContentsIds = 1;

/** Electron's Input (the 'before-input-event' payload). */
export interface FakeInput {
  type: 'keyDown' | 'keyUp' | 'rawKeyDown';
  key: string;
  code: string;
  isAutoRepeat: boolean;
  isComposing: boolean;
  shift: boolean;
  control: boolean;
  alt: boolean;
  meta: boolean;
  location: number;
  modifiers: string[];
}

export class FakeWebContents extends EventEmitter {
  readonly id = webContentsIds++;
  readonly mainFrame: FakeWebFrameMain;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  windowOpenHandler: ((details: { url: string; frameName: string; features: string; disposition: string }) => { action: string }) | null = null;
  destroyed = false;
  constructor(
    readonly session: FakeSession,
    readonly webPreferences: Record<string, unknown> = {},
  ) {
    super();
    this.mainFrame = new FakeWebFrameMain('');
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.mainFrame.destroyed = true;
  }
  setWindowOpenHandler(handler: FakeWebContents['windowOpenHandler']): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  /**
   * A key event as Electron reports it to 'before-input-event' before the page sees it. Returns the
   * event, so a test can tell whether the default (the page's keydown, menu accelerators) was prevented.
   */
  pressKey(input: Partial<FakeInput> & { key: string }): FakeEvent {
    const event = new FakeEvent();
    const full: FakeInput = {
      type: 'keyDown',
      code: /^[a-z]$/i.test(input.key) ? `Key${input.key.toUpperCase()}` : input.key,
      isAutoRepeat: false,
      isComposing: false,
      shift: false,
      control: false,
      alt: false,
      meta: false,
      location: 0,
      modifiers: [],
      ...input,
    };
    full.modifiers = input.modifiers ?? (['shift', 'control', 'alt', 'meta'] as const).filter((m) => full[m]);
    this.emit('before-input-event', event, full);
    return event;
  }
  /** Emits the navigation events the way Electron 45 does: an event object carrying the URL. */
  attemptNavigation(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): FakeEvent {
    const event = new FakeEvent({ url, isMainFrame: true, isSameDocument: false, frame: this.mainFrame });
    if (kind === 'will-frame-navigate') this.emit(kind, event);
    else this.emit(kind, event, url, false, true, 7, 1);
    return event;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }
  readonly webContents: FakeWebContents;
  contentProtection: boolean | null = null;
  shown = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loadURLCalls: string[] = [];
  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    const prefs = (options.webPreferences ?? {}) as Record<string, unknown>;
    this.webContents = new FakeWebContents(fake.session.defaultSession, prefs);
    FakeBrowserWindow.all.push(this);
    fake.windowsCreated.push(this);
    fake.app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  setContentProtection(enable: boolean): void {
    this.contentProtection = enable;
  }
  isContentProtected(): boolean {
    return this.contentProtection === true;
  }
  async loadURL(url: string): Promise<void> {
    this.loadURLCalls.push(url);
    if (fake.loadURLFailure) throw fake.loadURLFailure;
    this.webContents.mainFrame.navigate(url);
    this.emit('ready-to-show');
  }
  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstanceLock = true;
  sandboxEnabled = false;
  readyState = false;
  quitCalls = 0;
  exitCodes: number[] = [];
  /** Order of the calls tests care about ('enableSandbox', 'registerSchemesAsPrivileged', 'ready', ...). */
  private resolveReady!: () => void;
  private readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  requestSingleInstanceLock(): boolean {
    fake.calls.push('requestSingleInstanceLock');
    return this.singleInstanceLock;
  }
  enableSandbox(): void {
    if (this.readyState) throw new Error('app.enableSandbox() can only be called before app is ready');
    fake.calls.push('enableSandbox');
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.readyState;
  }
  /** Test control: makes the app ready, as Electron does after startup. */
  becomeReady(): void {
    fake.calls.push('ready');
    this.readyState = true;
    this.emit('ready');
    this.resolveReady();
  }
  getPath(name: string): string {
    return `/fake/${name}`;
  }
  getVersion(): string {
    return '0.1.0';
  }
  quit(): void {
    fake.calls.push('quit');
    this.quitCalls += 1;
  }
  exit(code = 0): void {
    fake.calls.push(`exit:${code}`);
    this.exitCodes.push(code);
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what Electron does when a renderer calls ipcRenderer.invoke(channel, ...args). */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

class FakePowerMonitor extends EventEmitter {
  /** What getSystemIdleTime() answers (whole seconds, as Electron does), or an error it throws. */
  idleSeconds: number | Error = 0;
  getSystemIdleTime(): number {
    if (this.idleSeconds instanceof Error) throw this.idleSeconds;
    return this.idleSeconds;
  }
}

/** Electron 45's clipboard: asynchronous writeText/readText, immediate clear(). */
class FakeClipboard {
  /** What the OS clipboard holds. */
  text = '';
  /** Every call in order: 'writeText:<text>', 'readText', 'clear'. */
  readonly calls: string[] = [];
  /** Writes that have not landed yet. */
  pendingWrites = 0;
  writeText(text: string): Promise<void> {
    this.calls.push(`writeText:${text}`);
    this.pendingWrites += 1;
    return new Promise((resolve) => {
      setImmediate(() => {
        this.text = text;
        this.pendingWrites -= 1;
        resolve();
      });
    });
  }
  readText(): Promise<string> {
    this.calls.push('readText');
    return Promise.resolve(this.text);
  }
  clear(): void {
    this.calls.push('clear');
    this.text = '';
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = [];
  invokeResult: unknown = { ok: true, value: {} };
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.invokeResult);
  }
  send(): void {
    throw new Error('the preload must not use ipcRenderer.send');
  }
  sendSync(): never {
    throw new Error('the preload must not use ipcRenderer.sendSync');
  }
}

function createState() {
  const defaultSession = new FakeSession('default');
  return {
    calls: [] as string[],
    windowsCreated: [] as FakeBrowserWindow[],
    loadURLFailure: null as Error | null,
    app: new FakeApp(),
    ipcMain: new FakeIpcMain(),
    ipcRenderer: new FakeIpcRenderer(),
    powerMonitor: new FakePowerMonitor(),
    clipboard: new FakeClipboard(),
    exposed: [] as Array<{ key: string; api: unknown }>,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    applicationMenus: [] as unknown[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as Array<{ window: unknown; options: Record<string, unknown> }>,
    session: { defaultSession },
  };
}

export type FakeState = ReturnType<typeof createState>;

/** The current fake state. Replaced by resetFake(); modules read it through the getters below. */
export let fake: FakeState = createState();

export function resetFake(): FakeState {
  FakeBrowserWindow.all = [];
  fake = createState();
  return fake;
}

/** The module object `vi.mock('electron', ...)` returns. Getters, so resetFake() takes effect. */
export const electronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  get session() {
    return fake.session;
  },
  get powerMonitor() {
    return fake.powerMonitor;
  },
  get clipboard() {
    return fake.clipboard;
  },
  BrowserWindow: FakeBrowserWindow,
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      fake.exposed.push({ key, api });
    },
  },
  protocol: {
    registerSchemesAsPrivileged(schemes: unknown[]) {
      if (fake.app.readyState) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
      fake.calls.push('registerSchemesAsPrivileged');
      fake.privilegedSchemes.push(...schemes);
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response) {
      if (!fake.app.readyState) throw new Error('protocol.handle must be called after the app is ready');
      fake.calls.push(`protocol.handle:${scheme}`);
      fake.protocolHandlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      fake.protocolHandlers.delete(scheme);
    },
  },
  Menu: {
    buildFromTemplate(template: unknown[]) {
      return { template };
    },
    setApplicationMenu(menu: unknown) {
      fake.applicationMenus.push(menu);
    },
  },
  dialog: {
    showErrorBox(title: string, content: string) {
      fake.errorBoxes.push({ title, content });
    },
    showMessageBox(windowOrOptions: unknown, maybeOptions?: Record<string, unknown>) {
      const [window, options] = maybeOptions === undefined ? [null, windowOrOptions as Record<string, unknown>] : [windowOrOptions, maybeOptions];
      fake.messageBoxes.push({ window, options });
      return Promise.resolve({ response: 0, checkboxChecked: false });
    },
  },
};

/** The shape of an IpcMainInvokeEvent the adapter reads. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeWebFrameMain | null): Record<string, unknown> {
  return { sender, senderFrame, frameId: senderFrame?.routingId ?? -1, processId: 7, type: 'frame' };
}

/**
 * vitest's vi.mock('electron') reaches the files vitest transforms, not the packages it leaves to
 * Node (electron-store imports `electron` from node_modules). Without this, such a package would load
 * the real `electron` npm package, which in plain Node tries to download the Electron binary.
 *
 * So the fake is also put in Node's module cache under the `electron` package's entry file. Its
 * members forward to the current fake, because a package keeps what it took at load time
 * (electron-store destructures `app` and `ipcMain` once per process) while resetFake() builds new
 * ones for each test. Node's own module cache lives as long as the worker process, so the forwarding
 * goes through a global slot that the latest loaded copy of this file owns.
 */
const SLOT = Symbol.for('clets.fake-electron.module');

function forwarding<T extends object>(pick: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const current = pick();
      const value: unknown = Reflect.get(current, property, current);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
    has: (_target, property) => Reflect.has(pick(), property),
  });
}

function registerForNativeImports(): void {
  const slot = globalThis as unknown as Record<symbol, (() => typeof electronModule) | undefined>;
  slot[SLOT] = () => electronModule;
  const current = () => slot[SLOT]!();
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve('electron');
  } catch {
    return; // the electron package is not installed: nothing could import it natively either
  }
  if ((require.cache[entry] as { fakeElectron?: boolean } | undefined)?.fakeElectron) return;
  const native = new Module(entry);
  native.filename = entry;
  native.loaded = true;
  native.exports = {
    app: forwarding(() => current().app),
    ipcMain: forwarding(() => current().ipcMain),
    session: forwarding(() => current().session),
    powerMonitor: forwarding(() => current().powerMonitor),
    clipboard: forwarding(() => current().clipboard),
    dialog: forwarding(() => current().dialog),
    BrowserWindow: FakeBrowserWindow,
    shell: { openPath: () => Promise.resolve('shell.openPath is not available in unit tests') },
  };
  Object.assign(native, { fakeElectron: true });
  require.cache[entry] = native;
}

registerForNativeImports();
