// CORI release under supervision (issue #6; requirements R1–R7, G.O. 54.3.4): a records user prepares a
// release from a criminal history return, a supervisor (Chief-designated release personnel) approves or
// denies it, the release itself goes through the app's one print path, and every release lands in the
// dissemination log (T11 §707(c)); destruction of returned copies is recorded with method and witness (§708).
import { z } from 'zod';
import { MESSAGE_REF, ORI_PATTERN } from '../wire/protocol';
import type { Role } from './roles';

const isoTime = z.iso.datetime({ offset: false });
const NO_CONTROL = /^[^\p{Cc}]*$/u;
const text = (min: number, max: number) => z.string().trim().min(min).max(max).regex(NO_CONTROL, 'control characters are not allowed');
const messageRef = z.string().regex(MESSAGE_REF, 'not a message reference');

/** Release IDs: `R` + year + sequence, e.g. R2026-000042 (never reused). */
export const RELEASE_ID = /^R[0-9]{4}-[0-9]{6}$/;
export const releaseIdSchema = z.string().regex(RELEASE_ID, 'not a release ID');

/** Who prepares and performs releases; who decides them (Chief-designated release personnel). */
export const RELEASE_PREPARER_ROLES: readonly Role[] = ['records', 'supervisor', 'crso'];
export const RELEASE_DECIDER_ROLES: readonly Role[] = ['supervisor'];
export const RELEASE_LOG_ROLES: readonly Role[] = ['crso', 'supervisor'];

export const RECIPIENT_TYPES = ['da_charging', 'court', 'criminal_justice_agency', 'other_authorized'] as const;
export const RECIPIENT_TYPE_LABELS: Readonly<Record<(typeof RECIPIENT_TYPES)[number], string>> = {
  da_charging: 'District Attorney — charging request',
  court: 'Court',
  criminal_justice_agency: 'Other criminal justice agency',
  other_authorized: 'Other authorized recipient',
};

export const LEGAL_BASIS_TYPES = ['statute', 'court_order', 'legal_process'] as const;
export const LEGAL_BASIS_LABELS: Readonly<Record<(typeof LEGAL_BASIS_TYPES)[number], string>> = {
  statute: 'Statute',
  court_order: 'Court order',
  legal_process: 'Other legal process (subpoena, warrant)',
};

export const RELEASE_METHODS = ['print', 'photocopy', 'electronic'] as const;
export const RELEASE_METHOD_LABELS: Readonly<Record<(typeof RELEASE_METHODS)[number], string>> = {
  print: 'Printed copy',
  photocopy: 'Photocopy',
  electronic: 'Electronic copy',
};

export const RELEASE_STATUSES = ['pending', 'approved', 'denied', 'released'] as const;

export const DESTRUCTION_METHODS = ['shredded', 'burned', 'pulped', 'electronic_wipe'] as const;

/** Minimum words of a right-to-know / need-to-know determination. */
export const MIN_DETERMINATION_LENGTH = 10;

export const releaseRequestInputSchema = z
  .object({
    /** The criminal history return being released (one of this session's inquiries). */
    inquiryRef: messageRef,
    recipientName: text(2, 100),
    recipientAgency: text(2, 100),
    recipientOri: z.string().trim().toUpperCase().regex(ORI_PATTERN, 'An ORI is 9 characters, e.g. CA0340000.').optional(),
    recipientType: z.enum(RECIPIENT_TYPES),
    legalBasisType: z.enum(LEGAL_BASIS_TYPES),
    /** The statute (e.g. PC 13300), or the court order / legal process reference. */
    legalBasisReference: text(2, 120),
    /** The preparer's determination (R3); replaced by a court order or other legal process. */
    rightToKnow: text(0, 500).optional(),
    needToKnow: text(0, 500).optional(),
    /** The whole record, or chosen arrests (indexes into the rap sheet's arrests). */
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('whole') }).strict(),
      z.object({ kind: z.literal('parts'), arrests: z.array(z.number().int().min(0).max(500)).min(1).max(100) }).strict(),
    ]),
    method: z.enum(RELEASE_METHODS),
    /** DA charging request (R4): the department case the charges are requested on. */
    chargingCase: text(2, 40).optional(),
  })
  .strict();
