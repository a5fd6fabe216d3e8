// Retention: removal of whole files past retention, only through a CRSO-approved, audited purge.
//
// A file may go when it is sealed, is not the newest, and its seal (its last record) is older than the
// retention (default 3 years, A8 / T11 §707(c)). Only the oldest files go, oldest first, never one in the
// middle. The purge is recorded — who approved it, the rule, and each file's first and last seq and last
// hash — and that record is durable BEFORE any file is removed; verify accepts a journal that starts
// after file 1 only when a purge record accounts for the file just before its first one.

import path from 'node:path';
import { isoUtc } from './canonical';
import { auditError, describeFsError } from './errors';
import { journalFilesOf } from './files';
import type { AuditFs } from './fs';
import type { JournalWriter } from './journal';
import { forEachLine, readLastLine } from './line-reader';
import type { RecordMac } from './mac';
import { isOperatorId, type FileLink } from './schema';
import type { PurgeRequest, PurgeResult } from './types';
import { inspectLine } from './inspect';

export interface PurgeContext {
  dir: string;
  fs: AuditFs;
  retentionYears: number;
  now: number;
}

/** now minus `years` calendar years, UTC. */
export function retentionCutoff(now: number, years: number): number {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}

async function firstSeqOf(file: string, mac: RecordMac): Promise<number | null> {
  let seq: number | null = null;
  await forEachLine(file, (buf, start, end, terminated) => {
    const r = terminated ? inspectLine(buf, start, end, mac) : null;
    if (r?.wellFormed && r.macOk) seq = r.seq;
    return false;
  });
  return seq;
}

/** The file's seal: its seq, hash and time, or null when its last line is not an authentic seal. */
async function sealOf(file: string, mac: RecordMac): Promise<{ seq: number; hash: string; at: number } | null> {
  const last = await readLastLine(file);
  if (!last || !last.terminated) return null;
  const r = inspectLine(last.buf, last.start, last.end, mac);
  if (!r.wellFormed || !r.macOk || r.type !== 'journal.sealed') return null;
  const at = Date.parse((JSON.parse(last.buf.toString('latin1', last.start, last.end)) as { at?: string }).at ?? '');
  return Number.isFinite(at) ? { seq: r.seq, hash: r.hash, at } : null;
}

export async function purgeExpiredFiles(writer: JournalWriter, ctx: PurgeContext, request: PurgeRequest): Promise<PurgeResult> {
  if (typeof request?.approvedBy !== 'string' || !isOperatorId(request.approvedBy)) {
    throw auditError('AUDIT_PURGE_REFUSED', 'A purge of audit files needs the operator ID of the CRSO who approved it.');
  }
  const approvalRef = request.approvalRef;
  if (approvalRef !== undefined && (typeof approvalRef !== 'string' || approvalRef.length === 0 || approvalRef.length > 100 || /\p{Cc}/u.test(approvalRef))) {
    throw auditError('AUDIT_PURGE_REFUSED', 'The approval reference is 1 to 100 characters.');
  }
  const cutoff = retentionCutoff(ctx.now, ctx.retentionYears);
  await writer.idle();
  const mac = await writer.currentMac();
  const files = journalFilesOf(await ctx.fs.readdir(ctx.dir));
  const newest = writer.lastFileNo;
  const candidates: FileLink[] = [];
  for (const f of files) {
    if (f.fileNo >= newest) break;
    const full = path.join(ctx.dir, f.name);
    const seal = await sealOf(full, mac);
    if (!seal || seal.at >= cutoff) break;
    if (request.replicatedThrough !== undefined && seal.seq > request.replicatedThrough) break;
    const firstSeq = await firstSeqOf(full, mac);
    if (firstSeq === null) break;
    candidates.push({ name: f.name, fileNo: f.fileNo, firstSeq, lastSeq: seal.seq, lastHash: seal.hash });
  }

  const record = await writer.enqueue({
    type: 'journal.purged',
    operator: request.approvedBy,
    outcome: 'success',
    journal: { purged: candidates, cutoff: isoUtc(cutoff), ...(approvalRef !== undefined ? { approvalRef } : {}) },
  });
  for (const c of candidates) {
    try {
      await ctx.fs.unlink(path.join(ctx.dir, c.name));
    } catch (error) {
      const reason = `could not remove ${c.name}: ${describeFsError(error)}`;
      await writer.enqueue({ type: 'journal.purged', operator: request.approvedBy, outcome: 'failure', reason }).catch(() => undefined);
      throw auditError('AUDIT_PURGE_FAILED', `The purge was recorded but stopped part way: ${reason}. The files still present verify as before.`, error);
    }
  }
  if (candidates.length > 0) await ctx.fs.syncDir(ctx.dir);
  return { removed: candidates, cutoff: isoUtc(cutoff), seq: record.seq };
}
