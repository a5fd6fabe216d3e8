// IPC handlers of the CRSO auditor's workspace (issue #4 §3–4; requirements A6, CJIS AU-6, AU-7, AU-9).
//
//   audit.search       searchAudit() over the agency copy (audit_records), keyset pages, newest first
//   audit.record       a record with its neighbours on its workstation
//   audit.reviews      the last weeks (Monday to Sunday, agency time zone) with counts and review state
//   audit.markReviewed a week reviewed once, with a note (table audit_reviews, migration 6)
//   audit.stats        inquiries per operator per day, by purpose, off-hours share, one operator's pattern
//   audit.export       CSV + manifest (hashes, the journal's verification, a row-level check) in <dataDir>/exports
//   audit.verify       verifyJournal() of this workstation's journal with progress events
//
// Reading the audit is itself audited (AU-9): search, open, reviews and stats are recorded in the journal
// BEFORE the answer is read, and refused (AUDIT_*) when the record cannot be made durable. An export and
// a verification are recorded with their result before it is handed over; when that record fails the
// export's files are removed and the answer is refused. Nothing here changes an audit record or its
// order (AU-7): the only write is the review row, in its own append-only table.
import type { AuditAlerts } from '../audit/alerts';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  auditRowSchema,
  PATTERN_BASELINE_WEEKS,
  PATTERN_SIGMAS,
  type AuditFilter,
  type AuditReview,
  type AuditRowView,
  type AuditStats,
  type AuditVerification,
  type AuditWeek,
} from '../../../shared/contract/audit-channels';
import { AUDIT_TIME_ZONE } from '../../../shared/contract/audit-channels';
import type { EventPayloadOf } from '../../../shared/contract/channels';
import type { Checkpoint } from '../audit/checkpoint';
import { macOfTextOk } from '../audit/inspect';
import { createRecordMac, sha256Hex } from '../audit/mac';
import type { AuditEvent } from '../audit/schema';
import { auditNeighbours, searchAudit, AUDIT_SEARCH_MAX_PAGE, type AuditRow, type AuditSearchFilter } from '../audit/search';
import type { AuditJournal, KeyProvider } from '../audit/types';
import { describeVerifyResult, verifyJournal, type VerifyResult } from '../audit/verify';
import type { Clock } from '../clock';
import type { WorkstationIdentity } from '../config';
import { AppError, isAppError } from '../errors';
import type { HandlerContext, Handlers } from '../ipc/router';
import type { Logger } from '../log';
import { auditRefusal } from '../session/audit';
import { sqlState, type Queryable } from '../store/db';
import { csvLine } from './csv';
import { addDays, daysBetween, isMonday, isOffHours, localParts, mondayOf, OFF_HOURS_RULE, startOfLocalDay } from './time';

export const AUDIT_WORKSPACE_CHANNELS = ['audit.search', 'audit.record', 'audit.reviews', 'audit.markReviewed', 'audit.stats', 'audit.export', 'audit.verify', 'audit.alerts'] as const;
export type AuditWorkspaceChannel = (typeof AUDIT_WORKSPACE_CHANNELS)[number];
export type AuditWorkspaceHandlers = Pick<Handlers, AuditWorkspaceChannel>;

/** The most rows one export writes (the manifest says when the filter matched more). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
/** The most inquiry records the charts read for one range (the answer says when it was cut). */
export const AUDIT_STATS_MAX_ROWS = 200_000;
/** Exports go to this folder of the data folder. */
export const EXPORTS_DIR = 'exports';

