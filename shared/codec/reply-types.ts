// Types of decoded replies and of reply drafts for formatReply. Re-exported by types.ts.
//
// REPLY TEXT (project-defined, after the Nlets header; lines end with LF, CRLF accepted):
//
//   line 1  MKE.SENDER-ORI                      e.g. `IW.QW.CA0000000`, `ER.NL0000000`, `$.H.CA0000000`
//   line 2  HH:MM MM/DD/CCYY SEQ                switch time, date, sequence number (1–10 digits)
//   line 3  HH:MM MM/DD/CCYY SEQ DEST-ORI
//   line 4  TXT
//   [TRAINING_MARKER_LINE]                      training switch only: the first line after TXT
//   body
//
// The kind is decided by STRUCTURE, never by searching free text:
//   - header MKE `ER` → `error`; `YR` → `hit_confirmation`; `AM` → `admin`; `$.x` → `unsolicited`;
//   - any other MKE → the body's record sections decide: only `MKE/NO RECORD` → `no_record`;
//     only `MKE/CANDIDATE` → `candidates`; only hit sections (BLOCK_NAMES) → `hit`.
//
// Body (all kinds except ER): an optional caveat line starting `WARNING-`, then blocks. A block is a
// marker line `MKE/<BLOCK NAME>` and then field lines of `FLD/value` pairs separated by single
// spaces, wrapped onto lines of about 80 characters between pairs (never inside a value).
// Field codes are `[A-Z][A-Z0-9]{1,3}`.
//
// VALUE ESCAPING (reply values only — inquiry values simply may not contain these characters):
//   `\` → `\\`,  `/` → `\/`,  a trailing space → `\u0020`, and every control character
//   (U+0000–U+001F, U+007F–U+009F, including CR, LF, TAB), U+2028/U+2029, bidirectional controls
//   (U+202A–U+202E, U+2066–U+2069), U+FEFF and lone surrogates → `\uHHHH`.
//   So a value can never contain a line break or an unescaped slash; every unescaped `/` in a field
//   line ends a field code, and hostile text such as ` MKE/WANTED PERSON` stays inside its value.
//   Any other backslash sequence is malformed and the reply is `unparsed`.
//
// ER body (verbatim Nlets shape): `.NN. TEXT`, detail lines, then optionally `ORIGINAL MESSAGE`
// and the original message's lines. TEXT and detail lines are escaped like values except that `/`
// stays as is; a detail line equal to `ORIGINAL MESSAGE` is written `\u004FRIGINAL MESSAGE`.
// Original message lines are escaped the same way (line breaks stay line breaks).
// The caveat line is escaped the same way too.
//
// Decoding is strict: a raw C0/C1 control character anywhere (other than LF, and CR before LF),
// a malformed escape, an unknown section name, fields outside a section, or sections in an order
// the grammar does not allow all give `unparsed` — never a guess at hit or no hit.

/** First body line of every reply from the training switch. A live switch never sends it. */
export const TRAINING_MARKER_LINE = '*TRAINING* SYNTHETIC DATA - NOT A REAL RECORD';

/** Caveat line printed before persons-file records. */
export const PERSONS_CAVEAT = 'WARNING-DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION';

export interface ReplyStamp {
  /** `HH:MM`, 24-hour. */
  time: string;
  /** `MM/DD/CCYY`, as on the wire. */
  date: string;
  /** Sequence number, 1–10 digits, leading zeros kept. */
  seq: string;
}

export interface ReplyHeader {
  /** Reply message key, e.g. `DR`, `IW.QW`, `ER`, `$.H`. */
  mke: string;
  senderOri: string;
  switchStamp: ReplyStamp;
  destStamp: ReplyStamp;
  destOri: string;
}

/** A field the decoder does not map to a typed property (kept in order, nothing is dropped). */
export interface ReplyField {
  code: string;
  value: string;
}

export const PERSON_CATEGORIES = [
  'WANTED PERSON',
  'MISSING PERSON',
  'PROTECTION ORDER',
  'SUPERVISED RELEASE',
  'SEX OFFENDER',
  'GANG MEMBER',
  'IMMIGRATION VIOLATOR',
  'UNIDENTIFIED PERSON',
] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const VEHICLE_CATEGORIES = ['STOLEN VEHICLE', 'FELONY VEHICLE', 'STOLEN PLATE'] as const;
export type VehicleCategory = (typeof VEHICLE_CATEGORIES)[number];

