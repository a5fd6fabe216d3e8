// Link slice: the state of the link to the message switch, as the main process reports it.
import type { StateCreator } from 'zustand/vanilla';
import type { LinkStatusView } from '../../../shared/contract/channels';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { StoreApi } from './api';

const LINK_STATES: readonly string[] = ['disconnected', 'connecting', 'connected', 'reconnecting', 'failed'];

export interface LinkSlice {
  link: {
    /** Null until the first status arrives. */
    status: LinkStatusView | null;
    /** Set when the status could not be read at all (not a link failure: a failure to ask). */
    loadError: ErrorInfo | null;
  };
  applyLinkStatus(status: unknown): void;
  loadLinkStatus(): Promise<void>;
}

/** The main process validates every event; this only keeps a malformed payload from reaching render. */
export function isLinkStatus(value: unknown): value is LinkStatusView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.state === 'string' && LINK_STATES.includes(v.state) && typeof v.training === 'boolean' && typeof v.since === 'string';
}

function sinceOf(status: LinkStatusView): number {
  const t = Date.parse(status.since);
  return Number.isNaN(t) ? -Infinity : t;
}

/** A status older than the one shown is stale (the initial read can lose a race with an event). */
export function isNewer(next: LinkStatusView, current: LinkStatusView | null): boolean {
  return current === null || sinceOf(next) >= sinceOf(current);
}

export function createLinkSlice(api: StoreApi): StateCreator<LinkSlice, [], [], LinkSlice> {
  return (set, get) => ({
    link: { status: null, loadError: null },
    applyLinkStatus(status) {
      if (!isLinkStatus(status)) return;
      if (!isNewer(status, get().link.status)) return;
      set({ link: { status, loadError: null } });
    },
    async loadLinkStatus() {
      const result = await api.linkStatus();
      if (result.ok) {
        get().applyLinkStatus(result.value);
      } else if (get().link.status === null) {
        set({ link: { status: null, loadError: result.error } });
      }
    },
  });
}
