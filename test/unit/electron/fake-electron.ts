// A faithful, recording stand-in for the `electron` module (the Electron binary is not available to
// unit tests). Tests install it with:
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
// and read what the code under test did from `fake` (reset it in beforeEach).
//
// What it models, because the code under test depends on it:
// - new BrowserWindow() creates a webContents and emits app 'web-contents-created' for it, as Electron does;
// - webContents carry a session, a main frame (WebFrameMain) and a URL that loadURL() sets;
// - ipcMain.handle refuses a second handler for the same channel, as Electron does;
// - ipcRenderer is an event emitter whose listeners tests can count.
import { EventEmitter } from 'node:events';

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
    exposed: [] as Array<{ key: string; api: unknown }>,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    applicationMenus: [] as unknown[],
    errorBoxes: [] as Array<{ title: string; content: string }>,
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
  },
};

/** The shape of an IpcMainInvokeEvent the adapter reads. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeWebFrameMain | null): Record<string, unknown> {
  return { sender, senderFrame, frameId: senderFrame?.routingId ?? -1, processId: 7, type: 'frame' };
}
