// openJournal(): checks the options, locks the folder, reads the key, loads the external checkpoints,
// recovers (recovery.ts) and returns the journal. See README.md for the record format and the rules.

import { systemClock } from '../clock';
import { AppError } from '../errors';
import { silentLogger } from '../log';
import { checkpointIsAuthentic, type Checkpoint, type CheckpointSink } from './checkpoint';
import { auditError, messageOf, writeFailed } from './errors';
import { nodeAuditFs, type AuditFs } from './fs';
import { JournalWriter } from './journal';
import { acquireJournalLock, type JournalLock } from './lock';
import type { RecordMac } from './mac';
import { purgeExpiredFiles } from './purge';
import { recoverJournal } from './recovery';
import { auditEventSchema, isOri, isWorkstationId } from './schema';
import type { AuditJournal, JournalOptions, RecoveryReport } from './types';

export const JOURNAL_DEFAULTS = {
  maxBytes: 16 * 1024 * 1024,
  daily: true,
  retentionYears: 3,
  checkpointEvery: 100,
  checkpointIntervalMs: 60_000,
} as const;

function invalid(message: string): AppError {
  return auditError('AUDIT_CONFIG_INVALID', message);
}

function checkOptions(o: JournalOptions): void {
  if (!o || typeof o.dir !== 'string' || o.dir.length === 0) throw invalid('The audit journal needs a folder.');
  if (!isWorkstationId(o.workstationId)) throw invalid('The workstation ID is 2 to 32 capital letters, digits and hyphens.');
  if (!isOri(o.ori)) throw invalid('The ORI is 9 characters: 2 letters then 7 letters or digits.');
  if (typeof o.keyProvider !== 'function') throw invalid('The audit journal needs a key provider (the keychain).');
  const maxBytes = o.rotation?.maxBytes ?? JOURNAL_DEFAULTS.maxBytes;
  if (!Number.isInteger(maxBytes) || maxBytes < 4096) throw invalid('rotation.maxBytes is at least 4096.');
  const years = o.retention?.years ?? JOURNAL_DEFAULTS.retentionYears;
  if (!Number.isInteger(years) || years < 1 || years > 100) throw invalid('Audit retention is a whole number of years, at least 1 (CJIS AU-11).');
  if (o.maxBatch !== undefined && (!Number.isInteger(o.maxBatch) || o.maxBatch < 1)) throw invalid('maxBatch is at least 1.');
}

/** The latest authentic checkpoint among the sinks. A sink that cannot be read is skipped (and reported). */
async function loadExternal(sinks: readonly CheckpointSink[], mac: RecordMac, ws: string, warn: (e: AppError) => void): Promise<Checkpoint | null> {
  let best: Checkpoint | null = null;
  for (const sink of sinks) {
    let cp: Checkpoint | null;
    try {
      cp = await sink.load();
    } catch (error) {
      warn(auditError('AUDIT_CHECKPOINT_FAILED', `The audit checkpoint could not be read from the ${sink.name}: ${messageOf(error)}.`, error));
      continue;
    }
    if (!cp) continue;
    if (cp.ws !== ws || !checkpointIsAuthentic(cp, mac)) {
      throw auditError(
        'AUDIT_CHECKPOINT_INVALID',
        `The audit checkpoint kept in the ${sink.name} is not signed with this journal's key, or is another workstation's. ` +
          'It was altered or the key changed: the CRSO must examine the journal before anything more is recorded.',
      );
    }
    if (!best || cp.seq > best.seq) best = cp;
  }
  return best;
}

