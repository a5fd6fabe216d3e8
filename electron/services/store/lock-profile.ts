// A workstation's screen-privacy lock settings (requirements L3, L4, L11), stored as JSON on its row.
// Defaults are the strict ones; an exemption is a per-workstation choice that the caller audits.

import { z } from 'zod';

export const lockProfileSchema = z.strictObject({
  /** Idle time before the screen locks (L3: at most 30 minutes). */
  idleLockMinutes: z.number().int().min(1).max(30).default(15),
  /** L4: a dispatch workstation inside a physically secure location exempt from the idle lock. Never the default. */
  idleLockExempt: z.boolean().default(false),
  /** Screen capture protection off for a screen reader (electron-security.md, Screen privacy). Never the default. */
  contentProtectionExempt: z.boolean().default(false),
});

/** The same fields, ignoring unknown ones (a row written by a newer app). */
export const storedLockProfileSchema = z.object(lockProfileSchema.shape);

export type LockProfile = z.infer<typeof lockProfileSchema>;

export const DEFAULT_LOCK_PROFILE: LockProfile = Object.freeze(lockProfileSchema.parse({}));
