// The outbox: copies the local journal's records to the agency store's audit_records table.
//
// The local journal is the record of truth and inquiries never wait for the store: when the store is
// down, records pile up in the journal and the copy catches up when it is back. Exactly once:
// - the position is the store's own last seq for this workstation, read again after every failure (so a
//   store restored from an older backup is refilled), and the record there must be the journal's own;
// - every batch is one INSERT … ON CONFLICT (workstation_id, seq) DO NOTHING, so a batch whose commit
//   reached the store but whose answer was lost is harmlessly sent again;
// - a row the store already had is compared by hash: a different record under the same seq is a
//   conflict (AUDIT_REPLICA_CONFLICT), reported, and copying stops until someone looks.
// Failures retry with exponential backoff on the injected clock.

import { systemClock, type Clock, type TimerHandle } from '../clock';
import type { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';
import type { Queryable, SqlParam } from '../store/db';
import { auditError, messageOf } from './errors';
import { JournalCursor, type CopiedRecord } from './journal-cursor';

export interface ReplicationOptions {
  /** The journal folder. */
  dir: string;
  db: Queryable;
  workstationId: string;
  clock?: Clock;
  logger?: Logger;
  /** Records per INSERT. Default 500. */
  batchSize?: number;
  /** Look for new records this often even without notify(). Default 5 000 ms. */
  pollMs?: number;
  backoff?: { initialMs?: number; maxMs?: number };
  /** Copy nothing beyond this seq: pass journal.durableSeq so only durable records leave the workstation. */
  durableSeq?: () => number;
}

export type ReplicationState = 'copying' | 'idle' | 'retrying' | 'conflict' | 'stopped';

export interface ReplicationStatus {
  state: ReplicationState;
  /** The highest seq known to be in the store (null until the store has answered). */
  copiedThrough: number | null;
  /** Failed attempts in a row. */
  attempt: number;
  nextAttemptAt: number | null;
  error: { code: string; message: string } | null;
}

export interface AuditReplication {
  /** New records may be there: copy now (the journal's onDurable calls this). */
  notify(): void;
  status(): ReplicationStatus;
  onStatus(listener: (status: ReplicationStatus) => void): () => void;
  stop(): Promise<void>;
}

export const REPLICATION_DEFAULTS = { batchSize: 500, pollMs: 5_000, initialMs: 1_000, maxMs: 60_000 } as const;

const COLUMNS = 9;

export function startAuditReplication(options: ReplicationOptions): AuditReplication {
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? silentLogger).child('audit.replication');
  const batchSize = options.batchSize ?? REPLICATION_DEFAULTS.batchSize;
  const pollMs = options.pollMs ?? REPLICATION_DEFAULTS.pollMs;
  const initialMs = options.backoff?.initialMs ?? REPLICATION_DEFAULTS.initialMs;
  const maxMs = options.backoff?.maxMs ?? REPLICATION_DEFAULTS.maxMs;
  const ws = options.workstationId;
  const db = options.db;
  const cursor = new JournalCursor(options.dir);
  const listeners = new Set<(s: ReplicationStatus) => void>();

  let status: ReplicationStatus = { state: 'copying', copiedThrough: null, attempt: 0, nextAttemptAt: null, error: null };
  let remote: number | null = null;
  let timer: TimerHandle | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const setStatus = (next: Partial<ReplicationStatus>) => {
    status = { ...status, ...next };
    for (const listener of listeners) {
      try {
        listener(status);
      } catch (error) {
        logger.warn('a replication status listener threw', { reason: messageOf(error) });
      }
    }
  };

  const schedule = (ms: number) => {
    if (timer) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = null;
      kick();
    }, ms);
  };

  /** The store's last record for this workstation — checked against the local journal's record there. */
  const remotePosition = async (): Promise<number> => {
    const rows = await db.query<{ seq: string; hash: string }>(
      'SELECT seq::text AS seq, hash FROM audit_records WHERE workstation_id = $1 ORDER BY audit_records.seq DESC LIMIT 1',
      [ws],
    );
    const top = rows[0];
    if (!top) return 0;
    const seq = Number(top.seq);
    const mine = await cursor.recordAt(seq);
    if (mine === 'missing') {
      throw auditError(
        'AUDIT_REPLICA_CONFLICT',
        `The agency store holds audit records up to ${seq} for workstation ${ws} but the local journal ends before that: ` +
          'the local journal lost records (or was replaced), or the store holds another journal. Copying stopped; the CRSO must examine both.',
      );
    }
    if (mine !== 'purged' && mine.hash !== top.hash) {
      throw auditError(
        'AUDIT_REPLICA_CONFLICT',
        `The agency store's audit record ${seq} for workstation ${ws} is not this journal's record ${seq}: the local journal and the store disagree. Copying stopped; the CRSO must examine both.`,
      );
    }
    return seq;
  };

  const insert = async (batch: CopiedRecord[]): Promise<void> => {
    const params: SqlParam[] = [];
    const tuples = batch.map((r, i) => {
      params.push(ws, r.seq, r.at, r.type, r.operator, r.outcome, r.messageRef, r.hash, r.line);
      const b = i * COLUMNS;
      return `($${b + 1}, $${b + 2}, $${b + 3}::timestamptz, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9})`;
    });
    const inserted = await db.query<{ seq: string | number }>(
      `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (workstation_id, seq) DO NOTHING
       RETURNING seq`,
      params,
    );
    if (inserted.length === batch.length) return;
    const fresh = new Set(inserted.map((r) => Number(r.seq)));
    const already = batch.filter((r) => !fresh.has(r.seq));
    const rows = await db.query<{ seq: string; hash: string }>(
      'SELECT seq::text AS seq, hash FROM audit_records WHERE workstation_id = $1 AND seq = ANY($2::bigint[])',
      [ws, already.map((r) => String(r.seq))],
    );
    const stored = new Map(rows.map((r) => [Number(r.seq), r.hash]));
    const clash = already.find((r) => stored.get(r.seq) !== r.hash);
    if (clash) {
      throw auditError(
        'AUDIT_REPLICA_CONFLICT',
        `The agency store already holds a different audit record ${clash.seq} for workstation ${ws}: the local journal and the store disagree. Copying stopped; the CRSO must examine both.`,
      );
    }
  };

  const pass = async (): Promise<void> => {
    do {
      again = false;
      if (remote === null) {
        remote = await remotePosition();
        setStatus({ copiedThrough: remote });
      }
      const limit = options.durableSeq?.() ?? Number.MAX_SAFE_INTEGER;
      for (let guard = 0; guard < 1_000_000 && !stopped; guard++) {
        const batch = await cursor.read(remote, batchSize, limit);
        if (batch.length === 0) break;
        setStatus({ state: 'copying' });
        await insert(batch);
        remote = batch.at(-1)!.seq;
        setStatus({ copiedThrough: remote, attempt: 0, error: null, nextAttemptAt: null });
      }
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped || status.state === 'conflict') return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        await pass();
        if (!stopped) {
          setStatus({ state: 'idle', attempt: 0, error: null, nextAttemptAt: null });
          schedule(pollMs);
        }
      } catch (error) {
        const err = error as AppError;
        const code = typeof err.code === 'string' ? err.code : 'AUDIT_REPLICATION_FAILED';
        remote = null;
        if (code === 'AUDIT_REPLICA_CONFLICT') {
          logger.error('audit replication stopped: conflict', { reason: messageOf(error) });
          setStatus({ state: 'conflict', error: { code, message: messageOf(error) }, nextAttemptAt: null });
          return;
        }
        const attempt = status.attempt + 1;
        const delay = Math.min(maxMs, initialMs * 2 ** (attempt - 1));
        logger.warn('audit replication failed; will retry', { attempt, delayMs: delay, reason: messageOf(error) });
        if (!stopped) {
          setStatus({
            state: 'retrying',
            attempt,
            nextAttemptAt: clock.now() + delay,
            error: { code: code.startsWith('AUDIT_') ? code : 'AUDIT_REPLICATION_FAILED', message: messageOf(error) },
          });
          schedule(delay);
        }
      } finally {
        running = null;
      }
    })();
  };

  kick();

  return {
    notify() {
      if (status.state === 'retrying') return;
      kick();
    },
    status: () => status,
    onStatus(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async stop() {
      stopped = true;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      await running;
      setStatus({ state: 'stopped', nextAttemptAt: null });
    },
  };
}
