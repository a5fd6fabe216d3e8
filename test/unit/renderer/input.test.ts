// Window input: Ctrl+L locks, every key and pointer event counts as activity (throttled in the slice).
import { describe, expect, it } from 'vitest';
import { isLockShortcut, startInputWatch } from '../../../renderer/src/state/input';
import { createAppStore } from '../../../renderer/src/state/store';
import { activeState, fakeApi, lockedState, manualTimers, reply } from './fake-api';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function keyEvent(key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey', boolean>> = {}) {
  const event = new Event('keydown', { cancelable: true });
  Object.assign(event, { key, ctrlKey: false, altKey: false, metaKey: false, shiftKey: false, ...mods });
  return event;
}

describe('isLockShortcut', () => {
  it('is Ctrl+L in either case and nothing else', () => {
    const base = { ctrlKey: true, altKey: false, metaKey: false, shiftKey: false };
    expect(isLockShortcut({ ...base, key: 'l' })).toBe(true);
    expect(isLockShortcut({ ...base, key: 'L' })).toBe(true);
    expect(isLockShortcut({ ...base, key: 'k' })).toBe(false);
    expect(isLockShortcut({ ...base, key: 'l', altKey: true })).toBe(false);
    expect(isLockShortcut({ ...base, key: 'l', shiftKey: true })).toBe(false);
    expect(isLockShortcut({ ...base, key: 'l', ctrlKey: false })).toBe(false);
  });
});

describe('startInputWatch', () => {
  function setup() {
    const { api, backend } = fakeApi();
    const store = createAppStore(api, { timers: manualTimers() });
    const target = new EventTarget();
    const stop = startInputWatch(store, target);
    return { store, backend, target, stop };
  }

  it('locks on Ctrl+L and keeps the key from the browser', async () => {
    const { store, backend, target } = setup();
    store.getState().applySessionState(activeState());
    reply(backend, 'session.lock', lockedState('TDISP01', 'operator'));
    const event = keyEvent('l', { ctrlKey: true });
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await flush();
    expect(backend.count('session.lock')).toBe(1);
    expect(store.getState().session.state?.phase).toBe('locked');
  });

  it('reports keys and pointer input as activity, and stops listening when told', () => {
    const { store, backend, target, stop } = setup();
    store.getState().applySessionState(activeState());
    target.dispatchEvent(keyEvent('a'));
    expect(backend.count('session.activity')).toBe(1);
    stop();
    store.getState().applySessionState(lockedState());
    store.getState().applySessionState(activeState());
    target.dispatchEvent(new Event('pointerdown'));
    expect(backend.count('session.activity')).toBe(1);
  });

  it('does not lock or report anything before sign-on', () => {
    const { backend, target } = setup();
    target.dispatchEvent(keyEvent('l', { ctrlKey: true }));
    target.dispatchEvent(new Event('pointermove'));
    expect(backend.count('session.lock')).toBe(0);
    expect(backend.count('session.activity')).toBe(0);
  });
});
