// The renderer's own wall clock, for the watermark and "lapsed" dates. Ticks from startAppStore.
import type { StateCreator } from 'zustand/vanilla';
import type { Timers } from './api';

export const CLOCK_TICK_MS = 15_000;

export interface ClockSlice {
  clock: { now: number };
  tick(): void;
}

export function createClockSlice(timers: Timers): StateCreator<ClockSlice, [], [], ClockSlice> {
  return (set) => ({
    clock: { now: timers.now() },
    tick() {
      set({ clock: { now: timers.now() } });
    },
  });
}
