// The link's status and its listeners. Emits only on change; a listener that throws is logged and
// does not stop the others.

import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { LinkErrorInfo } from './errors';
import type { LinkState, LinkStatus } from './types';

export interface StatusUpdate {
  state: LinkState;
  training?: boolean;
  switchName?: string | undefined;
  error?: LinkErrorInfo | undefined;
  nextAttemptAt?: number | undefined;
}

export class StatusStore {
  private current: LinkStatus;
  private readonly listeners = new Set<(status: LinkStatus) => void>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.current = { state: 'disconnected', training: false, since: iso(clock.now()) };
  }

  get(): LinkStatus {
    return this.current;
  }

  /** Replaces the status. Fields left out of the update are cleared, except training and switchName. */
  set(update: StatusUpdate): void {
    const prev = this.current;
    const next: LinkStatus = {
      state: update.state,
      training: update.training ?? prev.training,
      since: update.state === prev.state ? prev.since : iso(this.clock.now()),
    };
    const switchName = 'switchName' in update ? update.switchName : prev.switchName;
    if (switchName !== undefined) next.switchName = switchName;
    if (update.error) next.error = { code: update.error.code, message: update.error.message };
    if (update.nextAttemptAt !== undefined) next.nextAttemptAt = iso(update.nextAttemptAt);
    if (sameStatus(prev, next)) return;
    this.current = Object.freeze(next) as LinkStatus;
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current);
      } catch (err) {
        this.logger.error('link status listener threw', { err });
      }
    }
  }

  subscribe(listener: (status: LinkStatus) => void): () => void {
    const wrapped = (status: LinkStatus) => listener(status);
    this.listeners.add(wrapped);
    return () => {
      this.listeners.delete(wrapped);
    };
  }
}

let lastMs = Number.NaN;
let lastIso = '';

/** ISO 8601 UTC. Remembers the last conversion: a reply's timestamps often share a millisecond. */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

function sameStatus(a: LinkStatus, b: LinkStatus): boolean {
  return (
    a.state === b.state &&
    a.training === b.training &&
    a.since === b.since &&
    a.switchName === b.switchName &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message &&
    a.nextAttemptAt === b.nextAttemptAt
  );
}
