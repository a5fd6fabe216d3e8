// What an audit record may hold (requirements.md §4, A1–A9). The callers' events are parsed with these
// schemas before anything is written; every object is strict, so a field that is not listed here — a
// reply's text, a password — is refused, not stored (AU-3(3): only the minimum the audit needs).
//
// The journal adds the rest of each record itself: v, seq, prevHash, at (UTC, ms), ws, ori and hmac.

import { z } from 'zod';
import { CA_PURPOSE_CODES, III_PURPOSE_CODES } from '../../../shared/codec/types';
import { MESSAGE_REF, OPERATOR_ID, ORI_PATTERN } from '../../../shared/wire/protocol';
import { JOURNAL_EVENT_TYPES, OPERATOR_EVENT_TYPES, type OperatorEventType } from '../../../shared/contract/audit-events';
import { WORKSTATION_ID } from '../store/validate';

// The event types live in shared/ so the auditor's workspace offers exactly the types the journal records.
export { JOURNAL_EVENT_TYPES, OPERATOR_EVENT_TYPES, type OperatorEventType };
export type JournalEventType = (typeof JOURNAL_EVENT_TYPES)[number];

export type EventType = OperatorEventType | JournalEventType;

export const OUTCOMES = ['success', 'failure', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Subject keys an inquiry may leave in the trail: enough to find it again, nothing more (no SSN, no address). */
export const SUBJECT_KEYS = ['NAM', 'DOB', 'SEX', 'OLN', 'LIC', 'LIS', 'VIN', 'CII', 'FBI', 'SID'] as const;

/** A message key such as `IH.R.QH`, `IW.QW`, `DQ` or a reply's `DR`. */
export const MESSAGE_KEY = /^[A-Z0-9$]{1,4}(?:\.[A-Z0-9]{1,4}){0,3}$/;

const NO_CONTROL = /^[^\p{Cc}]*$/u;
const text = (max: number) => z.string().min(1).max(max).regex(NO_CONTROL, 'control characters are not allowed');
const operatorId = z.string().regex(OPERATOR_ID, 'an operator ID is 3 to 12 letters and digits');
const messageRef = z.string().regex(MESSAGE_REF, 'not a message reference');
const scalar = z.union([text(200), z.number().finite(), z.boolean(), z.null()]);

export const inquiryFieldsSchema = z.strictObject({
  messageKey: z.string().regex(MESSAGE_KEY, 'not a message key'),
  /** Absent only for an inquiry refused before a reference was given to it. */
  messageRef: messageRef.optional(),
  /** Where the subject is (Q4): local, out-of-county or out-of-state. */
  jurisdiction: z.enum(['local', 'out-of-county', 'out-of-state']).optional(),
  /** The agency action an out-of-county or out-of-state inquiry serves (Q4). */
  agencyAction: text(200).optional(),
  /** The operator confirmed verifying the requestor's right and need to know (Q5). */
  requestorVerified: z.boolean().optional(),
  /** A record request from a candidate list names the inquiry it follows. */
  followUpOf: messageRef.optional(),
  /** III purpose code (criminal history kinds). */
  purpose: z.enum(III_PURPOSE_CODES).optional(),
  /** California request purpose code. */
  requestPurpose: z.enum(CA_PURPOSE_CODES).optional(),
  /** Right-to-know reference: a case, call or report number (Q1). */
  rightToKnow: text(60).optional(),
  /** Nlets destinations or ORIs, when the key has them. */
  destinations: z.array(z.string().regex(/^[A-Z0-9]{2,9}$/)).max(5).optional(),
  subjectKeys: z.partialRecord(z.enum(SUBJECT_KEYS), text(40)).refine((keys) => Object.keys(keys).length <= 4, 'at most 4 subject keys'),
});

export const replyFieldsSchema = z.strictObject({
  messageRef,
  messageKey: z.string().regex(MESSAGE_KEY, 'not a message key').optional(),
  /** How many records the reply held (decided from its structure, never by keyword). */
  records: z.number().int().min(0).max(10_000).optional(),
  training: z.boolean().optional(),
});

/** What was viewed, printed or exported: the reply and, if one, the record within it. */
export const targetFieldsSchema = z.strictObject({
  messageRef,
  recordIndex: z.number().int().min(0).max(10_000).optional(),
  format: z.enum(['pdf', 'print', 'text', 'csv']).optional(),
  copies: z.number().int().min(1).max(99).optional(),
});

/** A secondary dissemination of CORI (T11 §707(c), R5). */
export const releaseFieldsSchema = z.strictObject({
  releaseId: z.string().regex(/^R[0-9]{4}-[0-9]{6}$/, 'not a release ID'),
  messageRef,
  recipientType: z.enum(['da_charging', 'court', 'criminal_justice_agency', 'other_authorized']).optional(),
  method: z.enum(['print', 'photocopy', 'electronic']).optional(),
  /** What was (or is to be) released: "whole record" or the chosen arrests. */
  scope: text(200).optional(),
  /** The release request's preparer and approver, when not the operator of the record. */
  requestedBy: operatorId.optional(),
  approvedBy: operatorId.optional(),
  /** Destruction of a returned copy (T11 §708). */
  destructionMethod: z.enum(['shredded', 'burned', 'pulped', 'electronic_wipe']).optional(),
  witness: text(100).optional(),
  recipientName: text(100),
  recipientAgency: text(100),
  recipientOri: z.string().regex(ORI_PATTERN).optional(),
  purpose: text(200),
  legalBasis: text(200),
});

/** The CRSO's reading, review, export or verification of the audit (AU-6, AU-9). */
export const auditAccessFieldsSchema = z.strictObject({
  /** The search filters, as given (field name → value). */
  filters: z.record(z.string().regex(/^[a-zA-Z]{1,20}$/), text(100)).refine((f) => Object.keys(f).length <= 12, 'at most 12 filters').optional(),
  /** A record opened with its neighbours. */
  workstation: z.string().regex(WORKSTATION_ID).optional(),
  seq: z.number().int().min(1).optional(),
  /** The week reviewed (its Monday) and the CRSO's note. */
  weekStart: z.iso.date().optional(),
  note: text(1000).optional(),
  /** An export: rows written and the SHA-256 of the CSV file. */
  rows: z.number().int().min(0).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  file: text(200).optional(),
  /** A verification: its result. */
  verified: z.boolean().optional(),
  records: z.number().int().min(0).optional(),
});

/** A hit confirmation request (YQ): which hit, how urgent, by when. */
export const confirmationFieldsSchema = z.strictObject({
  messageRef,
  hitRef: messageRef,
  nic: z.string().regex(/^[A-Z][0-9]{9}$/),
  priority: z.enum(['U', 'R']),
  dueAt: z.iso.datetime({ offset: false }),
});

const SECRET_ITEM = /password|passphrase|pin|badge|secret|key/i;

/** A setting, roster or password change: what changed, for whom, from and to (never a secret's value). */
export const changeFieldsSchema = z
  .strictObject({
    item: z.string().regex(/^[a-zA-Z][a-zA-Z0-9._-]{0,63}$/, 'an item is a setting or field name'),
    target: operatorId.optional(),
    from: scalar.optional(),
    to: scalar.optional(),
  })
  .refine((c) => !SECRET_ITEM.test(c.item) || (c.from === undefined && c.to === undefined), 'a secret is recorded as changed, never by value');

export const auditEventSchema = z.strictObject({
  type: z.enum(OPERATOR_EVENT_TYPES),
  /** The signed-on operator; null when no one is (a logon that named an unknown ID). */
  operator: operatorId.nullable(),
  /** The person the inquiry is for, when not the operator (Q5): an operator ID or an attention line. */
  requestor: text(30).optional(),
  outcome: z.enum(OUTCOMES),
  /** An error code or a short reason (for failures and refusals). */
  reason: text(200).optional(),
  inquiry: inquiryFieldsSchema.optional(),
  reply: replyFieldsSchema.optional(),
  target: targetFieldsSchema.optional(),
  change: changeFieldsSchema.optional(),
  release: releaseFieldsSchema.optional(),
  /** The CRSO's use of the audit itself (AU-9): what was searched, opened, reviewed, exported or verified. */
  auditAccess: auditAccessFieldsSchema.optional(),
  /** A hit confirmation request (YQ) and its state (Q7). */
  confirmation: confirmationFieldsSchema.optional(),
});

/** What the app passes to append(). */
export type AuditEvent = z.input<typeof auditEventSchema>;
export type ParsedAuditEvent = z.output<typeof auditEventSchema>;

/** One journal file, as a checkpoint names it. */
export interface FileLink {
  name: string;
  fileNo: number;
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
}

/** The `journal` field of the journal's own records. */
export interface JournalFields {
  /** journal.opened: this file; journal.sealed: the file it closes. */
  file?: string;
  fileNo?: number;
  /** journal.opened: the file before this one (null for the first file). */
  prevFile?: string | null;
  /** journal.sealed: how many records the file holds, this seal included. */
  records?: number;
  /** journal.recovered: the torn tail that was set aside. */
  torn?: { file: string; offset: number; bytes: number; sha256: string; quarantinedAs: string };
  /** journal.purged: the files removed, oldest first, and the rule applied. */
  purged?: FileLink[];
  cutoff?: string;
  approvalRef?: string;
}

/** A record as it is stored, before its hmac. Keys are written in RECORD_KEY_ORDER. */
export interface RecordBody {
  v: 1;
  seq: number;
  prevHash: string;
  at: string;
  type: EventType;
  ws: string;
  ori: string;
  operator: string | null;
  requestor?: string;
  outcome: Outcome;
  reason?: string;
  inquiry?: z.output<typeof inquiryFieldsSchema>;
  reply?: z.output<typeof replyFieldsSchema>;
  target?: z.output<typeof targetFieldsSchema>;
  change?: z.output<typeof changeFieldsSchema>;
  release?: z.output<typeof releaseFieldsSchema>;
  auditAccess?: z.output<typeof auditAccessFieldsSchema>;
  confirmation?: z.output<typeof confirmationFieldsSchema>;
  journal?: JournalFields;
}

export interface StoredRecord extends RecordBody {
  hmac: string;
}

export function isWorkstationId(value: string): boolean {
  return WORKSTATION_ID.test(value);
}

export function isOri(value: string): boolean {
  return ORI_PATTERN.test(value);
}

export function isOperatorId(value: string): boolean {
  return OPERATOR_ID.test(value);
}
