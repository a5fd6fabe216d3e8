// The IPC contract: for each channel its request and response schema, who may call it and whether
// it may be called while the screen is locked. The main process parses every payload as unknown
// with these schemas; the renderer's types come from the same file (style.md §2).
import { z } from 'zod';
import type { ChannelName, EventName } from './names';
import { ROLES, type Role } from './roles';
import {
  badgeSchema,
  newOperatorSchema,
  operatorIdSchema,
  passwordSchema,
  pinSchema,
  rosterEntrySchema,
  sessionStateSchema,
  workstationSettingsSchema,
} from './session-schemas';
import { auditChannels, auditEvents } from './audit-channels';
import {
  confirmHitRequestSchema,
  hitConfirmationSchema,
  inquiryPolicyViewSchema,
  inquiryRequestSchema,
  inquiryResultSchema,
  inquirySummarySchema,
} from './inquiry-channels';
import { INQUIRY_ROLES } from '../policy/inquiry-policy';
import {
  decideRequestSchema,
  destructionRequestSchema,
  disseminationEntrySchema,
  logFilterSchema,
  pendingFilterSchema,
  releaseDocumentSchema,
  releaseIdSchema,
  releaseQueueEventSchema,
  releaseRequestInputSchema,
  releaseViewSchema,
  RELEASE_DECIDER_ROLES,
  RELEASE_LOG_ROLES,
  RELEASE_PREPARER_ROLES,
} from './release-channels';

export const roleSchema = z.enum(ROLES);

/** Who may call: `public` needs no session (before logon); otherwise a signed-on operator with one of the roles. */
export type Access = 'public' | { roles: readonly Role[] };

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
  /** Data channels are refused while locked; only lock-screen and status channels are allowed. */
  allowedWhileLocked: boolean;
  /** One line for the contract table in docs and for reviewers. */
  summary: string;
}

const empty = z.object({}).strict();
const isoTime = z.iso.datetime({ offset: false });

export const linkStateSchema = z.enum(['disconnected', 'connecting', 'connected', 'reconnecting', 'failed']);

export const linkStatusSchema = z
  .object({
    state: linkStateSchema,
    training: z.boolean(),
    since: isoTime,
    switchName: z.string().max(64).optional(),
    error: z.object({ code: z.string().max(64), message: z.string().max(500) }).optional(),
    nextAttemptAt: isoTime.optional(),
  })
  .strict();
export type LinkStatusView = z.infer<typeof linkStatusSchema>;

