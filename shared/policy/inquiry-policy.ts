// Need to know at every inquiry (requirements.md Q1–Q6; the seeds' "Required Information").
// Pure TypeScript shared by both sides: the renderer shows these rules early, the main process applies
// them again (plus the roster checks only it can make) before anything is recorded or sent.
import { INQUIRY_KINDS, type CaPurposeCode, type IIIPurposeCode, type InquiryKind } from '../codec/types';
import type { Role } from '../contract/roles';

/** The inquiry forms of the workspace, in menu order (YQ is sent from a hit, AM is not a form). */
export const FORM_KINDS = [
  'wanted_person',
  'stolen_vehicle',
  'dmv_registration_plate',
  'dmv_registration_vin',
  'dmv_licence_oln',
  'dmv_licence_name',
  'ca_history_name',
  'ca_history_cii',
  'iii_name',
  'iii_record',
  'nlets_licence',
  'nlets_registration',
  'nlets_history_index',
  'nlets_history_record',
] as const satisfies readonly InquiryKind[];
export type FormKind = (typeof FORM_KINDS)[number];

/** Criminal history (CORI / ACHS / III): purpose code and a right-to-know reference are required (Q1, Q2). */
export const HISTORY_KINDS: readonly InquiryKind[] = [
  'ca_history_name',
  'ca_history_cii',
  'iii_name',
  'iii_record',
  'nlets_history_index',
  'nlets_history_record',
];
/** DMV records, in-state and through Nlets (Q6): purpose and reference required by default (agency setting). */
export const DMV_KINDS: readonly InquiryKind[] = [
  'dmv_licence_oln',
  'dmv_licence_name',
  'dmv_registration_plate',
  'dmv_registration_vin',
  'nlets_licence',
  'nlets_registration',
];
/** Other states' records (Nlets): always out of state, so a stated agency action is required (Q4). */
export const OUT_OF_STATE_KINDS: readonly InquiryKind[] = ['nlets_licence', 'nlets_registration', 'nlets_history_index', 'nlets_history_record'];

export const isHistoryKind = (kind: InquiryKind): boolean => HISTORY_KINDS.includes(kind);
export const isDmvKind = (kind: InquiryKind): boolean => DMV_KINDS.includes(kind);
export const isOutOfStateKind = (kind: InquiryKind): boolean => OUT_OF_STATE_KINDS.includes(kind);

/** Roles that may make inquiries at all (the workstation administrator may not). */
export const INQUIRY_ROLES: readonly Role[] = ['dispatcher', 'records', 'supervisor', 'crso'];
/** Criminal history is for records staff, supervisors and the CRSO; dispatchers run persons, vehicles and DMV. */
export const HISTORY_ROLES: readonly Role[] = ['records', 'supervisor', 'crso'];

/** Who may send each inquiry kind. The main process checks it on every send; the renderer shows only these forms. */
export const KIND_ROLES: Readonly<Record<InquiryKind, readonly Role[]>> = Object.freeze(
  Object.fromEntries(INQUIRY_KINDS.map((kind) => [kind, isHistoryKind(kind) ? HISTORY_ROLES : INQUIRY_ROLES])) as Record<InquiryKind, readonly Role[]>,
);

export function mayInquire(kind: InquiryKind, roles: readonly Role[]): boolean {
  return KIND_ROLES[kind].some((role) => roles.includes(role));
}

/** Keyboard shortcut per form (F5/F11/F12 are safe: the app's keydown handler takes them first). */
export const FORM_SHORTCUTS: Readonly<Record<FormKind, { key: string; shift: boolean; label: string }>> = Object.freeze({
  wanted_person: { key: 'F2', shift: false, label: 'F2' },
  stolen_vehicle: { key: 'F3', shift: false, label: 'F3' },
  dmv_registration_plate: { key: 'F4', shift: false, label: 'F4' },
  dmv_registration_vin: { key: 'F5', shift: false, label: 'F5' },
  dmv_licence_oln: { key: 'F6', shift: false, label: 'F6' },
  dmv_licence_name: { key: 'F7', shift: false, label: 'F7' },
  ca_history_name: { key: 'F8', shift: false, label: 'F8' },
  ca_history_cii: { key: 'F9', shift: false, label: 'F9' },
  iii_name: { key: 'F2', shift: true, label: 'Shift+F2' },
  iii_record: { key: 'F3', shift: true, label: 'Shift+F3' },
  nlets_licence: { key: 'F4', shift: true, label: 'Shift+F4' },
  nlets_registration: { key: 'F5', shift: true, label: 'Shift+F5' },
  nlets_history_index: { key: 'F6', shift: true, label: 'Shift+F6' },
  nlets_history_record: { key: 'F7', shift: true, label: 'Shift+F7' },
});

