// The main process locks the session on its own (requirements L3, L11): when the OS locks the
// screen, when the machine suspends, and on Ctrl+L (Cmd+L too on macOS) in our window, before the
// page sees the key. Every other key reaches the page untouched.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { isLockShortcut } from '../../../electron/main/lock';
import { FakeEvent, resetFake, type FakeInput } from './fake-electron';
import { bootMain } from './harness';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));

function input(partial: Partial<FakeInput> & { key: string }): FakeInput {
  return {
    type: 'keyDown',
    code: `Key${partial.key.toUpperCase()}`,
    isAutoRepeat: false,
    isComposing: false,
    shift: false,
    control: false,
    alt: false,
    meta: false,
    location: 0,
    modifiers: [],
    ...partial,
  };
}

describe('system lock events', () => {
  beforeEach(() => {
    resetFake();
  });

  it("the OS locking the screen locks the session with reason 'os-lock'", async () => {
    const { state, services } = await bootMain();
    state.powerMonitor.emit('lock-screen');
    expect(services.session.lock).toHaveBeenCalledExactlyOnceWith('os-lock');
  });

  it("the machine suspending locks the session with reason 'suspend'", async () => {
    const { state, services } = await bootMain();
    state.powerMonitor.emit('suspend');
    expect(services.session.lock).toHaveBeenCalledExactlyOnceWith('suspend');
  });

  it('other power events lock nothing', async () => {
    const { state, services } = await bootMain();
    for (const name of ['resume', 'unlock-screen', 'on-ac', 'on-battery']) state.powerMonitor.emit(name);
    expect(services.session.lock).not.toHaveBeenCalled();
  });

  it('a lock that throws is logged, not thrown into the power event', async () => {
    const { state, services } = await bootMain();
    services.session.lock.mockImplementation(() => {
      throw new Error('session store unavailable');
    });
    expect(() => state.powerMonitor.emit('suspend')).not.toThrow();
  });

  it('nothing is hooked when the services never started', async () => {
    const { state } = await bootMain({ startApp: () => Promise.reject(new Error('no')) });
    await vi.waitFor(() => expect(state.app.exitCodes).toEqual([1]));
    expect(state.powerMonitor.eventNames()).toEqual([]);
  });
});

describe('Ctrl+L in our window', () => {
  beforeEach(() => {
    resetFake();
  });

  it("locks with reason 'shortcut' and keeps the key from the page", async () => {
    const { state, services } = await bootMain();
    const contents = state.windowsCreated[0]!.webContents;
    const event = contents.pressKey({ key: 'l', control: true });
    expect(event.defaultPrevented).toBe(true);
    expect(services.session.lock).toHaveBeenCalledExactlyOnceWith('shortcut');
  });

  it('also with Caps Lock on (key "L", no Shift)', async () => {
    const { state, services } = await bootMain();
    const event = state.windowsCreated[0]!.webContents.pressKey({ key: 'L', control: true });
    expect(event.defaultPrevented).toBe(true);
    expect(services.session.lock).toHaveBeenCalledExactlyOnceWith('shortcut');
  });

  it('other keys and other chords pass to the page untouched', async () => {
    const { state, services } = await bootMain();
    const contents = state.windowsCreated[0]!.webContents;
    const untouched = [
      { key: 'l' },
      { key: 'L', shift: true },
      { key: 'c', control: true },
      { key: 'v', control: true },
      { key: 'k', control: true },
      { key: 'l', control: true, shift: true },
      { key: 'l', control: true, alt: true },
      { key: 'l', meta: true }, // the Windows/Super key on Linux and Windows: not ours
      { key: 'l', control: true, type: 'keyUp' as const },
      { key: 'Enter', control: true, code: 'Enter' },
    ];
    for (const keys of untouched) {
      const event = contents.pressKey(keys);
      expect(event.defaultPrevented, JSON.stringify(keys)).toBe(false);
    }
    expect(services.session.lock).not.toHaveBeenCalled();
  });

  it('a held Ctrl+L is swallowed but locks once', async () => {
    const { state, services } = await bootMain();
    const contents = state.windowsCreated[0]!.webContents;
    expect(contents.pressKey({ key: 'l', control: true }).defaultPrevented).toBe(true);
    for (let i = 0; i < 5; i += 1) expect(contents.pressKey({ key: 'l', control: true, isAutoRepeat: true }).defaultPrevented).toBe(true);
    expect(services.session.lock).toHaveBeenCalledTimes(1);
  });

  it('on macOS Cmd+L locks as well as Ctrl+L', async () => {
    const { state, services } = await bootMain({ platform: 'darwin' });
    const contents = state.windowsCreated[0]!.webContents;
    expect(contents.pressKey({ key: 'l', meta: true }).defaultPrevented).toBe(true);
    expect(contents.pressKey({ key: 'l', control: true }).defaultPrevented).toBe(true);
    expect(services.session.lock.mock.calls).toEqual([['shortcut'], ['shortcut']]);
  });

  it('after the services closed, the key is still kept from the page but nothing is called', async () => {
    const { state, services } = await bootMain();
    state.app.emit('will-quit', new FakeEvent());
    await vi.waitFor(() => expect(state.app.quitCalls).toBe(1));
    expect(state.windowsCreated[0]!.webContents.pressKey({ key: 'l', control: true }).defaultPrevented).toBe(true);
    expect(services.session.lock).not.toHaveBeenCalled();
  });
});

describe('isLockShortcut', () => {
  it('Ctrl+L on every platform; Cmd+L only on macOS', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      expect(isLockShortcut(input({ key: 'l', control: true }), platform), platform).toBe(true);
    }
    expect(isLockShortcut(input({ key: 'l', meta: true }), 'darwin')).toBe(true);
    expect(isLockShortcut(input({ key: 'l', meta: true }), 'linux')).toBe(false);
    expect(isLockShortcut(input({ key: 'l', meta: true }), 'win32')).toBe(false);
    expect(isLockShortcut(input({ key: 'l', control: true, meta: true }), 'linux')).toBe(false);
  });

  it('Electron\'s rawKeyDown counts as a key down', () => {
    expect(isLockShortcut(input({ key: 'l', control: true, type: 'rawKeyDown' }), 'linux')).toBe(true);
  });

  it('not while an input method is composing', () => {
    expect(isLockShortcut(input({ key: 'l', control: true, isComposing: true }), 'linux')).toBe(false);
  });

  it('on a Latin layout the typed letter decides; on others the physical L key does', () => {
    // Dvorak: the physical L key types "n", and the key that types "l" is elsewhere.
    expect(isLockShortcut(input({ key: 'n', code: 'KeyL', control: true }), 'linux')).toBe(false);
    expect(isLockShortcut(input({ key: 'l', code: 'KeyP', control: true }), 'linux')).toBe(true);
    // Russian ЙЦУКЕН: the physical L key types "д".
    expect(isLockShortcut(input({ key: 'д', code: 'KeyL', control: true }), 'linux')).toBe(true);
    expect(isLockShortcut(input({ key: 'д', code: 'KeyD', control: true }), 'linux')).toBe(false);
  });
});
