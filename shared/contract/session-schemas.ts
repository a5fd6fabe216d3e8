// Schemas for the operator session, the privacy lock, the roster (CRSO) and workstation settings.
// Pure data shapes: the rules behind them live in the main process (electron/services/session).
import { z } from 'zod';
import { DEFAULT_INQUIRY_POLICY } from '../policy/inquiry-policy';
import { inquiryPolicySchema } from './inquiry-channels';
import { ROLES } from './roles';

const isoTime = z.iso.datetime({ offset: false });
/** Operator IDs: upper-case letters and digits, as on the roster (3–12). */
export const operatorIdSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,12}$/, 'Operator ID is 3 to 12 letters or digits.');
/** A badge reader types the badge ID like a keyboard; typing is accepted too. */
export const badgeSchema = z.string().trim().min(1, 'Enter or swipe your badge.').max(64);
export const pinSchema = z.string().regex(/^\d{6,12}$/, 'PIN is 6 to 12 digits.');
export const passwordSchema = z.string().min(1, 'Enter your password.').max(256);
const dateOnly = z.iso.date();

export const LOCK_REASONS = ['idle', 'os-lock', 'suspend', 'shortcut', 'operator', 'reauth-due'] as const;
export const lockReasonSchema = z.enum(LOCK_REASONS);
export type LockReason = z.infer<typeof lockReasonSchema>;

export const noticeSchema = z
  .object({ version: z.string().max(32), title: z.string().max(200), paragraphs: z.array(z.string().max(2000)).max(20) })
  .strict();

export const sessionOperatorSchema = z
  .object({ id: z.string().max(12), name: z.string().max(100), roles: z.array(z.enum(ROLES)).max(ROLES.length) })
  .strict();

/**
 * What the renderer may know of the session. While locked it carries the operator ID only
 * (L3: the lock screen shows no operator data beyond the operator ID).
 */
export const sessionStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('notice'), notice: noticeSchema }).strict(),
  z.object({ phase: z.literal('credentials') }).strict(),
  z.object({ phase: z.literal('second-factor'), operatorId: z.string().max(12) }).strict(),
  z
    .object({
      phase: z.literal('active'),
      operator: sessionOperatorSchema,
      signedOnAt: isoTime,
      /** Re-authentication due (at most 12 hours after logon, L5). */
      reauthDueAt: isoTime,
      /** Idle lock timeout in force, or null under a recorded dispatch exemption (L4). */
      idleTimeoutMs: z.number().int().positive().nullable(),
      /** Identification for the watermark on views with criminal justice information. */
      watermark: z.object({ operatorId: z.string().max(12), workstationId: z.string().max(32) }).strict(),
    })
    .strict(),
  z.object({ phase: z.literal('locked'), operatorId: z.string().max(12), reason: lockReasonSchema, since: isoTime }).strict(),
]);
export type SessionState = z.infer<typeof sessionStateSchema>;

export const rosterEntrySchema = z
  .object({
    id: z.string().max(12),
    name: z.string().max(100),
    roles: z.array(z.enum(ROLES)),
    statementSignedOn: dateOnly.nullable(),
    certifiedUntil: dateOnly.nullable(),
    lastLogonAt: isoTime.nullable(),
    locked: z.boolean(),
    lockedReason: z.string().max(200).nullable(),
    disabled: z.boolean(),
  })
  .strict();
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

export const newOperatorSchema = z
  .object({
    operatorId: operatorIdSchema,
    name: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    password: passwordSchema,
    badge: badgeSchema,
    pin: pinSchema,
    statementSignedOn: dateOnly.nullable(),
    certifiedUntil: dateOnly.nullable(),
  })
  .strict();

/** A fresh copy of the default inquiry rules (zod hands a default out as is, so never a shared object). */
function defaultInquiryPolicy(): z.output<typeof inquiryPolicySchema> {
  return {
    referenceFormats: DEFAULT_INQUIRY_POLICY.referenceFormats.map((f) => ({ label: f.label, mask: f.mask })),
    dmvReferenceRequired: DEFAULT_INQUIRY_POLICY.dmvReferenceRequired,
    confidentialAddressRoles: [...DEFAULT_INQUIRY_POLICY.confidentialAddressRoles],
  };
}

export const workstationSettingsSchema = z
  .object({
    /** Idle lock, at most 30 minutes (L3); default 10. */
    idleTimeoutMinutes: z.number().int().min(1).max(30),
    /** L4: only for dispatch workstations in a physically secure location; recorded when set. */
    dispatchIdleExemption: z.object({ enabled: z.boolean(), justification: z.string().max(500) }).strict(),
    /** Content protection off for screen readers (Signal issue 7928); recorded when set. */
    accessibilityCaptureExemption: z.object({ enabled: z.boolean(), justification: z.string().max(500) }).strict(),
    /** L2: 'cjis-5.9.4' locks until released; 'cjis-5.8' locks for 10 minutes. */
    lockoutRule: z.enum(['cjis-5.9.4', 'cjis-5.8']),
    /**
     * The agency's inquiry rules (issue #5): right-to-know reference formats, whether DMV inquiries need a
     * reference (Q6, default yes) and the roles that may see a VC 1808.4 confidential address (default none).
     * Required here — settings.update's request must carry them, so an update that left them out is refused
     * rather than silently putting the defaults back; a stored file that predates them is read with
     * storedWorkstationSettingsSchema, which defaults them.
     */
    inquiryPolicy: inquiryPolicySchema,
    /**
     * Why the inquiry rules are looser than the defaults (DMV reference not required, or roles that see
     * confidential addresses): required while they are, empty otherwise; kept with the settings, like an
     * exemption's justification.
     */
    inquiryPolicyJustification: z.string().max(500),
  })
  .strict();
export type WorkstationSettings = z.output<typeof workstationSettingsSchema>;

/**
 * The settings file as stored: a file written before the inquiry rules existed has no `inquiryPolicy` and
 * still loads, on the default (strictest) rules — it is not damaged. Only the settings service reads with
 * this; every request (settings.update) is checked with workstationSettingsSchema, which requires them.
 */
export const storedWorkstationSettingsSchema = workstationSettingsSchema.extend({
  inquiryPolicy: inquiryPolicySchema.default(defaultInquiryPolicy),
  inquiryPolicyJustification: z.string().max(500).default(''),
});
