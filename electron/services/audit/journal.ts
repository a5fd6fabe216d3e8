// The journal writer: group commit, rotation, fail-closed errors, external checkpoints.
//
// Group commit: append() queues the record and returns a promise. One flush at a time takes EVERY
// record queued so far, gives them consecutive seqs, signs them, writes them with one write(2) and
// makes them durable with one fdatasync(2); only then are their promises resolved. Records that arrive
// while a flush runs wait for the next one, so N concurrent writers share one fdatasync instead of
// queueing N of them on the disk.
//
// Fail closed: a flush that cannot get the key (AUDIT_KEY_UNAVAILABLE) or cannot write (AUDIT_WRITE_FAILED)
// rejects every record in it — none is acknowledged, so none of their actions goes ahead. A failed or
// short write is cut back off the file (ftruncate to the last durable length) and the next append tries
// again (the disk may have room by then). A failed fdatasync leaves the file's state unknown: the journal
// refuses everything until it is reopened, when open-time recovery looks at what reached the disk.

import path from 'node:path';
import type { Clock } from '../clock';
import type { AppError } from '../errors';
import type { Logger } from '../log';
import { isoUtc, MAX_LINE_BYTES, sealRecord, utcDay } from './canonical';
import { signCheckpoint, type Checkpoint, type CheckpointSink } from './checkpoint';
import { CheckpointPublisher } from './checkpoint-publisher';
import { auditError, keyUnavailable, messageOf, writeFailed } from './errors';
import { journalFileName } from './files';
import { writeAll, type AuditFs } from './fs';
import { createRecordMac, MIN_KEY_BYTES, type RecordMac } from './mac';
import type { RecordBody } from './schema';
import type { AppendResult, AuditFailure, KeyProvider } from './types';

/** A record waiting for a flush: everything but v, seq, prevHash, ws and ori, which the flush adds. */
export type RecordFields = Omit<RecordBody, 'v' | 'seq' | 'prevHash' | 'ws' | 'ori' | 'at'>;

interface Pending {
  fields: RecordFields;
  at: number;
  resolve(result: AppendResult): void;
  reject(error: AppError): void;
}

export interface ActiveFile {
  name: string;
  fileNo: number;
  day: string;
  fd: number;
  /** Durable length in bytes. */
  size: number;
  firstSeq: number;
}

/** Where the chain stands after open-time recovery. */
export interface WriterState {
  seq: number;
  hash: string;
  /** The newest file (sealed or not), or null for a new journal. */
  lastFileNo: number;
  lastFileName: string | null;
  /** The open, unsealed newest file, or null when the next record starts a new file. */
  active: ActiveFile | null;
}

export interface WriterConfig {
  dir: string;
  workstationId: string;
  ori: string;
  keyProvider: KeyProvider;
  clock: Clock;
  logger: Logger;
  fs: AuditFs;
  maxBytes: number;
  daily: boolean;
  sinks: readonly CheckpointSink[];
  checkpointEvery: number;
  checkpointIntervalMs: number;
  maxBatch: number;
}