export interface AuditWorkspaceDeps {
  /** The agency store (audit_records, audit_reviews). */
  db: Queryable;
  /** This workstation's journal: every access is appended to it; verify reads its folder. */
  journal: Pick<AuditJournal, 'append' | 'dir' | 'lastCheckpoint'>;
  /** Exports are written to <dataDir>/exports. */
  dataDir: string;
  /** The journal's HMAC key (keychainKeyProvider(keychain)). */
  keyProvider: KeyProvider;
  /** The latest checkpoint kept outside the journal folder. Default: the journal's last published one. */
  externalCheckpoint?: () => Promise<Checkpoint | null> | Checkpoint | null;
  clock: Clock;
  /** events.emit, for audit.verifyProgress. */
  emit: (name: 'audit.verifyProgress', payload: EventPayloadOf<'audit.verifyProgress'>) => void;
  logger: Logger;
  workstation: WorkstationIdentity;
  /** Audit-trail failures filed by the workstations (AU-5). */
  alerts: Pick<AuditAlerts, 'list'>;
}

const SUMMARY_FIELDS = new Set(['v', 'seq', 'prevHash', 'at', 'type', 'ws', 'operator', 'requestor', 'outcome', 'reason', 'hmac']);

function str(value: unknown, max: number): string | null {
  return typeof value === 'string' ? value.slice(0, max) : null;
}

function flatten(value: unknown, prefix: string, out: { name: string; value: string }[]): void {
  if (out.length >= 60) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const text = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : String(value);
  out.push({ name: prefix.slice(0, 60), value: text.slice(0, 1000) });
}

/** A stored row as the CRSO sees it. The line is the store's copy: read defensively (it may be hostile). */
export function toRowView(row: AuditRow): AuditRowView {
  const r = (row.record ?? {}) as unknown as Record<string, unknown>;
  const inquiry = (typeof r.inquiry === 'object' && r.inquiry !== null ? r.inquiry : {}) as Record<string, unknown>;
  const reply = (typeof r.reply === 'object' && r.reply !== null ? r.reply : {}) as Record<string, unknown>;
  const keys = typeof inquiry.subjectKeys === 'object' && inquiry.subjectKeys !== null ? (inquiry.subjectKeys as Record<string, unknown>) : {};
  const subjectKeys: Record<string, string> = {};
  for (const [k, v] of Object.entries(keys).slice(0, 10)) if (typeof v === 'string' && k.length <= 4) subjectKeys[k] = v.slice(0, 40);
  const fields: { name: string; value: string }[] = [];
  for (const [k, v] of Object.entries(r)) if (!SUMMARY_FIELDS.has(k)) flatten(v, k, fields);
  const view = {
    workstationId: row.workstationId,
    seq: row.seq,
    at: row.at,
    eventType: row.eventType.slice(0, 40),
    operator: row.operator,
    requestor: str(r.requestor, 30),
    outcome: row.outcome,
    reason: str(r.reason, 200),
    messageKey: str(inquiry.messageKey, 24) ?? str(reply.messageKey, 24),
    messageRef: row.messageRef,
    purpose: str(inquiry.purpose, 2),
    requestPurpose: str(inquiry.requestPurpose, 2),
    subjectKeys,
    fields,
    hash: row.hash,
  };
  return auditRowSchema.parse(view);
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The contract's filter (calendar days in the agency's zone) as searchAudit's (instants). */
export function toSearchFilter(f: AuditFilter): AuditSearchFilter {
  return {
    ...(f.operator !== undefined ? { operator: f.operator } : {}),
    ...(f.workstationId !== undefined ? { workstationId: f.workstationId } : {}),
    ...(f.from !== undefined ? { from: iso(startOfLocalDay(f.from)) } : {}),
    ...(f.to !== undefined ? { to: iso(startOfLocalDay(addDays(f.to, 1))) } : {}),
    ...(f.messageKey !== undefined ? { messageKey: f.messageKey } : {}),
    ...(f.purpose !== undefined ? { purpose: f.purpose as AuditSearchFilter['purpose'] } : {}),
    ...(f.requestPurpose !== undefined ? { requestPurpose: f.requestPurpose as AuditSearchFilter['requestPurpose'] } : {}),
    ...(f.requestor !== undefined ? { requestor: f.requestor } : {}),
    ...(f.outcome !== undefined ? { outcome: f.outcome } : {}),
    ...(f.eventTypes !== undefined ? { eventTypes: f.eventTypes } : {}),
    ...(f.subject !== undefined ? { subject: f.subject } : {}),
  };
}

