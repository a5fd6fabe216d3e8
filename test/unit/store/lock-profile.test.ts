import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_PROFILE, lockProfileSchema } from '../../../electron/services/store/lock-profile';

describe('workstation lock profile', () => {
  it('defaults to the strict settings: 15-minute idle lock, no exemptions', () => {
    expect(DEFAULT_LOCK_PROFILE).toEqual({ idleLockMinutes: 15, idleLockExempt: false, contentProtectionExempt: false });
  });

  it('never allows an idle lock longer than 30 minutes (L3)', () => {
    expect(lockProfileSchema.safeParse({ idleLockMinutes: 30 }).success).toBe(true);
    expect(lockProfileSchema.safeParse({ idleLockMinutes: 31 }).success).toBe(false);
    expect(lockProfileSchema.safeParse({ idleLockMinutes: 0 }).success).toBe(false);
    expect(lockProfileSchema.safeParse({ idleLockMinutes: 10.5 }).success).toBe(false);
  });

  it('refuses unknown fields, so a typo is not silently ignored', () => {
    expect(lockProfileSchema.safeParse({ idleLockExcempt: true }).success).toBe(false);
  });
});