export const appInfoSchema = z
  .object({
    product: z.literal('CLETS Workstation'),
    version: z.string().max(32),
    mode: z.enum(['training', 'live']),
    workstation: z.object({ id: z.string().max(32), ori: z.string().length(9), terminal: z.string().max(8) }).strict(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

export const unsolicitedSchema = z
  .object({
    receivedAt: isoTime,
    training: z.boolean(),
    code: z.string().max(8),
    meaning: z.string().max(200),
    text: z.string().max(64 * 1024),
  })
  .strict();
export type UnsolicitedView = z.infer<typeof unsolicitedSchema>;

export const channels = {
  'app.info': {
    request: empty,
    response: appInfoSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'Product, version, training or live mode, and this workstation’s identity.',
  },
  'link.status': {
    request: empty,
    response: linkStatusSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'State of the link to the message switch.',
  },
  'link.messages': {
    request: empty,
    response: z.array(unsolicitedSchema).max(100),
    access: { roles: ROLES },
    allowedWhileLocked: false,
    summary: 'Unsolicited switch messages received during this session (refetched after an unlock).',
  },
  // --- Session and privacy lock (requirements L1–L11). Public: they run before and across logon.
  'session.state': {
    request: empty,
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'Where the operator is in logon, or the active session, or the lock (operator ID only).',
  },
  'session.acknowledgeNotice': {
    request: z.object({ noticeVersion: z.string().max(32) }).strict(),
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: false,
    summary: 'The operator acknowledged the system use notification of this version (L1).',
  },
  'session.submitPassword': {
    request: z.object({ operatorId: operatorIdSchema, password: passwordSchema }).strict(),
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: false,
    summary: 'First factor: operator ID and password. Refusals share one message for unknown ID or wrong secret.',
  },
  'session.submitBadge': {
    request: z.object({ badge: badgeSchema, pin: pinSchema }).strict(),
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: false,
    summary: 'Second factor: badge (have) and PIN (know), L7. Starts the session.',
  },
  'session.activity': {
    request: empty,
    response: z.object({ idleLockAt: isoTime.nullable() }).strict(),
    access: { roles: ROLES },
    allowedWhileLocked: false,
    summary: 'The renderer saw keyboard or pointer input (throttled); resets the idle lock timer.',
  },
  'session.lock': {
    request: z.object({ reason: z.enum(['shortcut', 'operator']).optional() }).strict(),
    response: sessionStateSchema,
    access: { roles: ROLES },
    allowedWhileLocked: true,
    summary: 'Lock now (Ctrl+L or the Lock button).',
  },
  'session.unlock': {
    request: z.object({ badge: badgeSchema, pin: pinSchema }).strict(),
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'Badge and PIN at the lock screen: the same operator resumes; another operator ends the first session and starts their own.',
  },
  'session.logout': {
    request: empty,
    response: sessionStateSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'End the session (also from the lock screen). Clears session data and the clipboard.',
  },
  // --- Roster (CRSO), requirements U2–U6, L2.
  'roster.list': {
    request: empty,
    response: z.array(rosterEntrySchema).max(10_000),
    access: { roles: ['crso'] },
    allowedWhileLocked: false,
    summary: 'Operators with their roles, statement form and certification dates, lock and disabled state.',
  },
  'roster.create': {
    request: newOperatorSchema,
    response: rosterEntrySchema,
    access: { roles: ['crso'] },
    allowedWhileLocked: false,
    summary: 'Add an operator. IDs are never reused (U6).',
  },
  'roster.disable': {
    request: z.object({ operatorId: operatorIdSchema, reason: z.string().trim().min(3).max(200) }).strict(),
    response: rosterEntrySchema,
    access: { roles: ['crso'] },
    allowedWhileLocked: false,
    summary: 'Disable an operator (never deleted; the ID is retired).',
  },
  'roster.setDates': {
    request: z
      .object({ operatorId: operatorIdSchema, statementSignedOn: z.iso.date().nullable(), certifiedUntil: z.iso.date().nullable() })
      .strict(),
    response: rosterEntrySchema,
    access: { roles: ['crso'] },
    allowedWhileLocked: false,
    summary: 'Record the statement form signed date and the CLETS certification expiry (U2, U3).',
  },
  'roster.releaseLock': {
    request: z.object({ operatorId: operatorIdSchema, note: z.string().trim().min(3).max(200) }).strict(),
    response: rosterEntrySchema,
    access: { roles: ['crso', 'admin'] },
    allowedWhileLocked: false,
    summary: 'Release an account locked by failed logons (L2).',
  },
  // --- Workstation settings (admin).
  'settings.get': {
    request: empty,
    response: workstationSettingsSchema,
    access: { roles: ['admin', 'crso'] },
    allowedWhileLocked: false,
    summary: 'This workstation’s lock, exemption and lockout settings.',
  },
  'settings.update': {
    request: workstationSettingsSchema,
    response: workstationSettingsSchema,
    access: { roles: ['admin'] },
    allowedWhileLocked: false,
    summary: 'Change workstation settings; exemptions need a justification and are recorded.',
  },
  'settings.status': {
    request: empty,
    response: z.object({ problem: z.object({ code: z.string().max(64), message: z.string().max(2000) }).strict().nullable() }).strict(),
    access: 'public',
    allowedWhileLocked: true,
    summary: 'Whether the workstation runs on the strict defaults because its settings file was damaged (which file, the way back).',
  },
  // --- Clipboard guard (L11): text copied from CJI views is cleared after 30 s if unchanged, and at lock and logout.
  'clipboard.copy': {
    request: z.object({ text: z.string().min(1).max(64 * 1024) }).strict(),
    response: z.object({ clearsAt: isoTime }).strict(),
    access: { roles: ROLES },
    allowedWhileLocked: false,
    summary: 'Copy text from a view with criminal justice information through the guarded clipboard.',
  },
  // --- Inquiries (issue #5): need to know checked in the main process, recorded before the send.
  'inquiry.policy': {
    request: empty,
    response: inquiryPolicyViewSchema,
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'The forms this operator may use and the agency’s right-to-know reference formats.',
  },
  'inquiry.send': {
    request: inquiryRequestSchema,
    response: inquiryResultSchema,
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'Send one inquiry: role per kind, need to know and requestor checked, audit record durable first.',
  },
  'inquiry.list': {
    request: empty,
    response: z.array(inquirySummarySchema).max(200),
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'This session’s inquiries (no reply text), refetched after an unlock.',
  },
  'inquiry.open': {
    request: z.object({ ref: inquiryResultSchema.shape.ref }).strict(),
    response: inquiryResultSchema,
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'Open one of this session’s returns again (recorded as a view).',
  },
  'inquiry.confirmHit': {
    request: confirmHitRequestSchema,
    response: hitConfirmationSchema,
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'Send a hit confirmation request (YQ) for a hit record of one of this session’s returns.',
  },
  'inquiry.hitConfirmations': {
    request: empty,
    response: z.array(hitConfirmationSchema).max(200),
    access: { roles: INQUIRY_ROLES },
    allowedWhileLocked: false,
    summary: 'This operator’s hit confirmation requests: waiting, overdue and closed.',
  },
  'supervision.overdueConfirmations': {
    request: empty,
    response: z.array(hitConfirmationSchema).max(500),
    access: { roles: ['supervisor', 'crso'] },
    allowedWhileLocked: false,
    summary: 'Overdue hit confirmation requests of every operator of the agency (supervisors).',
  },
  ...auditChannels,
  // --- CORI release under supervision (issue #6, R1–R7).
  'release.prepare': {
    request: releaseRequestInputSchema,
    response: releaseViewSchema,
    access: { roles: RELEASE_PREPARER_ROLES },
    allowedWhileLocked: false,
    summary: 'Prepare a release of a criminal history return of this session: recipient, legal basis, determination, scope, method.',
  },
  'release.pending': {
    request: pendingFilterSchema,
    response: z.array(releaseViewSchema).max(500),
    access: { roles: ['supervisor', 'crso'] },
    allowedWhileLocked: false,
    summary: 'The agency’s pending release requests (DA charging requests first, then oldest).',
  },
  'release.mine': {
    request: empty,
    response: z.array(releaseViewSchema).max(200),
    access: { roles: RELEASE_PREPARER_ROLES },
    allowedWhileLocked: false,
    summary: 'This operator’s release requests and their decisions.',
  },
  'release.decide': {
    request: decideRequestSchema,
    response: releaseViewSchema,
    access: { roles: RELEASE_DECIDER_ROLES },
    allowedWhileLocked: false,
    summary: 'Approve or deny a pending release with a reason (never one’s own; one decision stands).',
  },
  'release.perform': {
    request: z.object({ id: releaseIdSchema }).strict(),
    response: releaseDocumentSchema,
    access: { roles: RELEASE_PREPARER_ROLES },
    allowedWhileLocked: false,
    summary: 'Release an approved request once: dissemination log and audit first, then the watermarked document to print.',
  },
  'release.log': {
    request: logFilterSchema,
    response: z.array(disseminationEntrySchema).max(1000),
    access: { roles: RELEASE_LOG_ROLES },
    allowedWhileLocked: false,
    summary: 'Search the dissemination log (T11 §707(c)).',
  },
  'release.exportLog': {
    request: logFilterSchema,
    response: z.object({ file: z.string().max(500), rows: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    access: { roles: ['crso'] },
    allowedWhileLocked: false,
    summary: 'Export the dissemination log to CSV for a DOJ audit (audited).',
  },
  'release.recordDestruction': {
    request: destructionRequestSchema,
    response: disseminationEntrySchema,
    access: { roles: RELEASE_PREPARER_ROLES },
    allowedWhileLocked: false,
    summary: 'Record the witnessed destruction of a released copy returned to the agency (T11 §708).',
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  access: Access;
  /** Events carrying criminal justice information are never delivered to a locked renderer. */
  deliverWhileLocked: boolean;
}

/** The audit trail could not be written: actions that need a record are being refused (A5). */
export const auditFailureSchema = z.object({ code: z.string().min(1).max(64), message: z.string().min(1).max(2000), at: isoTime }).strict();
export type AuditFailureView = z.output<typeof auditFailureSchema>;

export const events = {
  // Signed-on operators only (it names the journal's trouble, no CJI); shown on the lock screen too.
  'audit.failure': { payload: auditFailureSchema, access: { roles: ROLES }, deliverWhileLocked: true },
  'link.status': { payload: linkStatusSchema, access: 'public', deliverWhileLocked: true },
  // $.H delayed hits and $.L locates carry criminal justice information: signed-on operators only.
  'link.unsolicited': { payload: unsolicitedSchema, access: { roles: ROLES }, deliverWhileLocked: false },
  'session.state': { payload: sessionStateSchema, access: 'public', deliverWhileLocked: true },
  // A hit confirmation changed (sent, answered, overdue): it names the subject, so never to a locked window.
  'inquiry.hitConfirmation': { payload: hitConfirmationSchema, access: { roles: INQUIRY_ROLES }, deliverWhileLocked: false },
  ...auditEvents,
  // A release request changed (new, decided, released): IDs and status only; the screens re-read the queue.
  'release.queue': { payload: releaseQueueEventSchema, access: { roles: RELEASE_PREPARER_ROLES }, deliverWhileLocked: false },
} as const satisfies Record<EventName, EventSpec>;

export type Channels = typeof channels;
export type RequestOf<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ParsedRequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]['payload']>;
