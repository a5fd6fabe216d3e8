// The journal's public types.

import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Checkpoint, CheckpointSink } from './checkpoint';
import type { AuditFs } from './fs';
import type { AuditEvent, FileLink } from './schema';

export type KeyProvider = () => Promise<Buffer> | Buffer;

export interface RotationOptions {
  /** Start a new file once this one holds this many bytes. Default 16 MiB; at least 4 KiB. */
  maxBytes?: number;
  /** Start a new file at the first record of each new UTC day. Default true. */
  daily?: boolean;
}

export interface RetentionOptions {
  /** Years a file is kept after its last record (A8: default 3, at least 1). */
  years?: number;
}

export interface JournalOptions {
  /** This workstation's journal folder (one folder per workstation). */
  dir: string;
  workstationId: string;
  ori: string;
  /** The HMAC key, asked for at open and before each flush (so a keychain that goes away is noticed). */
  keyProvider: KeyProvider;
  clock?: Clock;
  rotation?: RotationOptions;
  retention?: RetentionOptions;
  logger?: Logger;
  /** Where the latest checkpoint is also kept (keychain, agency store). */
  checkpointSinks?: readonly CheckpointSink[];
  /** Save an external checkpoint at least every this many records (default 100) … */
  checkpointEvery?: number;
  /** … or this long after the last one, at the next flush (default 60 s). */
  checkpointIntervalMs?: number;
  /** For tests: the file operations (count fdatasync, inject errors). */
  fs?: AuditFs;
  /**
   * Most records one flush may take. Default: all that are queued (group commit). 1 gives the naive
   * one-fdatasync-per-record baseline the benchmark compares against.
   */
  maxBatch?: number;
}

export interface AppendResult {
  seq: number;
  /** SHA-256 of the record's body (hex): the next record's prevHash. */
  hash: string;
  /** The record's time (UTC ISO, ms). */
  at: string;
}

export interface AuditFailure {
  code: string;
  message: string;
  at: string;
  /** critical: actions are being refused. warning: the trail works but needs attention (a checkpoint sink failed). */
  severity: 'critical' | 'warning';
}

/** What open found and did about a torn final line. */
export interface RecoveryReport {
  file: string;
  offset: number;
  bytes: number;
  sha256: string;
  /** Where the torn bytes were kept (relative to the journal folder). */
  quarantinedAs: string;
  /** The journal.recovered record that documents it. */
  recordSeq: number;
}

export interface PurgeRequest {
  /** The CRSO who approved the purge (operator ID). The caller checks the role. */
  approvedBy: string;
  /** The approval's reference (memo, ticket), recorded with the purge. */
  approvalRef?: string;
  now?: number;
  /** Files holding records beyond this seq are kept (not yet in the agency store). */
  replicatedThrough?: number;
}

export interface PurgeResult {
  removed: FileLink[];
  cutoff: string;
  /** The journal.purged record. */
  seq: number;
}

export interface AuditJournal {
  readonly dir: string;
  readonly workstationId: string;
  /** Non-null when open found and set aside a torn final line. */
  readonly recovery: RecoveryReport | null;
  /** Resolves after the record is on disk (fdatasync); rejects with AUDIT_* and nothing is acknowledged. */
  append(event: AuditEvent): Promise<AppendResult>;
  /** The highest seq made durable. */
  durableSeq(): number;
  /** The checkpoint most recently handed to the sinks (null before the first). */
  lastCheckpoint(): Checkpoint | null;
  /** Takes a checkpoint of the durable state now and saves it to every sink. */
  checkpointNow(): Promise<Checkpoint>;
  /** Failures for the operator and the CRSO. Returns the unsubscribe function. */
  onFailure(listener: (failure: AuditFailure) => void): () => void;
  /** Called with the durable seq after each flush (the replicator listens). Returns the unsubscribe function. */
  onDurable(listener: (seq: number) => void): () => void;
  /** Removes whole sealed files past retention, after recording the purge. */
  purgeExpired(request: PurgeRequest): Promise<PurgeResult>;
  /** Flushes what was accepted, saves a checkpoint, releases the folder. */
  close(): Promise<void>;
}
