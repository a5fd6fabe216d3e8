import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import { StatusStore } from '../../../electron/services/link/status';
import type { LinkStatus } from '../../../electron/services/link/types';

describe('link status store', () => {
  it('starts disconnected, stamps since in ISO UTC and moves it only when the state changes', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 2, 3, 4, 5, 60));
    const store = new StatusStore(clock, silentLogger);
    expect(store.get()).toEqual({ state: 'disconnected', training: false, since: '2026-01-02T03:04:05.060Z' });
    clock.advance(1_000);
    store.set({ state: 'connecting' });
    expect(store.get().since).toBe('2026-01-02T03:04:06.060Z');
    clock.advance(1_000);
    store.set({ state: 'connecting', error: { code: 'CONNECT_REFUSED', message: 'm' } });
    expect(store.get().since).toBe('2026-01-02T03:04:06.060Z');
    expect(store.get().error).toEqual({ code: 'CONNECT_REFUSED', message: 'm' });
  });

  it('notifies on change only, and the unsubscribe function really unsubscribes', () => {
    const clock = new ManualClock();
    const store = new StatusStore(clock, silentLogger);
    const seen: LinkStatus[] = [];
    const off = store.subscribe((s) => seen.push(s));
    store.set({ state: 'connecting' });
    store.set({ state: 'connecting' });
    store.set({ state: 'connected', training: true, switchName: 'TRAINING-SW' });
    off();
    store.set({ state: 'disconnected' });
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(seen[1]).toMatchObject({ training: true, switchName: 'TRAINING-SW' });
    expect(seen[1]).not.toHaveProperty('error');
  });

  it('reports nextAttemptAt as ISO and clears fields the update leaves out', () => {
    const clock = new ManualClock(Date.UTC(2026, 0, 1));
    const store = new StatusStore(clock, silentLogger);
    store.set({ state: 'reconnecting', error: { code: 'CONNECTION_LOST', message: 'm' }, nextAttemptAt: Date.UTC(2026, 0, 1, 0, 0, 2) });
    expect(store.get()).toMatchObject({ nextAttemptAt: '2026-01-01T00:00:02.000Z', error: { code: 'CONNECTION_LOST' } });
    store.set({ state: 'connected' });
    expect(store.get()).not.toHaveProperty('nextAttemptAt');
    expect(store.get()).not.toHaveProperty('error');
  });

  it('keeps notifying the other listeners when one throws', () => {
    const store = new StatusStore(new ManualClock(), silentLogger);
    const seen: string[] = [];
    store.subscribe(() => {
      throw new Error('boom');
    });
    store.subscribe((s) => seen.push(s.state));
    store.set({ state: 'connecting' });
    expect(seen).toEqual(['connecting']);
  });
});