export const FORM_TITLES: Readonly<Record<FormKind, string>> = Object.freeze({
  wanted_person: 'Wanted persons',
  stolen_vehicle: 'Stolen vehicle',
  dmv_registration_plate: 'DMV registration by plate',
  dmv_registration_vin: 'DMV registration by VIN',
  dmv_licence_oln: 'DMV driver licence by number',
  dmv_licence_name: 'DMV driver licence by name',
  ca_history_name: 'California criminal history by name',
  ca_history_cii: 'California criminal history by CII',
  iii_name: 'III name search',
  iii_record: 'III record request',
  nlets_licence: 'Out-of-state driver licence (Nlets DQ)',
  nlets_registration: 'Out-of-state registration (Nlets RQ)',
  nlets_history_index: 'Out-of-state criminal history index (Nlets IQ)',
  nlets_history_record: 'Out-of-state criminal history record (Nlets FQ)',
});

// ---------------------------------------------------------------------------------------------
// Right-to-know references
// ---------------------------------------------------------------------------------------------

/**
 * An agency's reference format. The mask is not a regular expression (a setting is outside input, and
 * a regular expression from a file can hang the process): `9` is a digit, `A` a letter, `#` a letter or
 * digit, and every other character (upper-case letters other than A, `-`, `/`, space) stands for itself.
 */
export interface ReferenceFormat {
  label: string;
  mask: string;
}

