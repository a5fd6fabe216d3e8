// Types of the CLETS message codec: inquiries the workstation sends and replies the switch returns.
// This file is the contract the link, the training switch and the UI read. Pure types and constants.
//
// INQUIRY TEXT (see /work/shared/reference/message-formats.md, "Rules of the text format"):
//
//   MKE.ORI.[DEST.]...[*CTRL.]TXT\nFLD/value.FLD/value
//
//   - MKE is the message key. California keys keep their system prefix and contain periods
//     (`IW.QW`, `IH.R.QH`); Nlets keys are plain (`DQ`). The decoder matches the longest known key.
//   - DEST: Nlets destinations, 1–5 two-letter state codes (DQ, RQ, IQ, FQ) or 1–3 / 1–5 ORIs
//     (YQ, AM). California keys have no DEST.
//   - `*CTRL.` is an optional control field (1–10 letters/digits) echoed back by the switch.
//   - A line break follows `TXT` (as in the Nlets ER sample's ORIGINAL MESSAGE); the decoder also
//     accepts the fields directly after `TXT` and a CRLF.
//   - Fields are `FLD/value` joined by periods, in a fixed order per kind; the message never ends in a
//     period. Values can never contain `.`, `/` or control characters (validation refuses them).
//   - AM carries free text after `TXT` instead of fields.
//   - Every California-keyed and Nlets query kind carries the California request purpose code in the
//     project-defined field `RPC/` (C criminal justice, I immigration enforcement, U Title 8; default C).
//   - DMV registration keys are the project's own (the CLETS letters are not public):
//     `IV.4L` by licence plate, `IV.4V` by VIN.
//
// REPLY TEXT: see reply-types.ts.

// ---------------------------------------------------------------------------------------------
// Code lists
// ---------------------------------------------------------------------------------------------

/** III purpose codes (requirements.md Q2). `R` is FBI only: the type includes it because it exists
 *  on the wire, and validation REJECTS it for state and local users. */
export const III_PURPOSE_CODES = ['A', 'C', 'D', 'F', 'H', 'I', 'J', 'R', 'S', 'V', 'X'] as const;
export type IIIPurposeCode = (typeof III_PURPOSE_CODES)[number];

/** California request purpose code: C criminal justice (default), I immigration enforcement, U Title 8. */
export const CA_PURPOSE_CODES = ['C', 'I', 'U'] as const;
export type CaPurposeCode = (typeof CA_PURPOSE_CODES)[number];

export const SEX_CODES = ['M', 'F', 'X', 'U'] as const;
export type SexCode = (typeof SEX_CODES)[number];

export const RACE_CODES = ['A', 'B', 'I', 'U', 'W'] as const;
export type RaceCode = (typeof RACE_CODES)[number];

/** Hit confirmation priority: U urgent (answer within 10 minutes), R routine (1 hour). */
export const PRIORITY_CODES = ['U', 'R'] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

/** Hit confirmation request number: first, second or third request for the same hit. */
export const REQUEST_NUMBERS = ['1', '2', '3'] as const;
export type RequestNumber = (typeof REQUEST_NUMBERS)[number];

/** Record type being confirmed (YQ `RTY/`). Descriptions in codes.ts. */
export const RECORD_TYPE_CODES = ['W', 'M', 'P', 'V', 'L', 'G', 'A', 'B', 'S'] as const;
export type RecordTypeCode = (typeof RECORD_TYPE_CODES)[number];

// ---------------------------------------------------------------------------------------------
// Inquiries
// ---------------------------------------------------------------------------------------------

/** Message key of each inquiry kind. */
export const INQUIRY_MKE = {
  ca_history_name: 'IH.QH', //          California criminal history (ACHS) by name
  ca_history_cii: 'IH.QR', //           California criminal history record by CII number
  iii_name: 'IH.R.QH', //               III name search through NCIC
  iii_record: 'IH.R.QR', //             III record request by FBI or SID number
  wanted_person: 'IW.QW', //            Wanted persons (WPS / NCIC persons files)
  stolen_vehicle: 'IA.QV', //           Stolen vehicles (SVS / NCIC)
  dmv_licence_oln: 'ID.L1', //          DMV driver licence by licence number
  dmv_licence_name: 'IN.L1', //         DMV driver licence by name + date of birth
  dmv_registration_plate: 'IV.4L', //   DMV registration by plate (project-defined letter)
  dmv_registration_vin: 'IV.4V', //     DMV registration by VIN (project-defined letter)
  nlets_licence: 'DQ', //               Nlets driver licence, other states
  nlets_registration: 'RQ', //          Nlets registration, other states
  nlets_history_index: 'IQ', //         Nlets criminal history index, other states
  nlets_history_record: 'FQ', //        Nlets full criminal history record, other states
  hit_confirmation_request: 'YQ', //    Nlets hit confirmation request
  admin_message: 'AM', //               Administrative free-text message
} as const;
export type InquiryKind = keyof typeof INQUIRY_MKE;
export const INQUIRY_KINDS = Object.keys(INQUIRY_MKE) as InquiryKind[];

