// Validation of a whole inquiry: every field rule plus the rules between fields (which search
// fields go together). Returns every problem at once so a form can show them all.

import { todayFrom } from './dates';
import { isBlank, validateAdminText, validateControl, validateOri, validateState } from './fields';
import { KIND_SPECS, RPC_SPEC, type DestRule } from './inquiry-spec';
import type {
  CodecOptions,
  FieldError,
  FieldResult,
  FieldWarning,
  Inquiry,
  InquiryFieldName,
  InquiryKind,
  InquiryValidation,
} from './types';

const DEST_LIMIT: Readonly<Record<Exclude<DestRule, 'none'>, number>> = { states: 5, oris3: 3, oris5: 5 };

function validateDestinations(value: unknown, rule: Exclude<DestRule, 'none'>): { errors: FieldError[]; value: string[] } {
  const max = DEST_LIMIT[rule];
  const what = rule === 'states' ? 'destination state' : 'destination ORI';
  const example = rule === 'states' ? ' (2-letter codes such as NV)' : ' (9 characters each, such as NV0130000)';
  if (!Array.isArray(value) || value.length === 0) {
    return { errors: [{ field: 'destinations', message: `Choose 1 to ${max} ${what}s${example}.`, missing: true }], value: [] };
  }
  if (value.length > max) {
    return { errors: [{ field: 'destinations', message: `Choose no more than ${max} ${what}s.` }], value: [] };
  }
  const out: string[] = [];
  const errors: FieldError[] = [];
  for (const item of value as unknown[]) {
    const r: FieldResult =
      rule === 'states'
        ? validateState(item, 'destinations', 'Destination state')
        : validateOri(item, 'destinations', 'Destination ORI');
    if (!r.ok) errors.push({ field: 'destinations', message: r.message });
    else if (out.includes(r.value)) errors.push({ field: 'destinations', message: `Destination ${r.value} is listed twice.` });
    else out.push(r.value);
  }
  return { errors, value: out };
}

type Has = (prop: InquiryFieldName) => boolean;

const need = (field: InquiryFieldName, message: string): FieldError => ({ field, message, missing: true });
const clash = (field: InquiryFieldName, message: string): FieldError => ({ field, message });

/** Which search fields go together, per kind. Only presence matters here; formats are checked per field. */
function crossFieldErrors(kind: InquiryKind, has: Has): FieldError[] {
  const e: FieldError[] = [];
  const oneOfFbiSid = () => {
    if (has('fbi') && has('sid')) e.push(clash('sid', 'Give either the FBI number or the state ID (SID), not both.'));
    if (!has('fbi') && !has('sid')) e.push(need('fbi', 'Give the FBI number or the state ID (SID) of the record.'));
  };
  switch (kind) {
    case 'iii_record':
    case 'nlets_history_record':
      oneOfFbiSid();
      break;
    case 'wanted_person':
      if (has('nam')) {
        if (!has('dob') && !has('sex')) e.push(need('dob', 'With a name, also give the date of birth or the sex.'));
      } else if (has('dob') || has('sex') || has('rac')) {
        e.push(need('nam', 'Date of birth, sex and race are searched together with a name: give the name.'));
      } else if (!has('fbi') && !has('soc') && !has('oln')) {
        e.push(need('nam', 'Give a name (with date of birth or sex), or an FBI number, social security number or licence number.'));
      }
      if (has('ols') && !has('oln')) e.push(need('oln', 'A licence state needs the licence number.'));
      break;
    case 'stolen_vehicle':
      if (has('lic') && has('vin')) e.push(clash('vin', 'Search by plate or by VIN, not both.'));
      else if (has('lic')) {
        if (!has('lis')) e.push(need('lis', 'A plate search needs the plate state.'));
        if (has('vma')) e.push(clash('vma', 'Vehicle make goes with a VIN search, not a plate search.'));
      } else if (has('vin')) {
        if (has('lis') || has('liy') || has('lit')) e.push(clash('lic', 'Plate state, year and type go with a plate search, not a VIN search.'));
      } else e.push(need('lic', 'Give a plate number with its state, or a VIN.'));
      break;
    case 'nlets_licence': {
      const byName = has('nam') || has('dob') || has('sex');
      if (has('oln') && byName) e.push(clash('oln', 'Search by licence number or by name, date of birth and sex, not both.'));
      else if (byName) {
        if (!has('nam')) e.push(need('nam', 'A name search needs the name.'));
        if (!has('dob')) e.push(need('dob', 'A name search needs the date of birth.'));
        if (!has('sex')) e.push(need('sex', 'A name search needs the sex.'));
      } else if (!has('oln')) e.push(need('oln', 'Give the licence number, or the name, date of birth and sex.'));
      break;
    }
    case 'nlets_registration':
      if (has('lic') && has('vin')) e.push(clash('vin', 'Search by plate or by VIN, not both.'));
      else if (has('lic')) {
        if (!has('liy')) e.push(need('liy', 'A plate search needs the plate year (or NX for a non-expiring plate).'));
        if (!has('lit')) e.push(need('lit', 'A plate search needs the plate type.'));
      } else if (has('vin')) {
        if (has('liy') || has('lit')) e.push(clash('lic', 'Plate year and type go with a plate search, not a VIN search.'));
      } else e.push(need('lic', 'Give the plate number, year and type, or the VIN.'));
      break;
    case 'nlets_history_index': {
      const byName = has('nam') || has('dob') || has('sex') || has('rac') || has('soc');
      const modes = [byName, has('fbi'), has('sid')].filter(Boolean).length;
      if (modes > 1) e.push(clash('nam', 'Search by name, by FBI number or by state ID (SID): only one of them.'));
      else if (byName) {
        if (!has('nam')) e.push(need('nam', 'A name search needs the name.'));
        if (!has('dob')) e.push(need('dob', 'A name search needs the date of birth.'));
        if (!has('sex')) e.push(need('sex', 'A name search needs the sex.'));
      } else if (modes === 0) e.push(need('nam', 'Give the name, date of birth and sex, or an FBI number, or a state ID (SID).'));
      break;
    }
    default:
      break;
  }
  return e;
}