/** The filter as the journal records it (field → text, at most 100 characters each). */
export function filtersForRecord(f: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || !/^[a-zA-Z]{1,20}$/.test(k)) continue;
    const text = (Array.isArray(v) ? v.join(',') : String(v)).replace(/\p{Cc}/gu, ' ').trim().slice(0, 100);
    if (text !== '') out[k] = text;
    if (Object.keys(out).length >= 12) break;
  }
  return out;
}

function operatorOf(ctx: HandlerContext): string {
  const id = ctx.session.operatorId;
  if (id === null) throw new AppError('NOT_SIGNED_ON', 'Sign on first.');
  return id;
}

function toVerification(result: VerifyResult): AuditVerification {
  const d = result.firstBad;
  return {
    ok: result.ok,
    records: result.records,
    files: result.files,
    summary: describeVerifyResult(result).slice(0, 2000),
    ...(d ? { firstBad: { file: d.file.slice(0, 300), line: d.line, seq: d.seq, kind: d.kind, message: d.detail.slice(0, 1000) } } : {}),
    torn: result.torn !== undefined,
    checkpoint: result.checkpoint ?? null,
  };
}

function timestampName(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '');
}

interface DayCountRow {
  at: Date;
  operator_id: string | null;
  purpose: string | null;
  request_purpose: string | null;
}

