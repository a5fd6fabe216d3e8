// The auditor's search of the agency copy of the audit trail (audit_records, migrations 3 and 4; A6).
//
//   searchAudit(db, filter, page)          newest first, one page at a time (keyset pagination)
//   auditNeighbours(db, workstationId, seq, n)   a record with the n before and after it on its workstation
//
// Read-only: nothing here changes a row or its order (A6, AU-7). Every value reaches SQL as a parameter;
// the SQL text is assembled only from the fixed fragments below, chosen by which filter fields are set.
// The order is (at, workstation_id, seq) descending — seq alone runs per workstation, so (at, seq) is not
// unique — and each index of migration 4 ends in that order, so a page is read straight off an index.
//
// Filters that live only in the signed line (requestor, subject keys, message key, purpose codes) are
// read with `line::jsonb`, spelled exactly as in migration 4's expression indexes so the planner uses them.
// Subject keys match exactly, as the inquiry recorded them (e.g. {NAM: 'DOE,JOHN', DOB: '19800101'}):
// every key given must match (containment, @>).

import { z } from 'zod';
import { CA_PURPOSE_CODES, III_PURPOSE_CODES } from '../../../shared/codec/types';
import { OPERATOR_ID } from '../../../shared/wire/protocol';
import { AppError } from '../errors';
import type { Queryable, SqlParam } from '../store/db';
import { WORKSTATION_ID } from '../store/validate';
import { JOURNAL_EVENT_TYPES, MESSAGE_KEY, OPERATOR_EVENT_TYPES, OUTCOMES, SUBJECT_KEYS, type StoredRecord } from './schema';

/** The most rows one page may hold. */
export const AUDIT_SEARCH_MAX_PAGE = 200;
export const AUDIT_SEARCH_DEFAULT_PAGE = 50;
/** The most records auditNeighbours returns on each side. */
export const AUDIT_NEIGHBOURS_MAX = 50;

const NO_CONTROL = /^[^\p{Cc}]*$/u;
const text = (max: number) => z.string().min(1).max(max).regex(NO_CONTROL, 'control characters are not allowed');
/** An instant with its zone: 2026-11-23T12:00:00Z or …+02:00 (fractions up to microseconds). */
const instant = z.iso.datetime({ offset: true }).refine((s) => Number.isFinite(Date.parse(s)), 'not a real date and time');
const workstationId = z.string().regex(WORKSTATION_ID, 'a workstation ID is 2 to 32 capital letters, digits and dashes');
const EVENT_TYPES = [...OPERATOR_EVENT_TYPES, ...JOURNAL_EVENT_TYPES] as const;

