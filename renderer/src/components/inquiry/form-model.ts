// The inquiry forms as data: which fields each form has (from the codec's own table), their labels
// and hints, and one check of a form's values by the same rules the main process applies again —
// the codec's validateInquiry for the fields, checkNeedToKnow for the need to know. Pure: no React.
import { CA_PURPOSE_DESCRIPTIONS, PURPOSE_DESCRIPTIONS, validateInquiry, type Inquiry, type InquiryFieldName } from '../../../../shared/codec';
import { KIND_SPECS } from '../../../../shared/codec/inquiry-spec';
import { CA_PURPOSE_CODES, III_PURPOSE_CODES, type CaPurposeCode, type IIIPurposeCode } from '../../../../shared/codec/types';
import { INQUIRY_FIELD_NAMES, type InquiryFieldInputName, type InquiryPolicyView, type InquiryRequest } from '../../../../shared/contract/inquiry-channels';
import {
  checkNeedToKnow,
  describeFormats,
  FORM_SHORTCUTS,
  hasOtherRequestor,
  isHistoryKind,
  isOutOfStateKind,
  NAME_IS_NOT_ENOUGH,
  referenceRequired,
  type FormKind,
  type InquiryPolicy,
  type Jurisdiction,
  type NeedToKnow,
} from '../../../../shared/policy/inquiry-policy';

export interface FieldMeta {
  label: string;
  hint?: string;
  maxLength: number;
  mono?: boolean;
}

export const FIELD_META: Readonly<Record<InquiryFieldInputName, FieldMeta>> = {
  nam: { label: 'Name', hint: 'LAST, FIRST MIDDLE (for example DOE, JOHN)', maxLength: 40 },
  dob: { label: 'Date of birth', hint: 'CCYYMMDD (for example 19800115)', maxLength: 8, mono: true },
  sex: { label: 'Sex', hint: 'M, F, X or U', maxLength: 1, mono: true },
  rac: { label: 'Race', hint: 'A, B, I, W or U', maxLength: 1, mono: true },
  soc: { label: 'Social security number', maxLength: 11, mono: true },
  fbi: { label: 'FBI number', maxLength: 9, mono: true },
  sid: { label: 'State ID (SID)', maxLength: 10, mono: true },
  cii: { label: 'CII number', maxLength: 11, mono: true },
  oln: { label: 'Licence number (OLN)', maxLength: 20, mono: true },
  ols: { label: 'Licence state', hint: '2 letters, for example CA', maxLength: 2, mono: true },
  lic: { label: 'Plate number', maxLength: 8, mono: true },
  lis: { label: 'Plate state', hint: '2 letters, for example CA', maxLength: 2, mono: true },
  liy: { label: 'Plate year', hint: 'CCYY, or NX for a non-expiring plate', maxLength: 4, mono: true },
  lit: { label: 'Plate type', hint: 'PC passenger, CO commercial, MC motorcycle, TK truck, TL trailer', maxLength: 2, mono: true },
  vin: { label: 'VIN', maxLength: 20, mono: true },
  vma: { label: 'Vehicle make', hint: 'NCIC make code, for example TOYT', maxLength: 4, mono: true },
};

const INPUT_NAMES: readonly string[] = INQUIRY_FIELD_NAMES;

/** The subject fields of a form, in the codec's order, with whether the codec requires each alone. */
export function formFields(kind: FormKind): { name: InquiryFieldInputName; required: boolean }[] {
  return KIND_SPECS[kind].fields
    .filter((f) => INPUT_NAMES.includes(f.prop))
    .map((f) => ({ name: f.prop as InquiryFieldInputName, required: f.required === true }));
}

export const hasDestinations = (kind: FormKind): boolean => KIND_SPECS[kind].dest === 'states';

/** The need to know as the form holds it (every value a string, as typed). */
export interface NeedToKnowValues {
  purpose: string;
  requestPurpose: string;
  reference: string;
  requestor: string;
  requestorVerified: boolean;
  jurisdiction: Jurisdiction;
  agencyAction: string;
}

export interface FormValues {
  fields: Partial<Record<InquiryFieldInputName, string>>;
  destinations: string;
  ntk: NeedToKnowValues;
}

export const EMPTY_NTK: NeedToKnowValues = {
  purpose: '',
  requestPurpose: 'C',
  reference: '',
  requestor: '',
  requestorVerified: false,
  jurisdiction: 'local',
  agencyAction: '',
};

export function emptyValues(kind: FormKind): FormValues {
  return { fields: {}, destinations: '', ntk: { ...EMPTY_NTK, jurisdiction: isOutOfStateKind(kind) ? 'out-of-state' : 'local' } };
}

/** Nlets forms ask another state: the jurisdiction is fixed. */
export const jurisdictionFixed = (kind: FormKind): boolean => isOutOfStateKind(kind);

/** Purposes a state or local agency may choose (R is FBI only: not offered). */
export const PURPOSE_OPTIONS = III_PURPOSE_CODES.filter((c) => c !== 'R').map((code) => ({ code, label: `${code} — ${PURPOSE_DESCRIPTIONS[code]}` }));
export const CA_PURPOSE_OPTIONS = CA_PURPOSE_CODES.map((code) => ({ code, label: `${code} — ${CA_PURPOSE_DESCRIPTIONS[code]}` }));

