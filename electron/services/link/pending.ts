// The table of inquiries written to the switch and awaiting their replies, keyed by message reference.
// Each entry settles exactly once: by its reply, by its timeout, or when the connection ends.
// Nothing here ever re-sends an inquiry.

import type { Clock, TimerHandle } from '../clock';
import { LinkError } from './errors';
import { iso } from './status';
import type { LinkReply } from './types';

interface Entry {
  ref: string;
  sentAt: number;
  ackedAt: number | null;
  timer: TimerHandle | null;
  resolve: (reply: LinkReply) => void;
  reject: (error: LinkError) => void;
}

export type ReplyOutcome = 'delivered' | 'late' | 'unknown';

export class PendingTable {
  private readonly entries = new Map<string, Entry>();
  /** References that timed out recently, so a late reply is logged as late rather than unknown. */
  private readonly expired = new Set<string>();

  constructor(
    private readonly clock: Clock,
    readonly capacity: number,
    private readonly expiredMemory = 256,
  ) {
    if (!(capacity >= 1)) throw new RangeError('pending table capacity must be at least 1');
  }

  get size(): number {
    return this.entries.size;
  }

  get full(): boolean {
    return this.entries.size >= this.capacity;
  }

  has(ref: string): boolean {
    return this.entries.has(ref);
  }

  /**
   * Registers an inquiry about to be written. The promise settles once. `onTimeout` builds the error
   * used when no reply arrives within timeoutMs of now.
   */
  add(ref: string, timeoutMs: number, onTimeout: () => LinkError): Promise<LinkReply> {
    if (this.entries.has(ref)) throw new Error('duplicate message reference');
    if (this.full) throw new Error('pending table is full');
    return new Promise<LinkReply>((resolve, reject) => {
      const entry: Entry = { ref, sentAt: this.clock.now(), ackedAt: null, timer: null, resolve, reject };
      entry.timer = this.clock.setTimeout(() => {
        entry.timer = null;
        if (this.entries.get(ref) !== entry) return;
        this.entries.delete(ref);
        this.remember(ref);
        reject(onTimeout());
      }, timeoutMs);
      this.entries.set(ref, entry);
    });
  }

  /** The switch acknowledged the inquiry. Returns false for an unknown reference. */
  acknowledge(ref: string): boolean {
    const entry = this.entries.get(ref);
    if (!entry) return false;
    entry.ackedAt ??= this.clock.now();
    return true;
  }

  /** Delivers a reply to the inquiry with the same reference, if it is still waiting. */
  reply(ref: string, text: string, training: boolean): ReplyOutcome {
    const entry = this.take(ref);
    if (!entry) return this.expired.has(ref) ? 'late' : 'unknown';
    entry.resolve({
      ref,
      text,
      training,
      sentAt: iso(entry.sentAt),
      ackedAt: entry.ackedAt === null ? null : iso(entry.ackedAt),
      repliedAt: iso(this.clock.now()),
    });
    return 'delivered';
  }

  /** Fails one inquiry (e.g. its write failed). */
  fail(ref: string, error: LinkError): boolean {
    const entry = this.take(ref);
    if (!entry) return false;
    entry.reject(error);
    return true;
  }

  /** Fails every waiting inquiry; returns how many. */
  failAll(makeError: (ref: string) => LinkError): number {
    const all = [...this.entries.values()];
    this.entries.clear();
    for (const entry of all) {
      if (entry.timer) this.clock.clearTimeout(entry.timer);
      entry.reject(makeError(entry.ref));
    }
    return all.length;
  }

  private take(ref: string): Entry | undefined {
    const entry = this.entries.get(ref);
    if (!entry) return undefined;
    this.entries.delete(ref);
    if (entry.timer) this.clock.clearTimeout(entry.timer);
    return entry;
  }

  private remember(ref: string): void {
    this.expired.add(ref);
    if (this.expired.size > this.expiredMemory) {
      const oldest = this.expired.values().next().value;
      if (oldest !== undefined) this.expired.delete(oldest);
    }
  }
}