export const auditSearchFilterSchema = z
  .strictObject({
    operator: z.string().regex(OPERATOR_ID, 'an operator ID is 3 to 12 letters and digits').optional(),
    requestor: text(30).optional(),
    workstationId: workstationId.optional(),
    /** 1 to 4 subject keys, each matched exactly. */
    subjectKeys: z
      .partialRecord(z.enum(SUBJECT_KEYS), text(40))
      .refine((keys) => Object.keys(keys).length >= 1 && Object.keys(keys).length <= 4, '1 to 4 subject keys')
      .optional(),
    /**
     * A value among an inquiry's subject keys, whichever key holds it (a name, a plate, an OLN …). Matched
     * exactly after upper-casing and collapsing spaces; a name with a comma also matches with or without a
     * space after it (`ROE, JANE` = `ROE,JANE`).
     */
    subject: text(40).optional(),
    /** From this instant, inclusive (UTC or with an offset). */
    from: instant.optional(),
    /** Up to this instant, exclusive. */
    to: instant.optional(),
    messageKey: z.string().regex(MESSAGE_KEY, 'not a message key').optional(),
    /** III purpose code (inquiry.purpose). */
    purpose: z.enum(III_PURPOSE_CODES).optional(),
    /** California request purpose code (inquiry.requestPurpose). */
    requestPurpose: z.enum(CA_PURPOSE_CODES).optional(),
    outcome: z.enum(OUTCOMES).optional(),
    eventTypes: z.array(z.enum(EVENT_TYPES)).min(1).max(EVENT_TYPES.length).optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || Date.parse(f.from) < Date.parse(f.to), {
    message: '"from" must be before "to"',
    path: ['to'],
  });

/** Where the next page starts: the last row of the page before (returned as `next`). */
export const auditSearchCursorSchema = z.strictObject({
  at: instant,
  workstationId,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const auditSearchPageSchema = z.strictObject({
  limit: z.number().int().min(1).max(AUDIT_SEARCH_MAX_PAGE).optional(),
  after: auditSearchCursorSchema.nullable().optional(),
});

export type AuditSearchFilter = z.input<typeof auditSearchFilterSchema>;
export type AuditSearchCursor = z.output<typeof auditSearchCursorSchema>;
export type AuditSearchPageRequest = z.input<typeof auditSearchPageSchema>;

export interface AuditRow {
  workstationId: string;
  seq: number;
  /** The record's time (UTC, ISO 8601). */
  at: string;
  eventType: string;
  operator: string | null;
  outcome: string;
  messageRef: string | null;
  /** SHA-256 of the line: the next record's prevHash. */
  hash: string;
  /** The record exactly as signed (verifiable like the journal's own line). */
  line: string;
  /** The line, parsed. */
  record: StoredRecord;
}

export interface AuditSearchPage {
  rows: AuditRow[];
  /** Pass as `after` for the next page; null when this page is the last. */
  next: AuditSearchCursor | null;
}

export interface AuditNeighbours {
  /** Older records on the workstation, oldest first (up to n). */
  before: AuditRow[];
  /** The record itself, or null if the store does not hold it. */
  record: AuditRow | null;
  /** Newer records, oldest first (up to n). */
  after: AuditRow[];
}

/** The expressions of migration 4's indexes: keep them identical, or the planner will not use the indexes. */
const J = {
  requestor: `((line::jsonb) ->> 'requestor')`,
  subjectKeys: `(((line::jsonb) -> 'inquiry') -> 'subjectKeys')`,
  inquiryMessageKey: `(((line::jsonb) -> 'inquiry') ->> 'messageKey')`,
  replyMessageKey: `(((line::jsonb) -> 'reply') ->> 'messageKey')`,
  purpose: `(((line::jsonb) -> 'inquiry') ->> 'purpose')`,
  requestPurpose: `(((line::jsonb) -> 'inquiry') ->> 'requestPurpose')`,
} as const;

const COLUMNS = `workstation_id, seq::text AS seq, at, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key,
  event_type, operator_id, outcome, message_ref, hash, line`;

interface DbRow {
  workstation_id: string;
  seq: string;
  at: Date;
  at_key: string;
  event_type: string;
  operator_id: string | null;
  outcome: string;
  message_ref: string | null;
  hash: string;
  line: string;
}

function refuse(what: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('AUDIT_SEARCH_INVALID', `The audit search was refused: ${what} is not valid (${where}${issue?.message ?? 'invalid'}).`);
}

function toRow(r: DbRow): AuditRow {
  return {
    workstationId: r.workstation_id,
    seq: Number(r.seq),
    at: r.at.toISOString(),
    eventType: r.event_type,
    operator: r.operator_id,
    outcome: r.outcome,
    messageRef: r.message_ref,
    hash: r.hash,
    line: r.line,
    record: JSON.parse(r.line) as StoredRecord,
  };
}

/** The spellings a typed subject value is matched in (see the `subject` filter). */
export function subjectVariants(value: string): string[] {
  const base = value.trim().toUpperCase().replace(/\s+/g, ' ');
  const out = new Set([base]);
  if (base.includes(',')) {
    out.add(base.replace(/\s*,\s*/g, ','));
    out.add(base.replace(/\s*,\s*/g, ', '));
  }
  return [...out];
}

/** Searches audit_records, newest first. Refuses an invalid filter or page with AUDIT_SEARCH_INVALID. */
export async function searchAudit(db: Queryable, filter: AuditSearchFilter, page: AuditSearchPageRequest = {}): Promise<AuditSearchPage> {
  const f = auditSearchFilterSchema.safeParse(filter);
  if (!f.success) refuse('the filter', f.error);
  const p = auditSearchPageSchema.safeParse(page);
  if (!p.success) refuse('the page request', p.error);
  const limit = p.data.limit ?? AUDIT_SEARCH_DEFAULT_PAGE;
  const { data } = f;

  const where: string[] = [];
  const params: SqlParam[] = [];
  const param = (value: SqlParam) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (data.operator !== undefined) where.push(`operator_id = ${param(data.operator)}`);
  if (data.workstationId !== undefined) where.push(`workstation_id = ${param(data.workstationId)}`);
  if (data.from !== undefined) where.push(`at >= ${param(data.from)}::timestamptz`);
  if (data.to !== undefined) where.push(`at < ${param(data.to)}::timestamptz`);
  if (data.outcome !== undefined) where.push(`outcome = ${param(data.outcome)}`);
  if (data.eventTypes !== undefined) where.push(`event_type = ANY(${param(data.eventTypes)}::text[])`);
  if (data.requestor !== undefined) {
    // The partial index holds the lines with a requestor; the same predicate lets the planner use it.
    where.push(`line LIKE '%"requestor":"%'`);
    where.push(`${J.requestor} = ${param(data.requestor)}`);
  }
  if (data.subjectKeys !== undefined) {
    // The partial index covers inquiry records only; the same predicate lets the planner use it.
    where.push(`event_type IN ('inquiry.sent', 'inquiry.failed')`);
    where.push(`${J.subjectKeys} @> ${param(JSON.stringify(data.subjectKeys))}::text::jsonb`);
  }
  if (data.subject !== undefined) {
    where.push(`event_type IN ('inquiry.sent', 'inquiry.failed')`);
    const matches: string[] = [];
    for (const value of subjectVariants(data.subject)) {
      for (const key of SUBJECT_KEYS) matches.push(`${J.subjectKeys} @> ${param(JSON.stringify({ [key]: value }))}::text::jsonb`);
    }
    where.push(`(${matches.join(' OR ')})`);
  }
  if (data.messageKey !== undefined) {
    const key = param(data.messageKey);
    where.push(`(${J.inquiryMessageKey} = ${key} OR ${J.replyMessageKey} = ${key})`);
  }
  if (data.purpose !== undefined) where.push(`${J.purpose} = ${param(data.purpose)}`);
  if (data.requestPurpose !== undefined) where.push(`${J.requestPurpose} = ${param(data.requestPurpose)}`);
  const after = p.data.after;
  if (after) {
    where.push(`(at, workstation_id, seq) < (${param(after.at)}::timestamptz, ${param(after.workstationId)}, ${param(String(after.seq))}::bigint)`);
  }

  const conditions = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  // ORDER BY names the table's columns: the output column `seq` is text. A subject-key search takes every
  // match from the GIN index first (a person's inquiries are few), then sorts: without the fence the
  // planner, which cannot estimate @> on a jsonb expression, may walk the whole (at) index instead.
  const sql =
    data.subjectKeys !== undefined || data.subject !== undefined
      ? `WITH matches AS MATERIALIZED (SELECT * FROM audit_records ${conditions})
         SELECT ${COLUMNS} FROM matches AS audit_records
         ORDER BY audit_records.at DESC, audit_records.workstation_id DESC, audit_records.seq DESC
         LIMIT ${param(limit + 1)}`
      : `SELECT ${COLUMNS} FROM audit_records ${conditions}
         ORDER BY audit_records.at DESC, audit_records.workstation_id DESC, audit_records.seq DESC
         LIMIT ${param(limit + 1)}`;
  const found = await db.query<DbRow>(sql, params);
  const rows = found.slice(0, limit);
  const last = rows.at(-1);
  const next = found.length > limit && last ? { at: last.at_key, workstationId: last.workstation_id, seq: Number(last.seq) } : null;
  return { rows: rows.map(toRow), next };
}

const neighboursSchema = z.strictObject({
  workstationId,
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  n: z.number().int().min(0).max(AUDIT_NEIGHBOURS_MAX),
});

/** A record and up to n records either side of it in its workstation's journal order (seq). */
export async function auditNeighbours(db: Queryable, workstationId: string, seq: number, n: number): Promise<AuditNeighbours> {
  const parsed = neighboursSchema.safeParse({ workstationId, seq, n });
  if (!parsed.success) refuse('the record reference', parsed.error);
  const ws = parsed.data.workstationId;
  const at = String(parsed.data.seq);
  const before = await db.query<DbRow>(
    `SELECT ${COLUMNS} FROM audit_records WHERE workstation_id = $1 AND seq < $2::bigint ORDER BY audit_records.seq DESC LIMIT $3`,
    [ws, at, parsed.data.n],
  );
  const rest = await db.query<DbRow>(
    `SELECT ${COLUMNS} FROM audit_records WHERE workstation_id = $1 AND seq >= $2::bigint ORDER BY audit_records.seq LIMIT $3`,
    [ws, at, parsed.data.n + 1],
  );
  const self = rest[0] && rest[0].seq === at ? rest[0] : null;
  return {
    before: before.reverse().map(toRow),
    record: self ? toRow(self) : null,
    after: (self ? rest.slice(1) : rest.slice(0, parsed.data.n)).map(toRow),
  };
}
