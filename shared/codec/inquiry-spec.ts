// Per-kind layout of inquiries: which fields, their wire codes, their order, and which are required.
// The validator, the encoder and the decoder all read this one table.

import * as v from './fields';
import { INQUIRY_MKE, type FieldResult, type InquiryFieldName, type InquiryKind } from './types';

/** A field check; `today` is CCYYMMDD. */
export type Check = (value: unknown, today: string) => FieldResult;

export interface FieldSpec {
  prop: InquiryFieldName;
  code: string;
  check: Check;
  required?: boolean;
}

/** none: California key, no DEST; states: 1–5 state codes; oris3 / oris5: 1–3 or 1–5 ORIs. */
export type DestRule = 'none' | 'states' | 'oris3' | 'oris5';

export interface KindSpec {
  kind: InquiryKind;
  mke: string;
  dest: DestRule;
  /** Fields in wire order. Empty for AM (free text). */
  fields: FieldSpec[];
  /** Carries `RPC/` (California request purpose, default C). */
  caPurpose: boolean;
}

const f = (prop: InquiryFieldName, code: string, check: Check, required = false): FieldSpec =>
  required ? { prop, code, check, required } : { prop, code, check };

const nam = f('nam', 'NAM', (x) => v.validateName(x));
const namReq = f('nam', 'NAM', (x) => v.validateName(x), true);
const dob = f('dob', 'DOB', (x, t) => v.validatePastDate(x, t));
const dobReq = f('dob', 'DOB', (x, t) => v.validatePastDate(x, t), true);
const sex = f('sex', 'SEX', (x) => v.validateSex(x));
const sexReq = f('sex', 'SEX', (x) => v.validateSex(x), true);
const rac = f('rac', 'RAC', (x) => v.validateRace(x));
const soc = f('soc', 'SOC', (x) => v.validateSoc(x));
const fbi = f('fbi', 'FBI', (x) => v.validateFbi(x));
const sid = f('sid', 'SID', (x) => v.validateSid(x));
const oln = f('oln', 'OLN', (x) => v.validateOln(x));
const ols = f('ols', 'OLS', (x) => v.validateState(x, 'ols', 'Licence state'));
const lic = f('lic', 'LIC', (x) => v.validatePlate(x));
const lis = f('lis', 'LIS', (x) => v.validateState(x, 'lis', 'Plate state'));
const liy = f('liy', 'LIY', (x, t) => v.validatePlateYear(x, t));
const lit = f('lit', 'LIT', (x) => v.validatePlateType(x));
const vin = f('vin', 'VIN', (x) => v.validateVin(x));
const vma = f('vma', 'VMA', (x) => v.validateVehicleMake(x));
const pur = f('purpose', 'PUR', (x) => v.validatePurpose(x), true);
const atnReq = f('attention', 'ATN', (x) => v.validateAttention(x), true);
const atn = f('attention', 'ATN', (x) => v.validateAttention(x));
const history = [pur, atnReq];

export const RPC_CODE = 'RPC';
export const RPC_SPEC: FieldSpec = f('requestPurpose', RPC_CODE, (x) => v.validateCaPurpose(x));

const spec = (kind: InquiryKind, dest: DestRule, caPurpose: boolean, fields: FieldSpec[]): KindSpec => ({
  kind,
  mke: INQUIRY_MKE[kind],
  dest,
  fields,
  caPurpose,
});

export const KIND_SPECS: Readonly<Record<InquiryKind, KindSpec>> = {
  ca_history_name: spec('ca_history_name', 'none', true, [namReq, dob, sex, rac, ...history]),
  ca_history_cii: spec('ca_history_cii', 'none', true, [f('cii', 'CII', (x) => v.validateCii(x), true), ...history]),
  iii_name: spec('iii_name', 'none', true, [namReq, dobReq, sexReq, rac, soc, ...history]),
  iii_record: spec('iii_record', 'none', true, [fbi, sid, ...history]),
  wanted_person: spec('wanted_person', 'none', true, [nam, dob, sex, rac, fbi, soc, oln, ols]),
  stolen_vehicle: spec('stolen_vehicle', 'none', true, [lic, lis, liy, lit, vin, vma]),
  dmv_licence_oln: spec('dmv_licence_oln', 'none', true, [f('oln', 'OLN', (x) => v.validateOln(x), true)]),
  dmv_licence_name: spec('dmv_licence_name', 'none', true, [namReq, dobReq, sex]),
  dmv_registration_plate: spec('dmv_registration_plate', 'none', true, [f('lic', 'LIC', (x) => v.validatePlate(x), true), lit]),
  dmv_registration_vin: spec('dmv_registration_vin', 'none', true, [f('vin', 'VIN', (x) => v.validateVin(x), true)]),
  nlets_licence: spec('nlets_licence', 'states', true, [oln, nam, dob, sex]),
  nlets_registration: spec('nlets_registration', 'states', true, [lic, liy, lit, vin]),
  nlets_history_index: spec('nlets_history_index', 'states', true, [nam, dob, sex, rac, soc, fbi, sid, ...history]),
  nlets_history_record: spec('nlets_history_record', 'states', true, [fbi, sid, ...history]),
  hit_confirmation_request: spec('hit_confirmation_request', 'oris3', false, [
    f('rty', 'RTY', (x) => v.validateRecordType(x), true),
    f('rno', 'RNO', (x) => v.validateRequestNumber(x), true),
    f('pri', 'PRI', (x) => v.validatePriority(x), true),
    f('oca', 'OCA', (x) => v.validateOca(x), true),
    f('nic', 'NIC', (x) => v.validateNic(x), true),
    atn,
  ]),
  admin_message: spec('admin_message', 'oris5', false, []),
};

/** All fields of a kind in wire order, including `RPC/` where it applies. */
export function wireFields(s: KindSpec): FieldSpec[] {
  return s.caPurpose ? [...s.fields, RPC_SPEC] : s.fields;
}

/** Known message keys, longest first, so `IH.R.QH` wins over a shorter prefix. */
export const MKE_TO_KIND: ReadonlyMap<string, InquiryKind> = new Map(
  Object.values(KIND_SPECS).map((s) => [s.mke, s.kind] as const),
);
