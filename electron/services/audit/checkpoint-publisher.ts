// Hands the journal's signed checkpoints to the sinks outside the folder (keychain, agency store): when one
// is due, in the background, one save at a time, the latest winning. A sink that fails is reported as a
// warning — recording goes on, since the records themselves are still written and signed.

import type { Clock } from '../clock';
import type { AppError } from '../errors';
import type { Checkpoint, CheckpointSink } from './checkpoint';
import { auditError, messageOf } from './errors';

export interface PublisherOptions {
  sinks: readonly CheckpointSink[];
  clock: Clock;
  /** A checkpoint is due every this many records … */
  every: number;
  /** … or this long after the last one. */
  intervalMs: number;
  onFailure(error: AppError): void;
}

export class CheckpointPublisher {
  latest: Checkpoint | null = null;
  private seq = 0;
  private at: number;
  private loop: Promise<void> | null = null;
  private again = false;

  constructor(private readonly o: PublisherOptions) {
    this.at = o.clock.now();
  }

  /** The durable seq the sinks already reflect (after open). */
  publishedThrough(seq: number): void {
    this.seq = seq;
  }

  /** Whether a checkpoint of `seq` is due: forced (a file opened or sealed), or by count or time. */
  due(seq: number, force: boolean, anyNew = false): boolean {
    if (seq <= this.seq) return false;
    return force || anyNew || seq - this.seq >= this.o.every || this.o.clock.now() - this.at >= this.o.intervalMs;
  }

  publish(cp: Checkpoint): Checkpoint {
    this.latest = cp;
    this.seq = cp.seq;
    this.at = this.o.clock.now();
    if (this.o.sinks.length === 0) return cp;
    if (this.loop) {
      this.again = true;
      return cp;
    }
    this.loop = this.save().finally(() => {
      this.loop = null;
    });
    return cp;
  }

  async settled(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private async save(): Promise<void> {
    do {
      this.again = false;
      const cp = this.latest!;
      const results = await Promise.allSettled(this.o.sinks.map((sink) => sink.save(cp)));
      results.forEach((r, i) => {
        if (r.status === 'rejected') {
          this.o.onFailure(
            auditError(
              'AUDIT_CHECKPOINT_FAILED',
              `The audit checkpoint could not be saved to the ${this.o.sinks[i]!.name}: ${messageOf(r.reason)}. ` +
                'Records are still written and signed; deletion of the newest journal file would go unnoticed until a checkpoint is saved.',
              r.reason,
            ),
          );
        }
      });
    } while (this.again);
  }
}