export function auditWorkspaceHandlers(deps: AuditWorkspaceDeps): AuditWorkspaceHandlers {
  const { db, journal, clock, logger, workstation } = deps;
  let verifying = false;

  /** Appends the record or throws the refusal (AUDIT_*): nothing is read or handed over without it. */
  async function record(event: AuditEvent): Promise<void> {
    try {
      await journal.append(event);
    } catch (error) {
      throw auditRefusal(error);
    }
  }

  /** Best effort: the record of a refusal (the refusal itself is thrown whatever happens here). */
  async function recordRefusal(event: AuditEvent): Promise<void> {
    try {
      await journal.append(event);
    } catch (error) {
      logger.warn('the refusal could not be recorded in the audit trail', { type: event.type, error });
    }
  }

  async function runVerify(): Promise<AuditVerification> {
    if (verifying) throw new AppError('VERIFY_RUNNING', 'A verification of the audit trail is already running. Wait for it to finish.');
    verifying = true;
    try {
      const key = await deps.keyProvider();
      const checkpoint = deps.externalCheckpoint ? await deps.externalCheckpoint() : journal.lastCheckpoint();
      let lastDone = -1;
      let lastPhase = '';
      const result = await verifyJournal(journal.dir, {
        key,
        externalCheckpoint: checkpoint,
        workstationId: workstation.id,
        onProgress: (p) => {
          // Throttled: at most about a hundred events a pass, plus every change of phase.
          const step = Math.max(1, Math.floor(p.bytesTotal / 100));
          if (p.phase === lastPhase && p.bytesDone - lastDone < step && p.bytesDone !== p.bytesTotal) return;
          lastDone = p.bytesDone;
          lastPhase = p.phase;
          deps.emit('audit.verifyProgress', { done: p.bytesDone, total: p.bytesTotal, phase: p.phase });
        },
      });
      return toVerification(result);
    } catch (error) {
      if (isAppError(error)) throw error;
      throw new AppError('AUDIT_VERIFY_FAILED', `The audit trail could not be verified: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500), { cause: error });
    } finally {
      verifying = false;
    }
  }

  async function countWeek(monday: string): Promise<{ records: number; inquiries: number }> {
    const rows = await db.query<{ records: string; inquiries: string }>(
      `SELECT count(*)::text AS records, count(*) FILTER (WHERE event_type IN ('inquiry.sent', 'inquiry.failed'))::text AS inquiries
       FROM audit_records WHERE at >= $1::timestamptz AND at < $2::timestamptz`,
      [iso(startOfLocalDay(monday)), iso(startOfLocalDay(addDays(monday, 7)))],
    );
    return { records: Number(rows[0]?.records ?? 0), inquiries: Number(rows[0]?.inquiries ?? 0) };
  }

  interface ReviewRow {
    week_start: string;
    reviewed_by: string;
    reviewed_at: Date;
    note: string;
    records_count: string;
  }
  const toReview = (r: ReviewRow): AuditReview => ({
    weekStart: r.week_start,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at.toISOString(),
    note: r.note,
    recordsCount: Number(r.records_count),
  });
  const REVIEW_COLUMNS = `to_char(week_start, 'YYYY-MM-DD') AS week_start, reviewed_by, reviewed_at, note, records_count::text AS records_count`;

  async function inquiryRows(fromMs: number, toMs: number, operator?: string): Promise<{ rows: DayCountRow[]; truncated: boolean }> {
    const params: (string | number)[] = [iso(fromMs), iso(toMs)];
    const byOperator = operator !== undefined ? ` AND operator_id = $${params.push(operator)}` : '';
    const rows = await db.query<DayCountRow>(
      `SELECT at, operator_id, (((line::jsonb) -> 'inquiry') ->> 'purpose') AS purpose, (((line::jsonb) -> 'inquiry') ->> 'requestPurpose') AS request_purpose
       FROM audit_records
       WHERE event_type = 'inquiry.sent' AND outcome = 'success' AND at >= $1::timestamptz AND at < $2::timestamptz${byOperator}
       ORDER BY at LIMIT $${params.push(AUDIT_STATS_MAX_ROWS + 1)}`,
      params,
    );
    return { rows: rows.slice(0, AUDIT_STATS_MAX_ROWS), truncated: rows.length > AUDIT_STATS_MAX_ROWS };
  }

  return {
    async 'audit.search'(request, ctx) {
      const operator = operatorOf(ctx);
      const filter = toSearchFilter(request.filter);
      await record({ type: 'audit.searched', operator, outcome: 'success', auditAccess: { filters: filtersForRecord(request.filter) } });
      const page = await searchAudit(db, filter, { limit: request.limit ?? 50, after: request.after ?? null });
      return { rows: page.rows.map(toRowView), next: page.next };
    },

    async 'audit.record'(request, ctx) {
      const operator = operatorOf(ctx);
      await record({ type: 'audit.viewed', operator, outcome: 'success', auditAccess: { workstation: request.workstationId, seq: request.seq } });
      const found = await auditNeighbours(db, request.workstationId, request.seq, request.neighbours ?? 5);
      return { before: found.before.map(toRowView), record: found.record ? toRowView(found.record) : null, after: found.after.map(toRowView) };
    },

    async 'audit.reviews'(request, ctx) {
      const operator = operatorOf(ctx);
      const weeks = request.weeks ?? 8;
      await record({ type: 'audit.searched', operator, outcome: 'success', auditAccess: { filters: { view: 'reviews', weeks: String(weeks) } } });
      const thisMonday = mondayOf(localParts(clock.now()).day);
      const oldest = addDays(thisMonday, -7 * (weeks - 1));
      const reviews = await db.query<ReviewRow>(
        `SELECT ${REVIEW_COLUMNS} FROM audit_reviews WHERE ori = $1 AND week_start >= $2::date ORDER BY week_start DESC`,
        [workstation.ori, oldest],
      );
      const byWeek = new Map(reviews.map((r) => [r.week_start, toReview(r)]));
      const out: AuditWeek[] = [];
      for (let i = 0; i < weeks; i++) {
        const monday = addDays(thisMonday, -7 * i);
        out.push({ weekStart: monday, weekEnd: addDays(monday, 6), ...(await countWeek(monday)), review: byWeek.get(monday) ?? null });
      }
      return out;
    },

    async 'audit.markReviewed'(request, ctx) {
      const operator = operatorOf(ctx);
      const { weekStart, note } = request;
      const refuse = async (code: string, message: string): Promise<never> => {
        await recordRefusal({ type: 'audit.reviewed', operator, outcome: 'refused', reason: code, auditAccess: { weekStart } });
        throw new AppError(code, message);
      };
      if (!isMonday(weekStart)) throw new AppError('AUDIT_REVIEW_INVALID', `${weekStart} is not a Monday: a review week starts on a Monday.`);
      const today = localParts(clock.now()).day;
      const sunday = addDays(weekStart, 6);
      if (sunday >= today) return refuse('AUDIT_REVIEW_EARLY', `The week of ${weekStart} ends on Sunday ${sunday}: review it once it has ended.`);
      const existing = await db.query<ReviewRow>(`SELECT ${REVIEW_COLUMNS} FROM audit_reviews WHERE ori = $1 AND week_start = $2::date`, [workstation.ori, weekStart]);
      if (existing[0]) {
        const r = toReview(existing[0]);
        return refuse('AUDIT_WEEK_REVIEWED', `The week of ${weekStart} was already reviewed by ${r.reviewedBy} at ${r.reviewedAt}. A week is reviewed once; reviews are never changed.`);
      }
      const { records } = await countWeek(weekStart);
      await record({ type: 'audit.reviewed', operator, outcome: 'success', auditAccess: { weekStart, note, records } });
      try {
        const rows = await db.query<ReviewRow>(
          `INSERT INTO audit_reviews (week_start, ori, reviewed_by, reviewed_at, note, records_count)
           VALUES ($1::date, $2, $3, $4::timestamptz, $5, $6) RETURNING ${REVIEW_COLUMNS}`,
          [weekStart, workstation.ori, operator, iso(clock.now()), note, records],
        );
        return toReview(rows[0]!);
      } catch (error) {
        if (sqlState(error) === '23505') {
          return refuse('AUDIT_WEEK_REVIEWED', `The week of ${weekStart} was reviewed by someone else a moment ago. A week is reviewed once.`);
        }
        await recordRefusal({ type: 'audit.reviewed', operator, outcome: 'failure', reason: 'STORE_WRITE_FAILED', auditAccess: { weekStart } });
        throw error;
      }
    },

    async 'audit.stats'(request, ctx) {
      const operator = operatorOf(ctx);
      const { from, to } = request;
      await record({
        type: 'audit.searched',
        operator,
        outcome: 'success',
        auditAccess: { filters: filtersForRecord({ view: 'stats', from, to, operator: request.operator }) },
      });
      const fromMs = startOfLocalDay(from);
      const toMs = startOfLocalDay(addDays(to, 1));
      const { rows, truncated } = await inquiryRows(fromMs, toMs);
      const perKey = new Map<string, { operator: string; day: string; count: number }>();
      const purposes = new Map<string, number>();
      let off = 0;
      for (const r of rows) {
        const ms = r.at.getTime();
        const op = r.operator_id ?? '(none)';
        const day = localParts(ms).day;
        const k = `${op} ${day}`;
        const entry = perKey.get(k) ?? { operator: op, day, count: 0 };
        entry.count += 1;
        perKey.set(k, entry);
        const purpose = r.purpose !== null ? `III ${r.purpose}` : r.request_purpose !== null ? `CA ${r.request_purpose}` : 'none given';
        purposes.set(purpose, (purposes.get(purpose) ?? 0) + 1);
        if (isOffHours(ms)) off += 1;
      }
      const stats: AuditStats = {
        from,
        to,
        timeZone: AUDIT_TIME_ZONE,
        perOperatorDay: [...perKey.values()].sort((a, b) => a.operator.localeCompare(b.operator) || a.day.localeCompare(b.day)).slice(0, 20_000),
        byPurpose: [...purposes.entries()].map(([purpose, count]) => ({ purpose, count })).sort((a, b) => b.count - a.count || a.purpose.localeCompare(b.purpose)).slice(0, 60),
        offHours: { total: rows.length, offHours: off, share: rows.length === 0 ? 0 : off / rows.length, rule: OFF_HOURS_RULE },
        pattern: null,
        truncated,
      };
      if (request.operator !== undefined) {
        const baselineFrom = addDays(from, -7 * PATTERN_BASELINE_WEEKS);
        const baselineTo = addDays(from, -1);
        const base = await inquiryRows(startOfLocalDay(baselineFrom), fromMs, request.operator);
        const baseDays = new Map<string, number>();
        for (const r of base.rows) {
          const d = localParts(r.at.getTime()).day;
          baseDays.set(d, (baseDays.get(d) ?? 0) + 1);
        }
        const counts = daysBetween(baselineFrom, baselineTo).map((d) => baseDays.get(d) ?? 0);
        const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
        const sd = Math.sqrt(counts.reduce((a, b) => a + (b - mean) ** 2, 0) / counts.length);
        // The floor of 5 keeps a quiet baseline (sd near 0) from flagging a handful of inquiries.
        const threshold = Math.max(mean + PATTERN_SIGMAS * sd, mean + 5);
        const mine = new Map<string, number>();
        for (const e of perKey.values()) if (e.operator === request.operator) mine.set(e.day, e.count);
        const days = daysBetween(from, to)
          .slice(0, 400)
          .map((day) => ({ day, count: mine.get(day) ?? 0, flagged: (mine.get(day) ?? 0) > threshold }));
        const flagged = days.filter((d) => d.flagged).length;
        stats.pattern = {
          operator: request.operator,
          baselineFrom,
          baselineTo,
          mean,
          sd,
          threshold,
          days,
          explanation:
            `${request.operator}'s usual pattern: ${mean.toFixed(1)} inquiries a day on average (standard deviation ${sd.toFixed(1)}) over the ${PATTERN_BASELINE_WEEKS} weeks ${baselineFrom} to ${baselineTo}, every day counted. ` +
            `A day is flagged above ${threshold.toFixed(1)} (the mean plus ${PATTERN_SIGMAS} standard deviations, and at least 5 more than the mean). ` +
            (flagged === 0 ? 'No day in the range is flagged.' : `${flagged} day(s) in the range are flagged.`),
        };
      }
      return stats;
    },

    async 'audit.export'(request, ctx) {
      const operator = operatorOf(ctx);
      const filter = toSearchFilter(request.filter);
      const createdAt = clock.now();
      // Every matching row, oldest pages first as searched (newest first); at most AUDIT_EXPORT_MAX_ROWS.
      const rows: AuditRow[] = [];
      let after: Parameters<typeof searchAudit>[2] = { limit: AUDIT_SEARCH_MAX_PAGE };
      let truncated = false;
      for (;;) {
        const page = await searchAudit(db, filter, after);
        rows.push(...page.rows);
        if (!page.next) break;
        if (rows.length >= AUDIT_EXPORT_MAX_ROWS) {
          truncated = true;
          break;
        }
        after = { limit: AUDIT_SEARCH_MAX_PAGE, after: page.next };
      }
      rows.splice(AUDIT_EXPORT_MAX_ROWS);

      // The row-level check: each line still hashes to the stored hash; this workstation's lines also carry a valid HMAC.
      const mac = createRecordMac(await deps.keyProvider());
      const mismatched: { workstationId: string; seq: number; why: string }[] = [];
      let csv = csvLine(['workstation', 'seq', 'at', 'event_type', 'operator', 'requestor', 'outcome', 'reason', 'message_key', 'message_ref', 'purpose', 'request_purpose', 'subject_keys', 'hash', 'line']);
      for (const row of rows) {
        if (sha256Hex(row.line) !== row.hash) mismatched.push({ workstationId: row.workstationId, seq: row.seq, why: 'the line does not hash to the stored hash' });
        else if (row.workstationId === workstation.id && !macOfTextOk(row.line, mac)) mismatched.push({ workstationId: row.workstationId, seq: row.seq, why: 'the HMAC does not verify' });
        const v = toRowView(row);
        const keys = Object.entries(v.subjectKeys).map(([k, val]) => `${k}=${val}`).join('; ');
        csv += csvLine([v.workstationId, v.seq, v.at, v.eventType, v.operator, v.requestor, v.outcome, v.reason, v.messageKey, v.messageRef, v.purpose, v.requestPurpose, keys, v.hash, row.line]);
      }
      const journalCheck = await runVerify();
      const csvBytes = Buffer.from(csv, 'utf8');
      const csvSha256 = sha256Hex(csvBytes);
      const dir = path.join(deps.dataDir, EXPORTS_DIR);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      // A new name each time (never over an earlier export): audit-<time>.csv, then -2, -3 … in the same millisecond.
      const base = `audit-${timestampName(createdAt)}`;
      let csvFile = '';
      for (let n = 1; ; n++) {
        csvFile = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.csv`);
        try {
          await writeFile(csvFile, csvBytes, { flag: 'wx', mode: 0o600 });
          break;
        } catch (error) {
          if ((error as { code?: unknown }).code === 'EEXIST' && n < 100) continue;
          throw new AppError('AUDIT_EXPORT_FAILED', 'The export file could not be written.', { cause: error });
        }
      }
      const manifestFile = csvFile.replace(/\.csv$/, '.manifest.json');
      const filters = filtersForRecord(request.filter);
      const manifest = {
        kind: 'clets-audit-export',
        v: 1,
        createdAt: iso(createdAt),
        createdBy: operator,
        workstation: { id: workstation.id, ori: workstation.ori },
        timeZone: AUDIT_TIME_ZONE,
        filters,
        rows: rows.length,
        truncated,
        csvFile: path.basename(csvFile),
        csvSha256,
        verification: {
          journal: journalCheck,
          rowsChecked: rows.length,
          rowsMismatched: mismatched.length,
          mismatched: mismatched.slice(0, 100),
          rule: 'Each row: SHA-256 of its line equals the stored hash; rows of this workstation: the line’s HMAC verifies with the journal key.',
        },
      };
      const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
      try {
        await writeFile(manifestFile, manifestBytes, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        await rm(csvFile, { force: true }).catch(() => undefined);
        throw new AppError('AUDIT_EXPORT_FAILED', 'The export manifest could not be written.', { cause: error });
      }
      try {
        await record({ type: 'audit.exported', operator, outcome: 'success', auditAccess: { filters, rows: rows.length, sha256: csvSha256, file: path.basename(csvFile) } });
      } catch (error) {
        // Not recorded, not released: the files go.
        await rm(csvFile, { force: true }).catch(() => undefined);
        await rm(manifestFile, { force: true }).catch(() => undefined);
        throw error;
      }
      return {
        csvFile,
        manifestFile,
        rows: rows.length,
        sha256: csvSha256,
        manifestSha256: sha256Hex(manifestBytes),
        verification: { journal: journalCheck, rowsChecked: rows.length, rowsMismatched: mismatched.length },
        truncated,
      };
    },

    async 'audit.verify'(_request, ctx) {
      const operator = operatorOf(ctx);
      let result: AuditVerification;
      try {
        result = await runVerify();
      } catch (error) {
        if (isAppError(error) && error.code !== 'VERIFY_RUNNING') {
          await recordRefusal({ type: 'audit.verified', operator, outcome: 'failure', reason: error.code.slice(0, 200) });
        }
        throw error;
      }
      await record({
        type: 'audit.verified',
        operator,
        outcome: result.ok ? 'success' : 'failure',
        ...(result.firstBad ? { reason: `${result.firstBad.kind} at record ${result.firstBad.seq}` } : {}),
        auditAccess: { verified: result.ok, records: result.records },
      });
      return result;
    },

    async 'audit.alerts'(_request, ctx) {
      const operator = operatorOf(ctx);
      await record({ type: 'audit.searched', operator, outcome: 'success', auditAccess: { filters: { log: 'alerts' } } });
      return deps.alerts.list(200);
    },
  };
}