export type ReleaseRequestInput = z.infer<typeof releaseRequestInputSchema>;

export const releaseViewSchema = z
  .object({
    id: releaseIdSchema,
    status: z.enum(RELEASE_STATUSES),
    requestedAt: isoTime,
    requestedBy: z.string().max(12),
    requestingWorkstation: z.string().max(32),
    inquiryRef: messageRef,
    subject: z.string().max(160),
    recipientName: z.string().max(100),
    recipientAgency: z.string().max(100),
    recipientOri: z.string().max(9).nullable(),
    recipientType: z.enum(RECIPIENT_TYPES),
    legalBasisType: z.enum(LEGAL_BASIS_TYPES),
    legalBasisReference: z.string().max(120),
    rightToKnow: z.string().max(500).nullable(),
    needToKnow: z.string().max(500).nullable(),
    scope: z.string().max(200),
    method: z.enum(RELEASE_METHODS),
    chargingCase: z.string().max(40).nullable(),
    decidedBy: z.string().max(12).nullable(),
    decidedAt: isoTime.nullable(),
    decisionReason: z.string().max(500).nullable(),
    releasedBy: z.string().max(12).nullable(),
    releasedAt: isoTime.nullable(),
  })
  .strict();
export type ReleaseView = z.infer<typeof releaseViewSchema>;

export const pendingFilterSchema = z
  .object({ recipientType: z.enum(RECIPIENT_TYPES).optional(), olderThanMinutes: z.number().int().min(0).max(100_000).optional() })
  .strict();

export const decideRequestSchema = z
  .object({ id: releaseIdSchema, decision: z.enum(['approve', 'deny']), reason: text(3, 500) })
  .strict();

/** What the print path shows and prints: the released text under its watermark. */
export const releaseDocumentSchema = z
  .object({
    release: releaseViewSchema,
    /** "RELEASE R2026-000042 · TO … · RELEASED BY … · 2026-11-24": on every printed page and electronic copy. */
    watermark: z.string().max(400),
    /** The released criminal history, as CLETS text (whole record or the chosen arrests). */
    text: z.string().max(256 * 1024),
    /** Electronic copies: the file written (with the watermark in its header and footer). */
    file: z.string().max(500).nullable(),
  })
  .strict();
export type ReleaseDocument = z.infer<typeof releaseDocumentSchema>;

export const disseminationEntrySchema = z
  .object({
    releaseId: releaseIdSchema,
    releasedAt: isoTime,
    requestingWorkstation: z.string().max(32),
    requestedBy: z.string().max(12),
    approvedBy: z.string().max(12),
    releasedBy: z.string().max(12),
    releasingWorkstation: z.string().max(32),
    recipientName: z.string().max(100),
    recipientAgency: z.string().max(100),
    recipientOri: z.string().max(9).nullable(),
    recipientType: z.enum(RECIPIENT_TYPES),
    purpose: z.string().max(500),
    legalBasis: z.string().max(200),
    released: z.string().max(300),
    method: z.enum(RELEASE_METHODS),
    destroyedAt: isoTime.nullable(),
    destructionMethod: z.enum(DESTRUCTION_METHODS).nullable(),
    destructionWitness: z.string().max(100).nullable(),
  })
  .strict();
export type DisseminationEntry = z.infer<typeof disseminationEntrySchema>;

export const logFilterSchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    recipient: text(1, 100).optional(),
    operator: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,12}$/).optional(),
    releaseId: releaseIdSchema.optional(),
  })
  .strict();

export const destructionRequestSchema = z
  .object({
    releaseId: releaseIdSchema,
    method: z.enum(DESTRUCTION_METHODS),
    /** The witness (name and agency): destruction is witnessed (T11 §708). */
    witness: text(3, 100),
    destroyedOn: z.iso.date(),
  })
  .strict();

export const releaseQueueEventSchema = z
  .object({ id: releaseIdSchema, status: z.enum(RELEASE_STATUSES), pending: z.number().int().min(0) })
  .strict();
