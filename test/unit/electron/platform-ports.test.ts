// The Electron ports the services run on: system idle time in milliseconds (null when unknown, never
// 0), and the OS clipboard behind the guard's synchronous port, where Electron 45 writes
// asynchronously: a clear issued while a write is in flight must still win.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronClipboard, electronIdleSource } from '../../../electron/main/platform';
import { createClipboardGuard } from '../../../electron/services/clipboard/guard';
import { ManualClock } from '../../../electron/services/clock';
import { resetFake, type FakeState } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

let state: FakeState;
beforeEach(() => {
  state = resetFake();
});

describe('electronIdleSource', () => {
  it('turns powerMonitor seconds into milliseconds', () => {
    const idle = electronIdleSource();
    state.powerMonitor.idleSeconds = 42;
    expect(idle.systemIdleMs()).toBe(42_000);
    state.powerMonitor.idleSeconds = 0;
    expect(idle.systemIdleMs()).toBe(0);
    state.powerMonitor.idleSeconds = 1_800;
    expect(idle.systemIdleMs()).toBe(1_800_000);
  });

  it('says null, never 0, when the platform cannot tell', () => {
    const idle = electronIdleSource();
    state.powerMonitor.idleSeconds = new Error('not supported on this platform');
    expect(idle.systemIdleMs()).toBeNull();
    for (const value of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      state.powerMonitor.idleSeconds = value;
      expect(idle.systemIdleMs()).toBeNull();
    }
  });

  it('reads the current fake on every call (nothing cached)', () => {
    const idle = electronIdleSource();
    state.powerMonitor.idleSeconds = 3;
    expect(idle.systemIdleMs()).toBe(3_000);
    state.powerMonitor.idleSeconds = 4;
    expect(idle.systemIdleMs()).toBe(4_000);
  });
});

describe('electronClipboard', () => {
  it('writeText writes to the OS clipboard; it lands asynchronously, flush() waits for it', async () => {
    const port = electronClipboard();
    port.writeText('NAM/DOE,JOHN');
    expect(state.clipboard.calls).toEqual(['writeText:NAM/DOE,JOHN']);
    await port.flush();
    expect(state.clipboard.text).toBe('NAM/DOE,JOHN');
  });

  it('clear() clears the OS clipboard at once', async () => {
    const port = electronClipboard();
    port.writeText('x');
    await port.flush();
    port.clear();
    expect(state.clipboard.calls.at(-1)).toBe('clear');
    expect(state.clipboard.text).toBe('');
  });

  it('a clear issued while a write is in flight still leaves the clipboard empty', async () => {
    const port = electronClipboard();
    port.writeText('NAM/DOE,JOHN');
    port.clear();
    await port.flush();
    expect(state.clipboard.text).toBe('');
    expect(state.clipboard.calls).toEqual(['writeText:NAM/DOE,JOHN', 'clear', 'clear']);
  });

  it('writes land in order', async () => {
    const port = electronClipboard();
    port.writeText('first');
    port.writeText('second');
    await port.flush();
    expect(state.clipboard.text).toBe('second');
  });

  it('readText reads the OS clipboard after every write or clear already on its way', async () => {
    const port = electronClipboard();
    await expect(port.readText()).resolves.toBe('');
    port.writeText('OLN/N1234567');
    await expect(port.readText()).resolves.toBe('OLN/N1234567');
    port.clear();
    await expect(port.readText()).resolves.toBe('');
    state.clipboard.text = 'copied in another program';
    await expect(port.readText()).resolves.toBe('copied in another program');
  });

  it('a failing OS clipboard is logged, never thrown at the guard', async () => {
    const error = vi.fn();
    const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error, child: () => logger };
    const port = electronClipboard(logger);
    state.clipboard.writeText = () => Promise.reject(new Error('no display'));
    state.clipboard.clear = () => {
      throw new Error('no display');
    };
    expect(() => port.writeText('x')).not.toThrow();
    expect(() => port.clear()).not.toThrow();
    await port.flush();
    expect(error).toHaveBeenCalled();
  });

  it('with the real clipboard guard: lock right after a copy leaves nothing on the OS clipboard', async () => {
    const port = electronClipboard();
    const clock = new ManualClock(0);
    const guard = createClipboardGuard({ port, clock });
    guard.copy('NAM/DOE,JOHN DOB/19800101');
    await guard.clearNow();
    await port.flush();
    expect(state.clipboard.text).toBe('');
  });

  it('with the real clipboard guard: the 30-second clear empties the OS clipboard', async () => {
    const port = electronClipboard();
    const clock = new ManualClock(0);
    const guard = createClipboardGuard({ port, clock });
    guard.copy('VIN/1HGCM82633A004352');
    await guard.settled();
    expect(state.clipboard.text).toBe('VIN/1HGCM82633A004352');
    clock.advance(30_000);
    await guard.settled();
    await port.flush();
    expect(state.clipboard.text).toBe('');
  });
});
