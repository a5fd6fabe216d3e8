// The workstation settings a fresh or damaged install runs on: the strictest ones (requirements L2–L4,
// L11, and the agency's inquiry rules of issue #5 at their strictest: DMV inquiries need a reference, no
// role sees a confidential address). An exemption or a loosening is never a default; it is set by an
// administrator with a justification, and recorded.
import type { InquiryPolicy } from '../../../shared/policy/inquiry-policy';
import { DEFAULT_INQUIRY_POLICY } from '../../../shared/policy/inquiry-policy';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';

export const DEFAULT_SETTINGS: Readonly<WorkstationSettings> = Object.freeze({
  idleTimeoutMinutes: 10,
  dispatchIdleExemption: Object.freeze({ enabled: false, justification: '' }),
  accessibilityCaptureExemption: Object.freeze({ enabled: false, justification: '' }),
  lockoutRule: 'cjis-5.9.4',
  // The shared policy's defaults, frozen there; typed as the settings' (mutable) shape for readers only.
  inquiryPolicy: DEFAULT_INQUIRY_POLICY as WorkstationSettings['inquiryPolicy'],
  inquiryPolicyJustification: '',
} as const);

/** A justification names the agency policy or the need; a few words at least. */
export const MIN_JUSTIFICATION_LENGTH = 10;

/** A deep copy of inquiry rules (settings hand out copies: changing one changes nothing). */
export function copyInquiryPolicy(policy: InquiryPolicy): WorkstationSettings['inquiryPolicy'] {
  return {
    referenceFormats: policy.referenceFormats.map((f) => ({ label: f.label, mask: f.mask })),
    dmvReferenceRequired: policy.dmvReferenceRequired,
    confidentialAddressRoles: [...policy.confidentialAddressRoles],
  };
}

export function defaultSettings(): WorkstationSettings {
  return {
    idleTimeoutMinutes: DEFAULT_SETTINGS.idleTimeoutMinutes,
    dispatchIdleExemption: { ...DEFAULT_SETTINGS.dispatchIdleExemption },
    accessibilityCaptureExemption: { ...DEFAULT_SETTINGS.accessibilityCaptureExemption },
    lockoutRule: DEFAULT_SETTINGS.lockoutRule,
    inquiryPolicy: copyInquiryPolicy(DEFAULT_INQUIRY_POLICY),
    inquiryPolicyJustification: '',
  };
}
