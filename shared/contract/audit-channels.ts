// The CRSO auditor's workspace channels (issue #4 §4): search the agency's audit, open a record with its
// neighbours, the weekly review (AU-6), charts, export for a DOJ audit, and the in-app verification.
// Every channel is CRSO only and refused while locked; every call is itself recorded in the audit
// journal before it is answered (AU-9), and refused when it cannot be.
//
// Dates the CRSO types (`from`, `to`, a review week) are calendar days in the agency's time zone
// (AUDIT_TIME_ZONE); `to` is inclusive. The main process turns them into instants.
import { AUDIT_EVENT_TYPES } from './audit-events';
import { z } from 'zod';
import type { ChannelSpec, EventSpec } from './channels';

const crso = { roles: ['crso'] } as const;

/** The agency's time zone: days, weeks and office hours are counted in it. */
export const AUDIT_TIME_ZONE = 'America/Los_Angeles';
/** Office hours (local): 07:00 to 19:00, Monday to Friday. Anything else — weekends included — is off-hours. */
export const OFFICE_HOURS = { startHour: 7, endHour: 19 } as const;
/** The rule "against the usual pattern" uses: the previous 8 weeks, flag a day above mean + 3·sd. */
export const PATTERN_BASELINE_WEEKS = 8;
export const PATTERN_SIGMAS = 3;

/** Every event type the journal records (one list with the journal's own schema). */
export const AUDIT_EVENT_TYPE_NAMES = AUDIT_EVENT_TYPES;

export const AUDIT_OUTCOMES = ['success', 'failure', 'refused'] as const;
/** III purpose codes and California request purpose codes (shared/codec/types). */
const PURPOSE = /^[A-Z]$/;

const NO_CONTROL = /^[^\p{Cc}]*$/u;
const text = (max: number) => z.string().trim().min(1).max(max).regex(NO_CONTROL, 'control characters are not allowed');
const calendarDate = z.iso.date();
const workstationId = z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'a workstation ID is 2 to 32 capital letters, digits and dashes');
const operatorId = z.string().regex(/^[A-Z0-9]{3,12}$/, 'an operator ID is 3 to 12 letters and digits');
const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
const isoTime = z.iso.datetime({ offset: false });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const auditFilterSchema = z
  .strictObject({
    operator: operatorId.optional(),
    workstationId: workstationId.optional(),
    /** First day, inclusive (agency time zone). */
    from: calendarDate.optional(),
    /** Last day, inclusive (agency time zone). */
    to: calendarDate.optional(),
    messageKey: z.string().regex(/^[A-Z0-9$]{1,4}(?:\.[A-Z0-9]{1,4}){0,3}$/, 'not a message key').optional(),
    /** III purpose code (criminal history). */
    purpose: z.string().regex(PURPOSE, 'a purpose code is one letter').optional(),
    /** California request purpose code. */
    requestPurpose: z.string().regex(PURPOSE, 'a purpose code is one letter').optional(),
    requestor: text(30).optional(),
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    eventTypes: z.array(z.enum(AUDIT_EVENT_TYPE_NAMES)).min(1).max(AUDIT_EVENT_TYPE_NAMES.length).optional(),
    /** A value among the inquiry's subject keys: a name (ROE, JANE), a plate, an OLN, a CII… */
    subject: text(40).optional(),
  })
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, { message: '"from" must not be after "to"', path: ['to'] });
export type AuditFilter = z.input<typeof auditFilterSchema>;

export const auditCursorSchema = z.strictObject({ at: z.iso.datetime({ offset: true }), workstationId, seq });
export type AuditCursor = z.output<typeof auditCursorSchema>;

/** One record, as the CRSO sees it: its parsed minimal fields (records never hold reply text or secrets). */
export const auditRowSchema = z.strictObject({
  workstationId,
  seq,
  at: isoTime,
  eventType: z.string().max(40),
  operator: z.string().max(12).nullable(),
  requestor: z.string().max(30).nullable(),
  outcome: z.string().max(10),
  reason: z.string().max(200).nullable(),
  messageKey: z.string().max(24).nullable(),
  messageRef: z.string().max(40).nullable(),
  purpose: z.string().max(2).nullable(),
  requestPurpose: z.string().max(2).nullable(),
  subjectKeys: z.record(z.string().max(4), z.string().max(40)),
  /** The record's other fields, flattened (`reply.records` → 2), for the detail view. */
  fields: z.array(z.strictObject({ name: z.string().max(60), value: z.string().max(1000) })).max(60),
  /** SHA-256 of the signed line. */
  hash: sha256,
});
export type AuditRowView = z.output<typeof auditRowSchema>;

export const auditSearchRequestSchema = z.strictObject({
  filter: auditFilterSchema,
  after: auditCursorSchema.nullable().optional(),
  limit: z.number().int().min(1).max(200).optional(),
});
export const auditSearchResultSchema = z.strictObject({ rows: z.array(auditRowSchema).max(200), next: auditCursorSchema.nullable() });
export type AuditSearchResult = z.output<typeof auditSearchResultSchema>;

export const auditRecordRequestSchema = z.strictObject({ workstationId, seq, neighbours: z.number().int().min(0).max(20).optional() });
export const auditRecordResultSchema = z.strictObject({
  before: z.array(auditRowSchema).max(20),
  record: auditRowSchema.nullable(),
  after: z.array(auditRowSchema).max(20),
});
export type AuditRecordResult = z.output<typeof auditRecordResultSchema>;

export const auditReviewSchema = z.strictObject({
  weekStart: calendarDate,
  reviewedBy: operatorId,
  reviewedAt: isoTime,
  note: z.string().max(1000),
  recordsCount: z.number().int().min(0),
});
export type AuditReview = z.output<typeof auditReviewSchema>;