export async function openJournal(options: JournalOptions): Promise<AuditJournal> {
  checkOptions(options);
  const clock = options.clock ?? systemClock;
  const logger = (options.logger ?? silentLogger).child('audit');
  const afs = options.fs ?? nodeAuditFs;
  const dir = options.dir;
  const sinks = options.checkpointSinks ?? [];
  const retentionYears = options.retention?.years ?? JOURNAL_DEFAULTS.retentionYears;

  let lock: JournalLock;
  try {
    await afs.mkdir(dir);
    lock = await acquireJournalLock(dir);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw writeFailed(`opening the audit folder ${dir}`, error);
  }

  try {
    const writer = new JournalWriter(
      {
        dir,
        workstationId: options.workstationId,
        ori: options.ori,
        keyProvider: options.keyProvider,
        clock,
        logger,
        fs: afs,
        maxBytes: options.rotation?.maxBytes ?? JOURNAL_DEFAULTS.maxBytes,
        daily: options.rotation?.daily ?? JOURNAL_DEFAULTS.daily,
        sinks,
        checkpointEvery: options.checkpointEvery ?? JOURNAL_DEFAULTS.checkpointEvery,
        checkpointIntervalMs: options.checkpointIntervalMs ?? JOURNAL_DEFAULTS.checkpointIntervalMs,
        maxBatch: options.maxBatch ?? Number.MAX_SAFE_INTEGER,
      },
      { seq: 0, hash: '', lastFileNo: 0, lastFileName: null, active: null },
    );
    const mac = await writer.currentMac();
    const early: AppError[] = [];
    const external = await loadExternal(sinks, mac, options.workstationId, (e) => early.push(e));
    const recovered = await recoverJournal({ dir, workstationId: options.workstationId, fs: afs, mac, external, now: clock.now() });
    writer.restore(recovered.state);

    let recovery: RecoveryReport | null = null;
    if (recovered.torn) {
      const t = recovered.torn;
      const record = await writer.enqueue({ type: 'journal.recovered', operator: null, outcome: 'success', reason: 'torn final line set aside', journal: { torn: t } });
      recovery = { ...t, recordSeq: record.seq };
      logger.warn('audit journal: a torn final line was set aside', { file: t.file, offset: t.offset, bytes: t.bytes, quarantinedAs: t.quarantinedAs });
    }
    writer.requestCheckpoint();
    for (const e of early) writer.fail(e, 'warning');
    logger.info('audit journal open', { dir, seq: writer.seq, file: writer.lastFileNo });
    return journalApi(writer, lock, { dir, workstationId: options.workstationId, recovery, retentionYears, clock, fs: afs });
  } catch (error) {
    await lock.release();
    if (error instanceof AppError) throw error;
    throw writeFailed(`opening the audit journal in ${dir}`, error);
  }
}

function journalApi(
  writer: JournalWriter,
  lock: JournalLock,
  ctx: { dir: string; workstationId: string; recovery: RecoveryReport | null; retentionYears: number; clock: { now(): number }; fs: AuditFs },
): AuditJournal {
  let closed = false;
  let closing: Promise<void> | null = null;
  return {
    dir: ctx.dir,
    workstationId: ctx.workstationId,
    recovery: ctx.recovery,
    append(event) {
      if (closed) return Promise.reject(auditError('AUDIT_JOURNAL_CLOSED', 'The audit journal is closed: nothing more can be recorded, and the action was refused.'));
      const parsed = auditEventSchema.safeParse(event);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
        return Promise.reject(auditError('AUDIT_RECORD_INVALID', `The audit record was refused (and so was the action): ${issues}.`));
      }
      return writer.enqueue(parsed.data);
    },
    durableSeq: () => writer.seq,
    lastCheckpoint: () => writer.lastCheckpoint(),
    async checkpointNow() {
      await writer.idle();
      const cp = writer.requestCheckpoint();
      if (!cp) throw auditError('AUDIT_CHECKPOINT_FAILED', 'The journal holds no record yet to checkpoint.');
      await writer.checkpointsSettled();
      return cp;
    },
    onFailure: (listener) => writer.onFailure(listener),
    onDurable: (listener) => writer.onDurable(listener),
    purgeExpired(request) {
      if (closed) return Promise.reject(auditError('AUDIT_JOURNAL_CLOSED', 'The audit journal is closed.'));
      return purgeExpiredFiles(writer, { dir: ctx.dir, fs: ctx.fs, retentionYears: ctx.retentionYears, now: request.now ?? ctx.clock.now() }, request);
    },
    close() {
      closed = true;
      closing ??= (async () => {
        try {
          await writer.close();
        } finally {
          await lock.release();
        }
      })();
      return closing;
    },
  };
}
