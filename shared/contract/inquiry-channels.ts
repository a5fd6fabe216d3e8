// The inquiry workspace's channels (issue #5): send an inquiry with its need to know, list and reopen
// this session's returns, confirm a hit (YQ), and the supervisor's view of overdue confirmations.
// The main process decides everything again: role per kind, need to know, the roster check of a
// requestor, the audit record before the send, and what of a reply the operator's role may see.
import { z } from 'zod';
import { CA_PURPOSE_CODES, III_PURPOSE_CODES, INQUIRY_KINDS, PRIORITY_CODES, RECORD_TYPE_CODES, REQUEST_NUMBERS } from '../codec/types';
import { MAX_REPLY_CHARS } from '../codec/limits';
import { FORM_KINDS, JURISDICTIONS, MAX_AGENCY_ACTION_LENGTH, MAX_REFERENCE_LENGTH, REFERENCE_MASK_PATTERN } from '../policy/inquiry-policy';
import { MESSAGE_REF } from '../wire/protocol';
import { ROLES } from './roles';

const isoTime = z.iso.datetime({ offset: false });
const messageRef = z.string().regex(MESSAGE_REF, 'not a message reference');
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const plainText = (max: number) => z.string().max(max).regex(NO_CONTROL, 'control characters are not allowed');

export const REPLY_KINDS = ['hit', 'no_record', 'candidates', 'hit_confirmation', 'admin', 'error', 'unsolicited', 'unparsed'] as const;

/** Form field names an inquiry may carry (the codec's property names); values are what the clerk typed. */
export const INQUIRY_FIELD_NAMES = ['nam', 'dob', 'sex', 'rac', 'soc', 'fbi', 'sid', 'cii', 'oln', 'ols', 'lic', 'lis', 'liy', 'lit', 'vin', 'vma'] as const;
export type InquiryFieldInputName = (typeof INQUIRY_FIELD_NAMES)[number];

export const needToKnowSchema = z
  .object({
    purpose: z.enum(III_PURPOSE_CODES).optional(),
    requestPurpose: z.enum(CA_PURPOSE_CODES),
    reference: plainText(MAX_REFERENCE_LENGTH + 23),
    requestor: plainText(12).optional(),
    requestorVerified: z.boolean().optional(),
    jurisdiction: z.enum(JURISDICTIONS),
    agencyAction: plainText(MAX_AGENCY_ACTION_LENGTH).optional(),
  })
  .strict();
export type NeedToKnowInput = z.infer<typeof needToKnowSchema>;

export const inquiryRequestSchema = z
  .object({
    kind: z.enum(FORM_KINDS),
    fields: z.partialRecord(z.enum(INQUIRY_FIELD_NAMES), plainText(200)),
    /** Nlets destinations: 1–5 state codes. */
    destinations: z.array(plainText(2)).max(5).optional(),
    needToKnow: needToKnowSchema,
    /** A record request from a candidate list: the reference of the inquiry it follows (its need to know carries over). */
    followUpOf: messageRef.optional(),
  })
  .strict();
export type InquiryRequest = z.infer<typeof inquiryRequestSchema>;

/** A refusal or failure the operator sees, with the field it is about when there is one. */
export const inquiryProblemSchema = z.object({ field: z.string().max(32), message: z.string().max(500) }).strict();

export const replyViewSchema = z
  .object({
    /** Decided by the main process from structure (the renderer decodes the same text with the same codec). */
    kind: z.enum(REPLY_KINDS),
    /** The reply text as received, or re-written without what the operator's role may not see (withheld). */
    text: z.string().max(MAX_REPLY_CHARS),
    training: z.boolean(),
    /** True when a confidential DMV address (VC 1808.4) was taken out for this operator's role. */
    withheld: z.boolean(),
  })
  .strict();
export type ReplyView = z.infer<typeof replyViewSchema>;

