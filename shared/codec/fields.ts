// Field validators for inquiries. Each returns the normalized value (trimmed, upper case) or one
// plain-English problem a records clerk can act on. No clock is read: dates take `today` (CCYYMMDD).
//
// Every value is refused when it holds a period, a slash or a control character (line breaks,
// tabs, escape...): those would break the `FLD/value.FLD/value` text or forge extra fields
// (a name of `SMITH.DOB/19000101` is refused, never encoded).

import { PLATE_TYPE_DESCRIPTIONS, STATE_CODES } from './codes';
import { isRealDate } from './dates';
import {
  CA_PURPOSE_CODES,
  III_PURPOSE_CODES,
  PRIORITY_CODES,
  RACE_CODES,
  RECORD_TYPE_CODES,
  REQUEST_NUMBERS,
  SEX_CODES,
  type FieldResult,
  type InquiryFieldName,
} from './types';
import { vinCheckDigitMatches } from './vin';

type F = InquiryFieldName;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const ALNUM = /^[A-Z0-9]+$/;

export const ok = (value: string, warnings?: string[]): FieldResult =>
  warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
export const bad = (field: F, message: string, missing?: boolean): FieldResult =>
  missing ? { ok: false, field, message, missing: true } : { ok: false, field, message };

/** True when the value counts as "not given" (undefined, null or blank). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Common checks: present, text, no control characters, no periods or slashes; trims, upper-cases. */
function base(value: unknown, field: F, label: string): FieldResult {
  if (isBlank(value)) return bad(field, `${label} is required.`, true);
  if (typeof value !== 'string') return bad(field, `${label} must be typed as text.`);
  if (CONTROL.test(value)) return bad(field, `${label} cannot contain line breaks, tabs or other control characters.`);
  const v = value.trim().toUpperCase();
  if (v.includes('.')) return bad(field, `${label} cannot contain periods.`);
  if (v.includes('/')) return bad(field, `${label} cannot contain slashes.`);
  return ok(v);
}

function then(r: FieldResult, next: (v: string) => FieldResult): FieldResult {
  return r.ok ? next(r.value) : r;
}

function oneOf(codes: readonly string[], field: F, label: string, explain: string) {
  return (value: unknown): FieldResult =>
    then(base(value, field, label), (v) => (codes.includes(v) ? ok(v) : bad(field, `${label} must be ${explain}.`)));
}

