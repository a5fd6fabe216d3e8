// Reply values as the clerk reads them. Every value from the switch is shown as a React text node;
// these helpers only make invisible or reordering characters visible and give codes their meaning.
// Nothing here decides what a reply IS: that is the codec's structural decode.
import { isRealDate } from '../../../../shared/codec';

/** A character shown as `⟪U+HHHH⟫`. */
function codePoint(cp: number): string {
  return `⟪U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟫`;
}

/** Bidi controls (embeddings, overrides, isolates, marks) and invisible format characters. */
function isInvisibleFormat(cp: number): boolean {
  return (
    (cp >= 0x202a && cp <= 0x202e) || // LRE RLE PDF LRO RLO
    (cp >= 0x2066 && cp <= 0x2069) || // LRI RLI FSI PDI
    cp === 0x200e || cp === 0x200f || cp === 0x061c || // LRM RLM ALM
    (cp >= 0x200b && cp <= 0x200d) || cp === 0x2060 || cp === 0xfeff || // zero-width
    cp === 0x2028 || cp === 0x2029 || // line / paragraph separators
    cp === 0x00ad // soft hyphen
  );
}

/**
 * The value with every control character, bidi control, zero-width character, line separator and
 * lone surrogate replaced by a visible stand-in: C0 controls by their Control Pictures (␛, ␀, ␍…),
 * DEL by ␡, the rest by `⟪U+HHHH⟫`. So a value can neither hide text nor reorder the page.
 */
export function visibleText(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      out += String.fromCharCode(0x2400 + c);
    } else if (c === 0x7f) {
      out += '\u2421';
    } else if (c >= 0x80 && c <= 0x9f) {
      out += codePoint(c);
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value[i]! + value[i + 1]!;
        i++;
      } else {
        out += codePoint(c);
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += codePoint(c);
    } else if (isInvisibleFormat(c)) {
      out += codePoint(c);
    } else {
      out += value[i]!;
    }
  }
  return out;
}

/** `CCYYMMDD` → `CCYY-MM-DD`; anything else is shown as given (made visible). */
export function formatDate(value: string): string {
  return isRealDate(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}` : visibleText(value);
}

/** Field codes whose value is a `CCYYMMDD` date. */
export const DATE_CODES: ReadonlySet<string> = new Set([
  'DOB', 'DOW', 'DTT', 'DOT', 'DOA', 'DDT', 'DTE', 'EXP', 'ISS', 'REL',
]);

/** Labels of the reply field codes (anything not here is shown by its code). */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ORI: 'Agency ORI',
  AGY: 'Agency',
  NAM: 'Name',
  AKA: 'Aliases',
  SEX: 'Sex',
  RAC: 'Race',
  POB: 'Place of birth',
  DOB: 'Date of birth',
  HGT: 'Height',
  WGT: 'Weight',
  EYE: 'Eyes',
  HAI: 'Hair',
  SKN: 'Skin tone',
  SMT: 'Scars, marks, tattoos',
  CTZ: 'Citizenship',
  FBI: 'FBI number',
  SID: 'State ID (SID)',
  CII: 'CII number',
  SOC: 'Social security number',
  OLN: 'Driver licence number',
  OLS: 'Licence state',
  OLY: 'Licence expiry year',
  OFF: 'Offense',
  DOW: 'Warrant date',
  DTT: 'Date of entry',
  OCA: 'Case number (OCA)',
  NIC: 'NCIC number (NIC)',
  EXL: 'Extradition',
  MIS: 'Remarks',
  LIC: 'Plate',
  LIS: 'Plate state',
  LIY: 'Plate year',
  LIT: 'Plate type',
  VIN: 'VIN',
  VYR: 'Vehicle year',
  VMA: 'Make',
  VMO: 'Model',
  VST: 'Style',
  VCO: 'Colour',
  DOT: 'Date of theft',
  CLS: 'Licence class',
  STS: 'Status',
  RST: 'Restrictions',
  ADR: 'Address',
  MAD: 'Mailing address',
  CNF: 'Confidential address',
  ISS: 'Issued',
  EXP: 'Expires',
  OWN: 'Registered owner',
  DOA: 'Arrest date',
  CNT: 'Count',
  CHG: 'Charge',
  LVL: 'Level',
  DES: 'Description',
  DDT: 'Disposition date',
  CRT: 'Court',
  DSP: 'Disposition',
  SEN: 'Sentence',
  DTE: 'Date',
  TYP: 'Type',
  REL: 'Released',
  TRM: 'Term',
  RNO: 'Request number',
  PRI: 'Priority',
  ATN: 'Attention',
  RSN: 'Reason',
  CON: 'Confirmed',
  MSG: 'Message',
};

export function fieldLabel(code: string): string {
  return FIELD_LABELS[code] ?? code;
}

const SEX: Readonly<Record<string, string>> = { M: 'Male', F: 'Female', X: 'Not specified', U: 'Unknown' };
const RACE: Readonly<Record<string, string>> = {
  A: 'Asian or Pacific Islander',
  B: 'Black',
  I: 'American Indian or Alaska Native',
  U: 'Unknown',
  W: 'White',
};

const LEVEL: Readonly<Record<string, string>> = { F: 'Felony', M: 'Misdemeanor', I: 'Infraction' };

/** Licence and registration statuses that are in order; any other status is flagged. */
const GOOD_STATUSES: ReadonlySet<string> = new Set(['VALID', 'CURRENT']);

/** True for a structured status field (STS) whose value is not in order (SUSPENDED, REVOKED, EXPIRED…). */
export function isFlaggedStatus(code: string, value: string): boolean {
  return code === 'STS' && !GOOD_STATUSES.has(value.trim().toUpperCase());
}

/** A coded value with its meaning, e.g. `M (Male)`; unknown codes as given. */
function withMeaning(value: string, table: Readonly<Record<string, string>>): string {
  const meaning = table[value];
  return meaning === undefined ? visibleText(value) : `${value} (${meaning})`;
}

/** Height `510` → `5 ft 10 in` (NCIC: feet then two digits of inches). */
function formatHeight(value: string): string {
  const m = /^([1-9])(0[0-9]|1[01])$/.exec(value);
  return m ? `${m[1]} ft ${Number(m[2])} in (${value})` : visibleText(value);
}

/** The text shown for one field value: dates formatted, codes explained, everything made visible. */
export function displayValue(code: string, value: string): string {
  if (DATE_CODES.has(code)) return formatDate(value);
  if (code === 'SEX') return withMeaning(value, SEX);
  if (code === 'RAC') return withMeaning(value, RACE);
  if (code === 'HGT') return formatHeight(value);
  if (code === 'LVL') return withMeaning(value, LEVEL);
  if (code === 'WGT' && /^[0-9]{2,3}$/.test(value)) return `${value} lb`;
  return visibleText(value);
}

export const WITHHELD_TEXT = 'Address withheld — confidential (VC 1808.4)';

/** Address fields whose value the switch or the main process marked confidential (VC 1808.4). */
export function isWithheldAddress(code: string, value: string): boolean {
  if (code !== 'ADR' && code !== 'MAD') return false;
  const v = value.trim().toUpperCase();
  return v === 'WITHHELD - VC 1808.4' || v.startsWith('WITHHELD') || v.startsWith('CONFIDENTIAL');
}