export const inquirySummarySchema = z
  .object({
    ref: messageRef,
    kind: z.enum(INQUIRY_KINDS),
    messageKey: z.string().max(16),
    /** One line naming the subject as asked (e.g. "DOE, JOHN · 1980-01-15" or "Plate 1TRN001 CA"). */
    subject: z.string().max(160),
    sentAt: isoTime,
    repliedAt: isoTime.nullable(),
    status: z.enum(['replied', 'failed']),
    replyKind: z.enum(REPLY_KINDS).nullable(),
  })
  .strict();
export type InquirySummary = z.infer<typeof inquirySummarySchema>;

export const inquiryResultSchema = inquirySummarySchema
  .extend({
    /** The need to know as recorded (normalized), so a record request can carry it over. */
    needToKnow: needToKnowSchema,
    reply: replyViewSchema.nullable(),
    /** Why there is no reply (INQUIRY_TIMEOUT, NOT_CONNECTED…). */
    error: z.object({ code: z.string().max(64), message: z.string().max(500) }).strict().nullable(),
  })
  .strict();
export type InquiryResult = z.infer<typeof inquiryResultSchema>;

export const HIT_CONFIRMATION_STATUSES = ['waiting', 'confirmed', 'not_confirmed', 'overdue', 'failed'] as const;

export const hitConfirmationSchema = z
  .object({
    /** The YQ's message reference. */
    id: messageRef,
    /** The inquiry whose hit is being confirmed, and which record of its reply. */
    hitRef: messageRef,
    recordIndex: z.number().int().min(0).max(2000),
    operatorId: z.string().max(12),
    subject: z.string().max(160),
    rty: z.enum(RECORD_TYPE_CODES),
    nic: z.string().max(10),
    oca: z.string().max(20),
    /** The ORI holding the record (the YQ's destination). */
    destination: z.string().max(9),
    priority: z.enum(PRIORITY_CODES),
    requestNumber: z.enum(REQUEST_NUMBERS),
    sentAt: isoTime,
    /** 10 minutes (urgent) or 1 hour (routine) after sentAt (Q7). */
    dueAt: isoTime,
    status: z.enum(HIT_CONFIRMATION_STATUSES),
    closedAt: isoTime.nullable(),
    /** The YR's text, when it came. */
    replyText: z.string().max(MAX_REPLY_CHARS).nullable(),
    /** Why a request failed to go out. */
    error: z.object({ code: z.string().max(64), message: z.string().max(500) }).strict().nullable(),
  })
  .strict();
export type HitConfirmationView = z.infer<typeof hitConfirmationSchema>;

export const referenceFormatSchema = z
  .object({ label: z.string().trim().min(1).max(40).regex(NO_CONTROL), mask: z.string().regex(REFERENCE_MASK_PATTERN, 'A mask is 3–17 of: 9 (digit), A (letter), # (letter or digit), other capitals, - and space.') })
  .strict();

export const inquiryPolicySchema = z
  .object({
    referenceFormats: z.array(referenceFormatSchema).min(1).max(10),
    dmvReferenceRequired: z.boolean(),
    confidentialAddressRoles: z.array(z.enum(ROLES)).max(ROLES.length),
  })
  .strict();

/** What the renderer needs to show the rules early: the forms this operator may use and the agency's formats. */
export const inquiryPolicyViewSchema = z
  .object({
    kinds: z.array(z.enum(FORM_KINDS)).max(FORM_KINDS.length),
    referenceFormats: z.array(referenceFormatSchema).max(10),
    dmvReferenceRequired: z.boolean(),
    /** The agency's ORI, sent with every inquiry (the renderer cannot change it). */
    ori: z.string().length(9),
  })
  .strict();
export type InquiryPolicyView = z.infer<typeof inquiryPolicyViewSchema>;

export const confirmHitRequestSchema = z
  .object({
    hitRef: messageRef,
    recordIndex: z.number().int().min(0).max(2000),
    priority: z.enum(PRIORITY_CODES),
    requestNumber: z.enum(REQUEST_NUMBERS).optional(),
  })
  .strict();
