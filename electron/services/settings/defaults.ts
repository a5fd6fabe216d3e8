// The workstation settings a fresh or damaged install runs on: the strictest ones (requirements L2–L4,
// L11). An exemption is never a default; it is set by an administrator with a justification, and recorded.
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';

export const DEFAULT_SETTINGS: Readonly<WorkstationSettings> = Object.freeze({
  idleTimeoutMinutes: 10,
  dispatchIdleExemption: Object.freeze({ enabled: false, justification: '' }),
  accessibilityCaptureExemption: Object.freeze({ enabled: false, justification: '' }),
  lockoutRule: 'cjis-5.9.4',
} as const);

/** A justification names the agency policy or the need; a few words at least. */
export const MIN_JUSTIFICATION_LENGTH = 10;

export function defaultSettings(): WorkstationSettings {
  return {
    idleTimeoutMinutes: DEFAULT_SETTINGS.idleTimeoutMinutes,
    dispatchIdleExemption: { ...DEFAULT_SETTINGS.dispatchIdleExemption },
    accessibilityCaptureExemption: { ...DEFAULT_SETTINGS.accessibilityCaptureExemption },
    lockoutRule: DEFAULT_SETTINGS.lockoutRule,
  };
}