/** Typed field codes per block; anything else goes to `extra`. */
export const PERSON_CODES = [
  'ORI', 'NAM', 'SEX', 'RAC', 'POB', 'DOB', 'HGT', 'WGT', 'EYE', 'HAI', 'FBI', 'CTZ', 'SKN', 'SMT',
  'SOC', 'OLN', 'OLS', 'OLY', 'OFF', 'DOW', 'DTT', 'OCA', 'NIC', 'EXL', 'MIS',
] as const;
export const VEHICLE_CODES = [
  'ORI', 'LIC', 'LIS', 'LIY', 'LIT', 'VIN', 'VYR', 'VMA', 'VMO', 'VST', 'VCO', 'DOT', 'OCA', 'NIC', 'MIS',
] as const;
export const LICENCE_CODES = [
  'NAM', 'DOB', 'SEX', 'HGT', 'WGT', 'EYE', 'HAI', 'OLN', 'OLS', 'OLY', 'CLS', 'STS', 'RST', 'ADR', 'MIS',
] as const;
export const REGISTRATION_CODES = [
  'LIC', 'LIS', 'LIY', 'LIT', 'VIN', 'VYR', 'VMA', 'VMO', 'VST', 'VCO', 'OWN', 'ADR', 'EXP', 'STS', 'MIS',
] as const;
export const RAP_SUBJECT_CODES = [
  'CII', 'FBI', 'SID', 'NAM', 'AKA', 'DOB', 'SEX', 'RAC', 'HGT', 'WGT', 'EYE', 'HAI', 'POB', 'SOC', 'MIS',
] as const;
export const ARREST_CODES = ['DOA', 'AGY', 'OCA', 'NAM', 'MIS'] as const;
export const CHARGE_CODES = ['CNT', 'CHG', 'LVL', 'DES', 'MIS'] as const;
export const DISPOSITION_CODES = ['DDT', 'CRT', 'DSP', 'SEN', 'MIS'] as const;
export const CUSTODY_CODES = ['DTE', 'AGY', 'TYP', 'REL', 'MIS'] as const;
export const PROBATION_CODES = ['DTE', 'AGY', 'TRM', 'EXP', 'MIS'] as const;
export const CANDIDATE_CODES = [
  'FBI', 'SID', 'CII', 'NAM', 'DOB', 'SEX', 'RAC', 'HGT', 'WGT', 'EYE', 'HAI', 'POB', 'MIS',
] as const;
export const HIT_CONFIRMATION_CODES = ['NIC', 'OCA', 'ORI', 'RNO', 'PRI', 'NAM', 'LIC', 'VIN', 'ATN', 'MIS'] as const;
export const NO_RECORD_REASONS = ['NOT ON FILE', 'FILE NOT AVAILABLE', 'TEMPORARILY UNAVAILABLE'] as const;
export type NoRecordReason = (typeof NO_RECORD_REASONS)[number];

type Fields<C extends readonly string[]> = Partial<Record<C[number], string>>;
export type PersonFields = Fields<typeof PERSON_CODES>;
export type VehicleFields = Fields<typeof VEHICLE_CODES>;
export type LicenceFields = Fields<typeof LICENCE_CODES>;
export type RegistrationFields = Fields<typeof REGISTRATION_CODES>;
export type RapSubjectFields = Fields<typeof RAP_SUBJECT_CODES>;
export type CandidateFields = Fields<typeof CANDIDATE_CODES>;
export type HitConfirmationFields = Fields<typeof HIT_CONFIRMATION_CODES>;

interface Section<F> {
  fields: F;
  extra: ReplyField[];
}

/** Block `MKE/<category>`, e.g. `MKE/WANTED PERSON`. */
export interface PersonRecord extends Section<PersonFields> {
  type: 'person';
  category: PersonCategory;
}
/** Block `MKE/<category>`, e.g. `MKE/STOLEN VEHICLE`. */
export interface VehicleRecord extends Section<VehicleFields> {
  type: 'vehicle';
  category: VehicleCategory;
}
/** Block `MKE/DRIVER LICENSE`. */
export interface LicenceRecord extends Section<LicenceFields> {
  type: 'licence';
}
/** Block `MKE/REGISTRATION`. */
export interface RegistrationRecord extends Section<RegistrationFields> {
  type: 'registration';
}
export type Disposition = Section<Fields<typeof DISPOSITION_CODES>>;
export interface Charge extends Section<Fields<typeof CHARGE_CODES>> {
  dispositions: Disposition[];
}
export interface Arrest extends Section<Fields<typeof ARREST_CODES>> {
  charges: Charge[];
}
export type CustodyEvent = Section<Fields<typeof CUSTODY_CODES>>;
export type ProbationEvent = Section<Fields<typeof PROBATION_CODES>>;
/** Block `MKE/CRIMINAL HISTORY` (subject), then in order: `MKE/ARREST` → `MKE/CHARGE` →
 *  `MKE/DISPOSITION` (each belongs to the one before), then `MKE/CUSTODY`, then `MKE/PROBATION`. */