export function shortcutOf(kind: FormKind): string {
  return FORM_SHORTCUTS[kind].label;
}

/** The form a key press opens, if any (F2–F9, Shift+F2–F7). */
export function kindForKey(key: string, shift: boolean, kinds: readonly FormKind[]): FormKind | null {
  return kinds.find((k) => FORM_SHORTCUTS[k].key === key && FORM_SHORTCUTS[k].shift === shift) ?? null;
}

export function splitDestinations(value: string): string[] {
  return value
    .toUpperCase()
    .split(/[\s,]+/)
    .filter((s) => s !== '');
}

export function policyOf(view: InquiryPolicyView): InquiryPolicy {
  return { referenceFormats: view.referenceFormats, dmvReferenceRequired: view.dmvReferenceRequired, confidentialAddressRoles: [] };
}

/** The hint under the reference field: the agency's formats and the seeds' words. */
export function referenceHint(kind: FormKind, view: InquiryPolicyView): string {
  const formats = describeFormats(view.referenceFormats);
  const required = referenceRequired(kind, policyOf(view));
  return `${required ? 'Required' : 'Optional'}: a ${formats}. ${NAME_IS_NOT_ENOUGH}`;
}

function trimmed(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t === undefined || t === '' ? undefined : t;
}

export function needToKnowOf(kind: FormKind, ntk: NeedToKnowValues, operatorId: string): NeedToKnow {
  const out: NeedToKnow = {
    requestPurpose: (ntk.requestPurpose || 'C') as CaPurposeCode,
    reference: ntk.reference.trim(),
    jurisdiction: isOutOfStateKind(kind) ? 'out-of-state' : ntk.jurisdiction,
  };
  if (isHistoryKind(kind) && ntk.purpose !== '') out.purpose = ntk.purpose as IIIPurposeCode;
  const requestor = trimmed(ntk.requestor)?.toUpperCase();
  if (requestor !== undefined) {
    out.requestor = requestor;
    if (hasOtherRequestor({ requestor }, operatorId)) out.requestorVerified = ntk.requestorVerified;
  }
  const action = trimmed(ntk.agencyAction);
  if (action !== undefined && (out.jurisdiction !== 'local')) out.agencyAction = action;
  return out;
}

/** The request the form sends. Values go as typed (trimmed); the main process normalizes and checks. */
export function requestOf(kind: FormKind, values: FormValues, operatorId: string): InquiryRequest {
  const fields: InquiryRequest['fields'] = {};
  for (const { name } of formFields(kind)) {
    const v = trimmed(values.fields[name]);
    if (v !== undefined) fields[name] = v;
  }
  const request: InquiryRequest = { kind, fields, needToKnow: needToKnowOf(kind, values.ntk, operatorId) };
  if (hasDestinations(kind)) request.destinations = splitDestinations(values.destinations);
  return request;
}

/** A problem keyed by the form control it is about. */
export type ControlName = InquiryFieldInputName | 'destinations' | keyof NeedToKnowValues | 'form';

export interface FormProblem {
  control: ControlName;
  message: string;
}

const NTK_CONTROLS: readonly string[] = ['purpose', 'requestPurpose', 'reference', 'requestor', 'requestorVerified', 'jurisdiction', 'agencyAction'];

/** Every problem the renderer can already see: the codec's field rules and the need-to-know rules. */
export function checkForm(kind: FormKind, values: FormValues, view: InquiryPolicyView, operatorId: string, today: Date): FormProblem[] {
  const request = requestOf(kind, values, operatorId);
  const ntk = request.needToKnow;
  const problems: FormProblem[] = [];
  for (const p of checkNeedToKnow(kind, ntk, policyOf(view), operatorId)) problems.push({ control: p.field, message: p.message });
  const inquiry = {
    kind,
    ori: view.ori,
    ...request.fields,
    ...(request.destinations ? { destinations: request.destinations } : {}),
    requestPurpose: ntk.requestPurpose,
    ...(isHistoryKind(kind) ? { purpose: ntk.purpose ?? 'C', attention: operatorId } : {}),
  } as unknown as Inquiry;
  const v = validateInquiry(inquiry, { today });
  if (!v.ok) {
    for (const e of v.errors) {
      const field: InquiryFieldName = e.field;
      let control: ControlName;
      if (INPUT_NAMES.includes(field) || field === 'destinations') control = field as ControlName;
      else if (NTK_CONTROLS.includes(field)) control = field as ControlName;
      else control = 'form';
      if (problems.some((p) => p.control === control && p.message === e.message)) continue;
      // The need-to-know check already says what is wrong with these, in the policy's words.
      if ((control === 'purpose' || control === 'requestPurpose') && problems.some((p) => p.control === control)) continue;
      problems.push({ control, message: e.message });
    }
  }
  return problems;
}

/** The first problem for each control (what the field shows next to it). */
export function problemsByControl(problems: readonly FormProblem[]): Partial<Record<ControlName, string>> {
  const out: Partial<Record<ControlName, string>> = {};
  for (const p of problems) if (out[p.control] === undefined) out[p.control] = p.message;
  return out;
}