/** Masks are 3–17 of these characters, so a reference fits the ATN field after an operator ID. */
export const REFERENCE_MASK_PATTERN = /^[A-Z0-9#\- ]{3,17}$/;
export const MAX_REFERENCE_LENGTH = 17;

export const DEFAULT_REFERENCE_FORMATS: readonly ReferenceFormat[] = Object.freeze([
  Object.freeze({ label: 'Report number', mask: '99-999999' }),
  Object.freeze({ label: 'Call number', mask: 'C99-999999' }),
  Object.freeze({ label: 'Case number', mask: '9999-99999' }),
]);

/** The agency's inquiry rules (workstation settings `inquiryPolicy`). */
export interface InquiryPolicy {
  referenceFormats: readonly ReferenceFormat[];
  /** Q6: DMV inquiries need a reference too. Default true. */
  dmvReferenceRequired: boolean;
  /** VC 1808.4: roles that may see a confidential DMV address when the switch sends one. Default none. */
  confidentialAddressRoles: readonly Role[];
}

export const DEFAULT_INQUIRY_POLICY: Readonly<InquiryPolicy> = Object.freeze({
  referenceFormats: DEFAULT_REFERENCE_FORMATS,
  dmvReferenceRequired: true,
  confidentialAddressRoles: Object.freeze([]) as readonly Role[],
});

export function normalizeReference(value: string): string {
  return value.trim().toUpperCase().replace(/\s+/g, ' ');
}

export function matchesMask(value: string, mask: string): boolean {
  if (value.length !== mask.length) return false;
  for (let i = 0; i < mask.length; i++) {
    const m = mask[i] as string;
    const c = value[i] as string;
    if (m === '9' ? !/[0-9]/.test(c) : m === 'A' ? !/[A-Z]/.test(c) : m === '#' ? !/[A-Z0-9]/.test(c) : c !== m) return false;
  }
  return true;
}

/** The format a reference matches, or null. */
export function matchReference(value: string, formats: readonly ReferenceFormat[]): ReferenceFormat | null {
  const ref = normalizeReference(value);
  return formats.find((f) => matchesMask(ref, f.mask)) ?? null;
}

/** An example of a mask for the hint under the field (9 → digits, A → letters). */
export function exampleOf(mask: string): string {
  let digit = 0;
  return [...mask].map((m) => (m === '9' ? String((digit++ * 3 + 1) % 10) : m === 'A' ? 'X' : m === '#' ? '0' : m)).join('');
}

export function describeFormats(formats: readonly ReferenceFormat[]): string {
  return formats.map((f) => `${f.label.toLowerCase()} (${exampleOf(f.mask)})`).join(', ');
}

/** The seeds' words: a name is not a right to know. */
export const NAME_IS_NOT_ENOUGH = 'Simply putting your name is not enough: enter the call number or report number.';

// ---------------------------------------------------------------------------------------------
// The need-to-know block of every inquiry
// ---------------------------------------------------------------------------------------------

export const JURISDICTIONS = ['local', 'out-of-county', 'out-of-state'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const JURISDICTION_LABELS: Readonly<Record<Jurisdiction, string>> = Object.freeze({
  local: 'In our county',
  'out-of-county': 'Another California county',
  'out-of-state': 'Another state',
});

export interface NeedToKnow {
  /** III purpose code: required for criminal history (R is FBI only and refused). */
  purpose?: IIIPurposeCode;
  /** California request purpose code (C criminal justice, I immigration enforcement, U Title 8). */
  requestPurpose: CaPurposeCode;
  /** Right-to-know reference: a call, report or case number in one of the agency's formats. */
  reference: string;
  /** The employee the inquiry is for, when not the operator (Q5): an operator ID on the roster. */
  requestor?: string;
  /** The operator confirms having verified the requestor's right and need to know. */
  requestorVerified?: boolean;
  jurisdiction: Jurisdiction;
  /** The agency action an out-of-county or out-of-state inquiry serves (Q4). */
  agencyAction?: string;
}

export const MIN_AGENCY_ACTION_LENGTH = 8;
export const MAX_AGENCY_ACTION_LENGTH = 200;

export type NeedToKnowField = 'purpose' | 'requestPurpose' | 'reference' | 'requestor' | 'requestorVerified' | 'jurisdiction' | 'agencyAction';

export interface NeedToKnowProblem {
  field: NeedToKnowField;
  /** Stable code the audit trail records as the refusal reason. */
  code:
    | 'PURPOSE_REQUIRED'
    | 'PURPOSE_FBI_ONLY'
    | 'REFERENCE_REQUIRED'
    | 'REFERENCE_NOT_A_NUMBER'
    | 'REQUESTOR_NOT_VERIFIED'
    | 'JURISDICTION_OUT_OF_STATE'
    | 'AGENCY_ACTION_REQUIRED';
  message: string;
}

/** Whether a right-to-know reference is required for this kind under this policy. */
export function referenceRequired(kind: InquiryKind, policy: InquiryPolicy): boolean {
  return isHistoryKind(kind) || (isDmvKind(kind) && policy.dmvReferenceRequired);
}

/** True when the requestor is another employee than the operator. */
export function hasOtherRequestor(ntk: Pick<NeedToKnow, 'requestor'>, operatorId: string): boolean {
  const r = ntk.requestor?.trim().toUpperCase();
  return r !== undefined && r !== '' && r !== operatorId.toUpperCase();
}

/**
 * The need-to-know rules that need no roster: purpose, reference format, requestor confirmation,
 * jurisdiction and agency action. The main process adds the roster checks (requestor on the roster,
 * certified, statement signed). Empty = nothing to refuse.
 */
export function checkNeedToKnow(kind: InquiryKind, ntk: NeedToKnow, policy: InquiryPolicy, operatorId: string): NeedToKnowProblem[] {
  const problems: NeedToKnowProblem[] = [];
  if (isHistoryKind(kind)) {
    if (ntk.purpose === undefined) {
      problems.push({ field: 'purpose', code: 'PURPOSE_REQUIRED', message: 'Choose the authorized purpose of this criminal history inquiry.' });
    } else if (ntk.purpose === 'R') {
      problems.push({ field: 'purpose', code: 'PURPOSE_FBI_ONLY', message: 'Purpose code R is for FBI use only and cannot be used by state or local agencies.' });
    }
  }
  const reference = normalizeReference(ntk.reference);
  const formats = describeFormats(policy.referenceFormats);
  if (reference === '') {
    if (referenceRequired(kind, policy)) {
      problems.push({
        field: 'reference',
        code: 'REFERENCE_REQUIRED',
        message: `Enter the right to know: a ${formats}. ${NAME_IS_NOT_ENOUGH}`,
      });
    }
  } else if (matchReference(reference, policy.referenceFormats) === null) {
    problems.push({
      field: 'reference',
      code: 'REFERENCE_NOT_A_NUMBER',
      message: `"${reference.slice(0, 40)}" is not a call, report or case number in this agency's formats: ${formats}. ${NAME_IS_NOT_ENOUGH}`,
    });
  }
  if (hasOtherRequestor(ntk, operatorId) && ntk.requestorVerified !== true) {
    problems.push({
      field: 'requestorVerified',
      code: 'REQUESTOR_NOT_VERIFIED',
      message: 'Confirm that you verified the requestor’s right to know and need to know before inquiring for another employee.',
    });
  }
  if (isOutOfStateKind(kind) && ntk.jurisdiction !== 'out-of-state') {
    problems.push({ field: 'jurisdiction', code: 'JURISDICTION_OUT_OF_STATE', message: 'An Nlets inquiry asks another state: choose "Another state" and state the agency action.' });
  }
  const action = ntk.agencyAction?.trim() ?? '';
  if ((ntk.jurisdiction !== 'local' || isOutOfStateKind(kind)) && action.length < MIN_AGENCY_ACTION_LENGTH) {
    problems.push({
      field: 'agencyAction',
      code: 'AGENCY_ACTION_REQUIRED',
      message: 'Out-of-county and out-of-state information is only for an action this agency is taking: state that action (for example "warrant service for case 24-001234").',
    });
  }
  return problems;
}