export const auditWeekSchema = z.strictObject({
  /** The week's Monday (agency time zone). */
  weekStart: calendarDate,
  /** Its Sunday. */
  weekEnd: calendarDate,
  records: z.number().int().min(0),
  inquiries: z.number().int().min(0),
  review: auditReviewSchema.nullable(),
});
export type AuditWeek = z.output<typeof auditWeekSchema>;

export const auditReviewsRequestSchema = z.strictObject({ weeks: z.number().int().min(1).max(52).optional() });
export const markReviewedRequestSchema = z.strictObject({
  weekStart: calendarDate,
  note: z.string().trim().min(3, 'write what you reviewed (at least 3 characters)').max(1000).regex(/^[^\p{Cc}]*$/u, 'control characters are not allowed'),
});

export const auditStatsRequestSchema = z
  .strictObject({ from: calendarDate, to: calendarDate, operator: operatorId.optional() })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to"', path: ['to'] });

const count = z.number().int().min(0);
export const auditStatsSchema = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  timeZone: z.string().max(64),
  /** inquiry.sent with outcome success, per operator per local day. */
  perOperatorDay: z.array(z.strictObject({ operator: z.string().max(12), day: calendarDate, count })).max(20_000),
  byPurpose: z.array(z.strictObject({ purpose: z.string().max(40), count })).max(60),
  offHours: z.strictObject({ total: count, offHours: count, share: z.number().min(0).max(1), rule: z.string().max(300) }),
  /** One operator's days against their own usual pattern (only when an operator is given). */
  pattern: z
    .strictObject({
      operator: operatorId,
      baselineFrom: calendarDate,
      baselineTo: calendarDate,
      mean: z.number().min(0),
      sd: z.number().min(0),
      threshold: z.number().min(0),
      days: z.array(z.strictObject({ day: calendarDate, count, flagged: z.boolean() })).max(400),
      explanation: z.string().max(1000),
    })
    .nullable(),
  truncated: z.boolean(),
});
export type AuditStats = z.output<typeof auditStatsSchema>;

export const auditVerificationSchema = z.strictObject({
  ok: z.boolean(),
  records: count,
  files: count,
  /** One line for people (the CLI's line). */
  summary: z.string().max(2000),
  firstBad: z
    .strictObject({ file: z.string().max(300), line: count, seq: count, kind: z.string().max(40), message: z.string().max(1000) })
    .optional(),
  torn: z.boolean(),
  checkpoint: z.strictObject({ seq: count, matched: z.boolean() }).nullable(),
});
export type AuditVerification = z.output<typeof auditVerificationSchema>;

export const auditExportResultSchema = z.strictObject({
  csvFile: z.string().max(1000),
  manifestFile: z.string().max(1000),
  rows: count,
  sha256,
  manifestSha256: sha256,
  verification: z.strictObject({
    journal: auditVerificationSchema,
    rowsChecked: count,
    /** Rows whose line no longer hashes to the stored hash, or (this workstation's) whose HMAC fails. */
    rowsMismatched: count,
  }),
  truncated: z.boolean(),
});
export type AuditExportResult = z.output<typeof auditExportResultSchema>;

export const auditVerifyProgressSchema = z.strictObject({
  done: z.number().min(0),
  total: z.number().min(0),
  phase: z.enum(['checking', 'locating', 'done']),
});
export type AuditVerifyProgress = z.output<typeof auditVerifyProgressSchema>;

/** An audit-trail failure a workstation filed for the CRSO (AU-5). */
export const auditAlertSchema = z.strictObject({
  workstation: z.string().max(32),
  at: z.iso.datetime({ offset: false }),
  code: z.string().max(64),
  message: z.string().max(500),
  severity: z.enum(['warning', 'critical']),
});
export type AuditAlert = z.output<typeof auditAlertSchema>;

const spec = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, summary: string) =>
  ({ request, response, access: crso, allowedWhileLocked: false, summary }) satisfies ChannelSpec<Req, Res>;

export const auditChannels = {
  'audit.search': spec(auditSearchRequestSchema, auditSearchResultSchema, 'Search the agency audit trail, newest first, one page at a time (recorded: audit.searched).'),
  'audit.record': spec(auditRecordRequestSchema, auditRecordResultSchema, 'One audit record with its neighbours on its workstation (recorded: audit.viewed).'),
  'audit.reviews': spec(auditReviewsRequestSchema, z.array(auditWeekSchema).max(52), 'The last weeks with their record counts and review state (AU-6).'),
  'audit.markReviewed': spec(markReviewedRequestSchema, auditReviewSchema, 'Mark a week reviewed with a note, once (recorded: audit.reviewed).'),
  'audit.stats': spec(auditStatsRequestSchema, auditStatsSchema, 'Inquiries per operator per day, by purpose, off-hours share, one operator against their usual pattern.'),
  'audit.export': spec(z.strictObject({ filter: auditFilterSchema }), auditExportResultSchema, 'Export for a DOJ audit: CSV and a manifest with hashes and the verification (recorded: audit.exported).'),
  'audit.verify': spec(z.strictObject({}), auditVerificationSchema, 'Verify this workstation’s journal in the app (progress: audit.verifyProgress; recorded: audit.verified).'),
  'audit.alerts': spec(z.strictObject({}), z.array(auditAlertSchema).max(200), 'Audit-trail failures every workstation reported (AU-5), newest first (recorded: audit.searched).'),
} as const;

export const auditEvents = {
  'audit.verifyProgress': { payload: auditVerifyProgressSchema, access: crso, deliverWhileLocked: false } satisfies EventSpec,
} as const;