/** Message key of the reply to each inquiry kind (California keys answer with the same key). */
export const REPLY_MKE = {
  ca_history_name: 'IH.QH',
  ca_history_cii: 'IH.QR',
  iii_name: 'IH.R.QH',
  iii_record: 'IH.R.QR',
  wanted_person: 'IW.QW',
  stolen_vehicle: 'IA.QV',
  dmv_licence_oln: 'ID.L1',
  dmv_licence_name: 'IN.L1',
  dmv_registration_plate: 'IV.4L',
  dmv_registration_vin: 'IV.4V',
  nlets_licence: 'DR',
  nlets_registration: 'RR',
  nlets_history_index: 'IR',
  nlets_history_record: 'FR',
  hit_confirmation_request: 'YR',
  admin_message: 'AM',
} as const satisfies Record<InquiryKind, string>;

/** Every inquiry. `ori` is the sending agency's 9-character ORI. */
interface InquiryBase {
  ori: string;
  /** Optional `*CTRL.` control field, 1–10 letters/digits, echoed by the switch. */
  control?: string;
}

/** California request purpose code; when omitted, validation fills in `C`. */
interface CaPurpose {
  requestPurpose?: CaPurposeCode;
}

/** Criminal history kinds: III purpose (R refused), California purpose, and the requester (ATN ≤ 30). */
interface HistoryPurpose extends CaPurpose {
  purpose: IIIPurposeCode;
  attention: string;
}

/** Nlets destinations: 1–5 two-letter state codes. */
interface StateDestinations {
  destinations: string[];
}

export interface CaHistoryNameInquiry extends InquiryBase, HistoryPurpose {
  kind: 'ca_history_name';
  nam: string;
  dob?: string;
  sex?: SexCode;
  rac?: RaceCode;
}
export interface CaHistoryCiiInquiry extends InquiryBase, HistoryPurpose {
  kind: 'ca_history_cii';
  cii: string;
}
export interface IIINameInquiry extends InquiryBase, HistoryPurpose {
  kind: 'iii_name';
  nam: string;
  dob: string;
  sex: SexCode;
  rac?: RaceCode;
  soc?: string;
}
/** Exactly one of `fbi` / `sid`. */
export interface IIIRecordInquiry extends InquiryBase, HistoryPurpose {
  kind: 'iii_record';
  fbi?: string;
  sid?: string;
}
/** NAM with DOB and/or SEX (RAC optional), or at least one of FBI / SOC / OLN (+OLS). */
export interface WantedPersonInquiry extends InquiryBase, CaPurpose {
  kind: 'wanted_person';
  nam?: string;
  dob?: string;
  sex?: SexCode;
  rac?: RaceCode;
  fbi?: string;
  soc?: string;
  oln?: string;
  ols?: string;
}
/** Plate (LIC + LIS, LIY and LIT optional) or VIN (VMA optional), not both. */
export interface StolenVehicleInquiry extends InquiryBase, CaPurpose {
  kind: 'stolen_vehicle';
  lic?: string;
  lis?: string;
  liy?: string;
  lit?: string;
  vin?: string;
  vma?: string;
}
export interface DmvLicenceOlnInquiry extends InquiryBase, CaPurpose {
  kind: 'dmv_licence_oln';
  oln: string;
}
export interface DmvLicenceNameInquiry extends InquiryBase, CaPurpose {
  kind: 'dmv_licence_name';
  nam: string;
  dob: string;
  sex?: SexCode;
}
export interface DmvRegistrationPlateInquiry extends InquiryBase, CaPurpose {
  kind: 'dmv_registration_plate';
  lic: string;
  lit?: string;
}
export interface DmvRegistrationVinInquiry extends InquiryBase, CaPurpose {
  kind: 'dmv_registration_vin';
  vin: string;
}
/** OLN, or NAM + DOB + SEX. */
export interface NletsLicenceInquiry extends InquiryBase, CaPurpose, StateDestinations {
  kind: 'nlets_licence';
  oln?: string;
  nam?: string;
  dob?: string;
  sex?: SexCode;
}
/** LIC + LIY (or `NX`) + LIT, or VIN. */
export interface NletsRegistrationInquiry extends InquiryBase, CaPurpose, StateDestinations {
  kind: 'nlets_registration';
  lic?: string;
  liy?: string;
  lit?: string;
  vin?: string;
}
/** NAM + DOB + SEX (RAC, SOC optional), or FBI, or SID. */
export interface NletsHistoryIndexInquiry extends InquiryBase, HistoryPurpose, StateDestinations {
  kind: 'nlets_history_index';
  nam?: string;
  dob?: string;
  sex?: SexCode;
  rac?: RaceCode;
  soc?: string;
  fbi?: string;
  sid?: string;
}
/** Exactly one of FBI / SID. */
export interface NletsHistoryRecordInquiry extends InquiryBase, HistoryPurpose, StateDestinations {
  kind: 'nlets_history_record';
  fbi?: string;
  sid?: string;
}
/** YQ: destinations are 1–3 ORIs (the agency holding the record). */
export interface HitConfirmationRequestInquiry extends InquiryBase {
  kind: 'hit_confirmation_request';
  destinations: string[];
  rty: RecordTypeCode;
  rno: RequestNumber;
  pri: PriorityCode;
  oca: string;
  nic: string;
  /** Who to answer (optional). */
  attention?: string;
}
/** AM: destinations are 1–5 ORIs; `text` is free text (printable characters, line breaks allowed,
 *  ≤ 2000 characters; trailing periods are dropped because a message never ends with one). */