export class JournalWriter {
  private readonly c: WriterConfig;
  private mac: RecordMac | null = null;
  private state: WriterState;
  private queue: Pending[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private broken: AppError | null = null;
  private readonly failureListeners = new Set<(f: AuditFailure) => void>();
  private readonly durableListeners = new Set<(seq: number) => void>();
  private readonly checkpoints: CheckpointPublisher;

  constructor(config: WriterConfig, state: WriterState) {
    this.c = config;
    this.state = state;
    this.checkpoints = new CheckpointPublisher({
      sinks: config.sinks,
      clock: config.clock,
      every: config.checkpointEvery,
      intervalMs: config.checkpointIntervalMs,
      onFailure: (error) => this.fail(error, 'warning'),
    });
  }

  /** Sets where the chain stands (open-time recovery), before the first append. */
  restore(state: WriterState): void {
    this.state = state;
    this.checkpoints.publishedThrough(state.seq);
  }

  get seq(): number {
    return this.state.seq;
  }

  get lastFileNo(): number {
    return this.state.lastFileNo;
  }

  /** Queues a record; resolves once it is durable. The caller has validated `fields`. */
  enqueue(fields: RecordFields): Promise<AppendResult> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ fields, at: this.c.clock.now(), resolve, reject });
      if (!this.running) {
        this.running = true;
        // Start on the next microtask, so appends made in the same tick share the first flush too.
        queueMicrotask(() => void this.flushLoop());
      }
    });
  }

  /** Resolves when nothing is queued or being flushed. */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  onFailure(listener: (f: AuditFailure) => void): () => void {
    this.failureListeners.add(listener);
    return () => void this.failureListeners.delete(listener);
  }

  onDurable(listener: (seq: number) => void): () => void {
    this.durableListeners.add(listener);
    return () => void this.durableListeners.delete(listener);
  }

  lastCheckpoint(): Checkpoint | null {
    return this.checkpoints.latest;
  }

  /** The key, checked against the one this journal is signed with. Throws AUDIT_KEY_UNAVAILABLE. */
  async currentMac(): Promise<RecordMac> {
    let key: Buffer;
    try {
      key = await this.c.keyProvider();
    } catch (error) {
      throw keyUnavailable(messageOf(error), error);
    }
    if (!Buffer.isBuffer(key) || key.length < MIN_KEY_BYTES) throw keyUnavailable(`the key is missing or shorter than ${MIN_KEY_BYTES} bytes`);
    if (this.mac) {
      if (!this.mac.sameKey(key)) throw keyUnavailable('the keychain now holds a different key from the one this journal is signed with');
      return this.mac;
    }
    this.mac = createRecordMac(key);
    return this.mac;
  }

  /** Reports a failure to the listeners (the app shows it to the operator and the CRSO) and the log. */
  fail(error: AppError, severity: AuditFailure['severity'] = 'critical'): void {
    const failure: AuditFailure = { code: error.code, message: error.message, at: isoUtc(this.c.clock.now()), severity };
    this.c.logger[severity === 'critical' ? 'error' : 'warn']('audit trail failure', { code: error.code, reason: error.message });
    for (const listener of this.failureListeners) {
      try {
        listener(failure);
      } catch (listenerError) {
        this.c.logger.warn('an audit failure listener threw', { reason: messageOf(listenerError) });
      }
    }
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.c.maxBatch);
        try {
          await this.flushBatch(batch);
        } catch (error) {
          const err = writeFailed('flushing audit records', error);
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async flushBatch(batch: Pending[]): Promise<void> {
    if (this.broken) {
      for (const p of batch) p.reject(this.broken);
      return;
    }
    let mac: RecordMac;
    try {
      mac = await this.currentMac();
    } catch (error) {
      const err = error as AppError;
      for (const p of batch) p.reject(err);
      this.fail(err);
      return;
    }
    let i = 0;
    while (i < batch.length) {
      if (!this.state.active) {
        try {
          await this.startFile(batch[i]!.at, mac);
        } catch (error) {
          const err = error as AppError;
          for (const p of batch.slice(i)) p.reject(err);
          this.fail(err);
          return;
        }
      }
      const active = this.state.active!;
      const lines: string[] = [];
      const done: { p: Pending; result: AppendResult }[] = [];
      let seq = this.state.seq;
      let prev = this.state.hash;
      let size = active.size;
      let seal = false;
      while (i < batch.length) {
        const p = batch[i]!;
        if (size >= this.c.maxBytes || (this.c.daily && utcDay(p.at) > active.day)) {
          seal = true;
          break;
        }
        i += 1;
        const at = isoUtc(p.at);
        const signed = sealRecord({ v: 1, seq: seq + 1, prevHash: prev, at, ...this.identity(), ...p.fields }, mac);
        if (signed.line.length + 1 > MAX_LINE_BYTES) {
          p.reject(auditError('AUDIT_RECORD_INVALID', `The audit record is longer than ${MAX_LINE_BYTES} bytes and was refused.`));
          continue;
        }
        lines.push(signed.line, '\n');
        seq += 1;
        prev = signed.hash;
        size += signed.line.length + 1;
        done.push({ p, result: { seq, hash: signed.hash, at } });
      }
      if (seal) {
        const signed = sealRecord(
          {
            v: 1,
            seq: seq + 1,
            prevHash: prev,
            at: isoUtc(this.c.clock.now()),
            ...this.identity(),
            type: 'journal.sealed',
            operator: null,
            outcome: 'success',
            journal: { file: active.name, fileNo: active.fileNo, records: seq + 1 - active.firstSeq + 1 },
          },
          mac,
        );
        lines.push(signed.line, '\n');
        seq += 1;
        prev = signed.hash;
        size += signed.line.length + 1;
      }
      if (lines.length === 0) continue;
      try {
        await this.commit(active, Buffer.from(lines.join(''), 'latin1'));
      } catch (error) {
        const err = error as AppError;
        for (const d of done) d.p.reject(err);
        for (const p of batch.slice(i)) p.reject(err);
        this.fail(err);
        return;
      }
      this.state.seq = seq;
      this.state.hash = prev;
      active.size = size;
      if (seal) {
        this.state.active = null;
        await this.c.fs.close(active.fd).catch(() => undefined);
      }
      for (const d of done) d.p.resolve(d.result);
      for (const listener of this.durableListeners) {
        try {
          listener(seq);
        } catch (listenerError) {
          this.c.logger.warn('an audit durable listener threw', { reason: messageOf(listenerError) });
        }
      }
      if (this.checkpoints.due(seq, seal)) this.requestCheckpoint(active.name, active.fileNo);
    }
  }

  private identity(): { ws: string; ori: string } {
    return { ws: this.c.workstationId, ori: this.c.ori };
  }

  /** write + fdatasync. A failed write is cut back off the file; a failed fdatasync breaks the journal. */
  private async commit(active: ActiveFile, data: Buffer): Promise<void> {
    try {
      await writeAll(this.c.fs, active.fd, data);
    } catch (error) {
      try {
        await this.c.fs.ftruncate(active.fd, active.size);
      } catch (truncateError) {
        this.broken = writeFailed(`undoing a partial write to ${active.name} (reopen the journal to recover)`, truncateError);
      }
      throw writeFailed(`appending to ${active.name}`, error);
    }
    try {
      await this.c.fs.fdatasync(active.fd);
    } catch (error) {
      this.broken = writeFailed(`making ${active.name} durable (reopen the journal to recover)`, error);
      throw this.broken;
    }
  }

  /** Creates the next file with its signed opening record (linking the previous file), durably. */
  private async startFile(atMs: number, mac: RecordMac): Promise<void> {
    const fileNo = this.state.lastFileNo + 1;
    const day = utcDay(atMs);
    const name = journalFileName(this.c.workstationId, fileNo, day);
    const file = path.join(this.c.dir, name);
    const signed = sealRecord(
      {
        v: 1,
        seq: this.state.seq + 1,
        prevHash: this.state.hash,
        at: isoUtc(atMs),
        ...this.identity(),
        type: 'journal.opened',
        operator: null,
        outcome: 'success',
        journal: { file: name, fileNo, prevFile: this.state.lastFileName },
      },
      mac,
    );
    const data = Buffer.from(`${signed.line}\n`, 'latin1');
    let fd: number;
    try {
      fd = await this.c.fs.openAppend(file, true);
    } catch (error) {
      throw writeFailed(`creating the journal file ${name}`, error);
    }
    try {
      await writeAll(this.c.fs, fd, data);
      await this.c.fs.fdatasync(fd);
      await this.c.fs.syncDir(this.c.dir);
    } catch (error) {
      await this.c.fs.close(fd).catch(() => undefined);
      try {
        await this.c.fs.unlink(file);
        await this.c.fs.syncDir(this.c.dir);
      } catch (cleanupError) {
        this.broken = writeFailed(`removing the unfinished journal file ${name} (reopen the journal to recover)`, cleanupError);
      }
      throw writeFailed(`starting the journal file ${name}`, error);
    }
    this.state = {
      seq: this.state.seq + 1,
      hash: signed.hash,
      lastFileNo: fileNo,
      lastFileName: name,
      active: { name, fileNo, day, fd, size: data.length, firstSeq: this.state.seq + 1 },
    };
    this.requestCheckpoint(name, fileNo);
  }

  /** Signs a checkpoint of the durable state and hands it to the sinks (in the background, latest wins). */
  requestCheckpoint(file = this.state.lastFileName, fileNo = this.state.lastFileNo): Checkpoint | null {
    if (!this.mac || file === null || this.state.seq === 0) return this.checkpoints.latest;
    return this.checkpoints.publish(
      signCheckpoint({ ws: this.c.workstationId, file, fileNo, seq: this.state.seq, hash: this.state.hash, at: isoUtc(this.c.clock.now()) }, this.mac),
    );
  }

  /** Resolves when every checkpoint handed out so far has been offered to the sinks. */
  checkpointsSettled(): Promise<void> {
    return this.checkpoints.settled();
  }

  /** Stops: waits for accepted records, saves a last checkpoint, closes the file. */
  async close(): Promise<void> {
    await this.idle();
    if (this.checkpoints.due(this.state.seq, false, true)) this.requestCheckpoint();
    await this.checkpointsSettled();
    const active = this.state.active;
    this.state.active = null;
    if (active) await this.c.fs.close(active.fd).catch(() => undefined);
    this.broken ??= auditError('AUDIT_JOURNAL_CLOSED', 'The audit journal is closed: nothing more can be recorded.');
  }
}
