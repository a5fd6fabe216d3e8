// Activity slice: the window saw keyboard or pointer input, so the main process's idle-lock timer
// starts again. Reports go out at most once every ACTIVITY_REPORT_MS: the first input at once, later
// ones folded into one trailing report at the end of the interval, so the main process never hears of
// input more than 5 s late and never more often than every 5 s. Only while the session is active.
import type { StateCreator } from 'zustand/vanilla';
import type { StoreApi, Timers } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';
import type { SessionSlice } from './session';

export const ACTIVITY_REPORT_MS = 5_000;

export interface ActivityData {
  /** When the last report was sent (renderer clock), or null since the session (re)started. */
  lastReportAt: number | null;
  /** The idle lock time the main process last gave (ISO), or null under an exemption. */
  idleLockAt: string | null;
}

export interface ActivitySlice {
  activity: ActivityData;
  /** Call on any keyboard or pointer input in the window. Cheap: throttled here. */
  noteActivity(): void;
}

const EMPTY: ActivityData = { lastReportAt: null, idleLockAt: null };

export function createActivitySlice(api: StoreApi, timers: Timers, registry: SensitiveRegistry): StateCreator<ActivitySlice & SessionSlice, [], [], ActivitySlice> {
  return (set, get) => {
    let trailing: unknown = null;

    function cancelTrailing(): void {
      if (trailing !== null) timers.clearTimeout(trailing);
      trailing = null;
    }

    function report(): void {
      if (get().session.state?.phase !== 'active' || get().session.locking) return;
      const epoch = registry.epoch();
      set({ activity: { ...get().activity, lastReportAt: timers.now() } });
      void api.reportActivity().then((result) => {
        if (registry.epoch() !== epoch) return;
        if (result.ok) set({ activity: { ...get().activity, idleLockAt: result.value.idleLockAt } });
        // Refused (locked meanwhile, signed off): read the session as it is now.
        else void get().loadSession();
      });
    }

    return {
      // Session-scoped: a new session starts reporting at once, and a pending trailing report of the
      // previous one is dropped.
      activity: sensitive(registry, { key: 'activity', initial: EMPTY, onClear: cancelTrailing }),

      noteActivity() {
        if (get().session.state?.phase !== 'active') return;
        const last = get().activity.lastReportAt;
        const now = timers.now();
        if (last === null || now - last >= ACTIVITY_REPORT_MS) {
          cancelTrailing();
          report();
          return;
        }
        trailing ??= timers.setTimeout(() => {
          trailing = null;
          report();
        }, last + ACTIVITY_REPORT_MS - now);
      },
    };
  };
}