export interface AdminMessageInquiry extends InquiryBase {
  kind: 'admin_message';
  destinations: string[];
  text: string;
}

export type Inquiry =
  | CaHistoryNameInquiry
  | CaHistoryCiiInquiry
  | IIINameInquiry
  | IIIRecordInquiry
  | WantedPersonInquiry
  | StolenVehicleInquiry
  | DmvLicenceOlnInquiry
  | DmvLicenceNameInquiry
  | DmvRegistrationPlateInquiry
  | DmvRegistrationVinInquiry
  | NletsLicenceInquiry
  | NletsRegistrationInquiry
  | NletsHistoryIndexInquiry
  | NletsHistoryRecordInquiry
  | HitConfirmationRequestInquiry
  | AdminMessageInquiry;

export type InquiryOf<K extends InquiryKind> = Extract<Inquiry, { kind: K }>;

/** Property names an inquiry can carry; `FieldError.field` is one of these (or `message` for
 *  errors about the message as a whole, e.g. a missing TXT). */
export type InquiryFieldName =
  | Exclude<{ [K in Inquiry['kind']]: keyof InquiryOf<K> }[Inquiry['kind']], 'kind'>
  | 'kind'
  | 'message';

// ---------------------------------------------------------------------------------------------
// Validation results
// ---------------------------------------------------------------------------------------------

/** One field's problem, in plain English for a records clerk. `missing` is true when the field is
 *  required and empty (the switch answers those with ER `.14.`). */
export interface FieldError {
  field: InquiryFieldName;
  message: string;
  missing?: boolean;
}

export interface FieldWarning {
  field: InquiryFieldName;
  message: string;
}

export type FieldResult =
  | { ok: true; value: string; warnings?: string[] }
  | { ok: false; field: InquiryFieldName; message: string; missing?: boolean };

export type InquiryValidation =
  | { ok: true; value: Inquiry; warnings: FieldWarning[] }
  | { ok: false; errors: FieldError[] };

/** Nlets ER codes (message-formats.md "Replies"). */
export const ER_CODES = ['01', '02', '03', '05', '10', '14', '16', '19', '22'] as const;
export type ErCode = (typeof ER_CODES)[number];

/** decodeInquiry never throws. On failure, `erCode` is the ER code a switch would answer with. */
export type InquiryDecode =
  | { ok: true; value: Inquiry; warnings: FieldWarning[] }
  | { ok: false; erCode: ErCode; errors: FieldError[] };

/** Options of validation and encoding. `today` is the local calendar date as `CCYYMMDD` (or a Date,
 *  read in local time); when omitted, the current date is read once from the system clock. */
export interface CodecOptions {
  today?: string | Date;
}

// Replies: see reply-types.ts (the reply format, escaping rule and training marker are documented there).
export * from './reply-types';