export interface RapSheetRecord extends Section<RapSubjectFields> {
  type: 'rap_sheet';
  arrests: Arrest[];
  custody: CustodyEvent[];
  probation: ProbationEvent[];
}
export type HitRecord = PersonRecord | VehicleRecord | LicenceRecord | RegistrationRecord | RapSheetRecord;

/** Block `MKE/CANDIDATE`; must carry at least one of FBI / SID / CII (see candidateRecordKey). */
export type Candidate = Section<CandidateFields>;

/** Block names for the simple record types (persons and vehicles use their category). */
export const BLOCK_NAMES = {
  licence: 'DRIVER LICENSE',
  registration: 'REGISTRATION',
  rapSheet: 'CRIMINAL HISTORY',
  arrest: 'ARREST',
  charge: 'CHARGE',
  disposition: 'DISPOSITION',
  custody: 'CUSTODY',
  probation: 'PROBATION',
  noRecord: 'NO RECORD',
  candidate: 'CANDIDATE',
  hitConfirmation: 'HIT CONFIRMATION',
  message: 'MESSAGE',
} as const;

export const UNSOLICITED_CODES = ['1', '2', '3', 'A', 'H', 'L', 'P'] as const;
export type UnsolicitedCode = (typeof UNSOLICITED_CODES)[number];

interface ReplyBase {
  header: ReplyHeader;
  /** True when the reply carries TRAINING_MARKER_LINE. */
  training: boolean;
  /** The text as received (after the length cap; unparsed replies keep what was given). */
  raw: string;
}

/** One or more hit sections. `caveat` is the `WARNING-` line (always present before persons records
 *  written by formatReply). */
export interface HitReply extends ReplyBase {
  kind: 'hit';
  caveat?: string;
  records: HitRecord[];
}
/** Block `MKE/NO RECORD` with `RSN/<reason>` and optionally the searched fields echoed back.
 *  FILE NOT AVAILABLE / TEMPORARILY UNAVAILABLE mean the file was NOT searched. */
export interface NoRecordReply extends ReplyBase {
  kind: 'no_record';
  reason: NoRecordReason;
  echo: ReplyField[];
}
export interface CandidatesReply extends ReplyBase {
  kind: 'candidates';
  candidates: Candidate[];
}
/** YR. Body: block `MKE/HIT CONFIRMATION` with `CON/Y` (confirmed) or `CON/N` and the references. */
export interface HitConfirmationReply extends ReplyBase, Section<HitConfirmationFields> {
  kind: 'hit_confirmation';
  confirmed: boolean;
}
/** AM. Body: block `MKE/MESSAGE` with one `MSG/` field per line of text. */
export interface AdminReply extends ReplyBase {
  kind: 'admin';
  text: string;
}
/** ER from the switch. `code` is the two digits between the periods of `.NN.`. */
export interface ErrorReply extends ReplyBase {
  kind: 'error';
  code: string;
  text: string;
  details: string[];
  originalMessage?: string;
}
/** `$.x` switch message. Body: optional caveat, optional `MKE/MESSAGE` block, then hit records
 *  (a delayed hit, locate or purge names the record). `meaning` is UNSOLICITED_DESCRIPTIONS[code]. */
export interface UnsolicitedReply extends ReplyBase {
  kind: 'unsolicited';
  code: UnsolicitedCode;
  meaning: string;
  caveat?: string;
  text?: string;
  records: HitRecord[];
}
/** The decoder could not understand the text. Never shown as a hit or as a no-record answer. */
export interface UnparsedReply {
  kind: 'unparsed';
  reason: string;
  header?: ReplyHeader;
  training: boolean;
  raw: string;
}

export type Reply =
  | HitReply
  | NoRecordReply
  | CandidatesReply
  | HitConfirmationReply
  | AdminReply
  | ErrorReply
  | UnsolicitedReply
  | UnparsedReply;
export type ReplyKind = Reply['kind'];

type DraftOf<R> = R extends UnsolicitedReply
  ? Omit<R, 'raw' | 'meaning'> & { meaning?: string }
  : Omit<R, 'raw'>;

/** What formatReply takes: any reply but `unparsed`, without `raw`. For `unsolicited`, `meaning`
 *  is optional and ignored (the decoder fills it in from the code). */
export type ReplyDraft = DraftOf<Exclude<Reply, UnparsedReply>>;