/** Validates and normalizes an inquiry. Never throws. Unknown properties are dropped. */
export function validateInquiry(inquiry: Inquiry, options?: CodecOptions): InquiryValidation {
  const input: unknown = inquiry;
  if (typeof input !== 'object' || input === null) {
    return { ok: false, errors: [{ field: 'kind', message: 'The inquiry is empty.' }] };
  }
  const rec = input as Record<string, unknown>;
  const kind = rec['kind'];
  if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(KIND_SPECS, kind)) {
    return { ok: false, errors: [{ field: 'kind', message: 'Choose a known inquiry type.' }] };
  }
  const spec = KIND_SPECS[kind as InquiryKind];
  const today = todayFrom(options);
  const errors: FieldError[] = [];
  const warnings: FieldWarning[] = [];
  const out: Record<string, unknown> = { kind: spec.kind };

  const take = (prop: InquiryFieldName, r: FieldResult) => {
    if (!r.ok) {
      errors.push(r.missing ? { field: r.field, message: r.message, missing: true } : { field: r.field, message: r.message });
      return;
    }
    out[prop] = r.value;
    for (const w of r.warnings ?? []) warnings.push({ field: prop, message: w });
  };

  take('ori', validateOri(rec['ori'], 'ori', 'Sending ORI'));
  if (!isBlank(rec['control'])) take('control', validateControl(rec['control']));
  if (spec.dest !== 'none') {
    const d = validateDestinations(rec['destinations'], spec.dest);
    errors.push(...d.errors);
    if (d.errors.length === 0) out['destinations'] = d.value;
  }
  for (const field of spec.fields) {
    const value = rec[field.prop];
    if (isBlank(value) && !field.required) continue;
    take(field.prop, field.check(value, today));
  }
  if (spec.caPurpose) {
    const value = rec['requestPurpose'];
    if (isBlank(value)) out['requestPurpose'] = 'C';
    else take('requestPurpose', RPC_SPEC.check(value, today));
  }
  if (spec.kind === 'admin_message') take('text', validateAdminText(rec['text']));

  errors.push(...crossFieldErrors(spec.kind, (p) => !isBlank(rec[p])));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: out as unknown as Inquiry, warnings };
}