const NAME_WORD = /^[A-Z]+(?:['-][A-Z]+)*$/;

/** NAM: `LAST, FIRST MIDDLE SUFFIX`, ≤ 30. Spaces are collapsed; space after the comma is kept as typed. */
export function validateName(value: unknown, field: F = 'nam'): FieldResult {
  return then(base(value, field, 'Name'), (raw) => {
    const v = raw.replace(/ +/g, ' ');
    const shape = 'Name must be written LAST, FIRST MIDDLE SUFFIX, with a comma after the last name';
    if (!/^[A-Z ,'-]+$/.test(v)) {
      return bad(field, "Name can only contain letters A to Z, spaces, one comma, and a hyphen or apostrophe inside a name (such as O'BRIEN or SMITH-JONES).");
    }
    const comma = v.indexOf(',');
    if (comma < 0 || v.indexOf(',', comma + 1) >= 0) return bad(field, `${shape}.`);
    const last = v.slice(0, comma).trim();
    const after = v.slice(comma + 1);
    const rest = after.trim();
    if (last === '') return bad(field, `${shape}: the last name is missing.`);
    if (rest === '') return bad(field, `${shape}: the first name is missing after the comma.`);
    for (const word of [...last.split(' '), ...rest.split(' ')]) {
      if (!NAME_WORD.test(word)) {
        return bad(field, `Name part "${word}" is not valid: a hyphen or apostrophe must sit between letters (such as O'BRIEN or SMITH-JONES).`);
      }
    }
    const normalized = `${last},${after.startsWith(' ') ? ' ' : ''}${rest}`;
    if (normalized.length > 30) return bad(field, 'Name must be 30 characters or fewer (including spaces and the comma).');
    return ok(normalized);
  });
}

/** CCYYMMDD, a real Gregorian date strictly before `today` (CCYYMMDD). */
export function validatePastDate(value: unknown, today: string, field: F = 'dob', label = 'Date of birth'): FieldResult {
  return then(base(value, field, label), (v) => {
    const rule = `${label} must be a real date in the form CCYYMMDD, before today`;
    if (!/^[0-9]{8}$/.test(v)) return bad(field, `${rule} (for example 19751231).`);
    if (!isRealDate(v)) return bad(field, `${rule}: ${v} is not on the calendar.`);
    if (v >= today) return bad(field, `${rule}: ${v} is not before today.`);
    return ok(v);
  });
}

export const validateSex = oneOf(SEX_CODES, 'sex', 'Sex', 'M (male), F (female), X (not specified) or U (unknown)');
export const validateRace = oneOf(RACE_CODES, 'rac', 'Race', 'A (Asian/Pacific Islander), B (Black), I (American Indian/Alaskan Native), W (White) or U (unknown)');

/** LIC: ≤ 8 letters and numbers, no spaces or hyphens, never UNK. */
export function validatePlate(value: unknown, field: F = 'lic'): FieldResult {
  return then(base(value, field, 'Plate number'), (v) => {
    if (/[ -]/.test(v)) return bad(field, 'Plate number cannot contain spaces or hyphens: type it as one run of letters and numbers (for example 7ABC123).');
    if (!ALNUM.test(v)) return bad(field, 'Plate number can only contain letters and numbers.');
    if (v.length > 8) return bad(field, 'Plate number must be 8 characters or fewer.');
    if (v === 'UNK') return bad(field, 'Plate number UNK (unknown) cannot be searched: search by VIN instead.');
    return ok(v);
  });
}

/** LIS, OLS, Nlets destinations: an NCIC state or province code. */
export function validateState(value: unknown, field: F, label: string): FieldResult {
  return then(base(value, field, label), (v) =>
    STATE_CODES.has(v) ? ok(v) : bad(field, `${label} must be a 2-letter state or province code (for example CA or NV).`),
  );
}

/** LIY: plate year CCYY (1900 to 10 years ahead) or NX for a non-expiring plate. */
export function validatePlateYear(value: unknown, today: string, field: F = 'liy'): FieldResult {
  return then(base(value, field, 'Plate year'), (v) => {
    if (v === 'NX') return ok(v);
    const max = Number(today.slice(0, 4)) + 10;
    if (/^[0-9]{4}$/.test(v) && Number(v) >= 1900 && Number(v) <= max) return ok(v);
    return bad(field, 'Plate year must be a four-digit year (CCYY, such as 2026) or NX for a non-expiring plate.');
  });
}

export function validatePlateType(value: unknown, field: F = 'lit'): FieldResult {
  return then(base(value, field, 'Plate type'), (v) =>
    v in PLATE_TYPE_DESCRIPTIONS ? ok(v) : bad(field, 'Plate type must be an NCIC plate type code such as PC (passenger), CO (commercial), MC (motorcycle), TK (truck) or TL (trailer).'),
  );
}

/** VIN: ≤ 20 letters and numbers; a 17-character VIN has no I, O or Q. A wrong check digit only warns. */
export function validateVin(value: unknown, field: F = 'vin'): FieldResult {
  return then(base(value, field, 'VIN'), (v) => {
    if (/[ -]/.test(v)) return bad(field, 'VIN cannot contain spaces or hyphens.');
    if (!ALNUM.test(v)) return bad(field, 'VIN can only contain letters and numbers.');
    if (v.length > 20) return bad(field, 'VIN must be 20 characters or fewer.');
    if (v.length === 17) {
      if (/[IOQ]/.test(v)) return bad(field, 'A 17-character VIN never contains the letters I, O or Q: check for the numbers 1 and 0.');
      if (!vinCheckDigitMatches(v)) {
        return ok(v, ['The VIN check digit (9th character) does not match the rest of the VIN. Check the VIN; some older or foreign VINs do not use a check digit.']);
      }
    }
    return ok(v);
  });
}

export function validateVehicleMake(value: unknown, field: F = 'vma'): FieldResult {
  return then(base(value, field, 'Vehicle make'), (v) =>
    /^[A-Z0-9]{2,4}$/.test(v) ? ok(v) : bad(field, 'Vehicle make must be the NCIC make code, 2 to 4 letters (for example FORD or TOYT).'),
  );
}

/** OLN: ≤ 20 letters and numbers, not all zeros. */
export function validateOln(value: unknown, field: F = 'oln'): FieldResult {
  return then(base(value, field, 'Licence number'), (v) => {
    if (/[ -]/.test(v)) return bad(field, 'Licence number cannot contain spaces or hyphens.');
    if (!ALNUM.test(v)) return bad(field, 'Licence number can only contain letters and numbers.');
    if (v.length > 20) return bad(field, 'Licence number must be 20 characters or fewer.');
    if (/^0+$/.test(v)) return bad(field, 'Licence number cannot be all zeros.');
    return ok(v);
  });
}

/** ORI: exactly 9 characters, a 2-letter state prefix then 7 letters or numbers. */
export function validateOri(value: unknown, field: F = 'ori', label = 'ORI'): FieldResult {
  return then(base(value, field, label), (v) =>
    /^[A-Z]{2}[A-Z0-9]{7}$/.test(v)
      ? ok(v)
      : bad(field, `${label} must be exactly 9 characters: a 2-letter state code then 7 letters or numbers (for example CA0340000).`),
  );
}

/** SOC: 9 digits (hyphens in the 123-45-6789 pattern are removed); never area 000, 666 or 900–999,
 *  group 00 or serial 0000. */
export function validateSoc(value: unknown, field: F = 'soc'): FieldResult {
  return then(base(value, field, 'Social security number'), (raw) => {
    const v = /^[0-9]{3}-[0-9]{2}-[0-9]{4}$/.test(raw) ? raw.replace(/-/g, '') : raw;
    if (!/^[0-9]{9}$/.test(v)) return bad(field, 'Social security number must be 9 digits.');
    const area = v.slice(0, 3);
    if (area === '000' || area === '666' || area.startsWith('9') || v.slice(3, 5) === '00' || v.slice(5) === '0000') {
      return bad(field, 'Social security number is not a number the Social Security Administration issues: check it.');
    }
    return ok(v);
  });
}

function idRule(field: F, label: string, min: number, max: number) {
  return (value: unknown): FieldResult =>
    then(base(value, field, label), (v) => {
      if (!ALNUM.test(v)) return bad(field, `${label} can only contain letters and numbers, no spaces or hyphens.`);
      if (v.length < min || v.length > max) {
        return bad(field, min === max ? `${label} must be exactly ${min} characters.` : min === 1 ? `${label} must be ${max} characters or fewer.` : `${label} must be ${min} to ${max} characters.`);
      }
      return ok(v);
    });
}

export const validateFbi = idRule('fbi', 'FBI number', 1, 9);
export const validateSid = idRule('sid', 'State ID (SID)', 3, 10);
export const validateCii = idRule('cii', 'CII number', 8, 11);

/** OCA: agency case number, ≤ 20 letters, numbers and hyphens. */
export function validateOca(value: unknown, field: F = 'oca'): FieldResult {
  return then(base(value, field, 'Case number (OCA)'), (v) =>
    /^[A-Z0-9-]{1,20}$/.test(v) ? ok(v) : bad(field, 'Case number (OCA) must be 20 characters or fewer: letters, numbers and hyphens only.'),
  );
}

/** NIC: NCIC control number, a letter then 9 digits. */
export function validateNic(value: unknown, field: F = 'nic'): FieldResult {
  return then(base(value, field, 'NCIC number (NIC)'), (v) =>
    /^[A-Z][0-9]{9}$/.test(v) ? ok(v) : bad(field, 'NCIC number (NIC) must be a letter followed by 9 digits (for example W123456789).'),
  );
}

/** ATN: the requester, ≤ 30. Spaces are collapsed. */
export function validateAttention(value: unknown, field: F = 'attention'): FieldResult {
  return then(base(value, field, 'Attention (the requester)'), (raw) => {
    const v = raw.replace(/ +/g, ' ');
    if (!/^[A-Z0-9 #,'&-]+$/.test(v)) return bad(field, "Attention (the requester) can only contain letters, numbers, spaces and - # , ' &.");
    if (v.length > 30) return bad(field, 'Attention (the requester) must be 30 characters or fewer.');
    return ok(v);
  });
}

/** PUR: III purpose code; R is FBI only and refused. */
export function validatePurpose(value: unknown, field: F = 'purpose'): FieldResult {
  return then(base(value, field, 'Purpose code'), (v) => {
    if (v === 'R') return bad(field, 'Purpose code R is for FBI use only and cannot be used by state or local agencies.');
    if (!(III_PURPOSE_CODES as readonly string[]).includes(v)) {
      return bad(field, 'Purpose code must be one of A, C, D, F, H, I, J, S, V or X.');
    }
    return ok(v);
  });
}

export const validateCaPurpose = oneOf(CA_PURPOSE_CODES, 'requestPurpose', 'California request purpose', 'C (criminal justice), I (immigration enforcement) or U (Title 8)');
export const validateRecordType = oneOf(RECORD_TYPE_CODES, 'rty', 'Record type', 'one of W, M, P, V, L, G, A, B or S');
export const validateRequestNumber = oneOf(REQUEST_NUMBERS, 'rno', 'Request number', '1, 2 or 3 (first, second or third request)');
export const validatePriority = oneOf(PRIORITY_CODES, 'pri', 'Priority', 'U (urgent, 10 minutes) or R (routine, 1 hour)');

/** `*CTRL.` control field: 1–10 letters and numbers. */
export function validateControl(value: unknown, field: F = 'control'): FieldResult {
  return then(base(value, field, 'Control field'), (v) =>
    /^[A-Z0-9]{1,10}$/.test(v) ? ok(v) : bad(field, 'Control field must be 1 to 10 letters and numbers.'),
  );
}

export const MAX_ADMIN_TEXT = 2000;

/** Drops trailing characters found in `chars` (a loop, not a regex: `/x+$/` is quadratic). */
function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s.charAt(end - 1))) end--;
  return s.slice(0, end);
}

/** AM free text: printable characters and line breaks, ≤ 2000. CRLF becomes LF; trailing spaces on
 *  each line, trailing blank lines and trailing periods are dropped (a message never ends in a period). */
export function validateAdminText(value: unknown, field: F = 'text'): FieldResult {
  if (isBlank(value)) return bad(field, 'Message text is required.', true);
  if (typeof value !== 'string') return bad(field, 'Message text must be typed as text.');
  if (value.length > MAX_ADMIN_TEXT * 2) return bad(field, `Message text must be ${MAX_ADMIN_TEXT} characters or fewer.`);
  const lines = value.replace(/\r\n/g, '\n').split('\n').map((l) => trimEndChars(l, ' '));
  const v = trimEndChars(lines.join('\n'), ' \n.').replace(/^\n+/, '');
  if (!/^[\x20-\x7e\n]*$/.test(v)) {
    return bad(field, 'Message text can only contain letters, numbers, punctuation, spaces and line breaks (no tabs, no accented letters).');
  }
  if (v === '') return bad(field, 'Message text is required.', true);
  if (v.length > MAX_ADMIN_TEXT) return bad(field, `Message text must be ${MAX_ADMIN_TEXT} characters or fewer.`);
  return ok(v);
}
