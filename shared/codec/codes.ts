// Code tables and their plain-English descriptions, for validation and for the UI.

import type {
  CaPurposeCode,
  ErCode,
  IIIPurposeCode,
  NoRecordReason,
  PriorityCode,
  RecordTypeCode,
  UnsolicitedCode,
} from './types';

/** Nlets ER codes, as a clerk should read them. */
export const ER_CODE_DESCRIPTIONS: Readonly<Record<ErCode, string>> = {
  '01': 'The message header is invalid (message key, sending ORI or destinations).',
  '02': 'This message type is not allowed to that destination.',
  '03': 'The message has no TXT marker, so the switch could not find its text.',
  '05': 'The date of birth is invalid or missing.',
  '10': 'A year field is invalid (for example the plate year).',
  '14': 'Required fields are missing.',
  '16': 'The attention field (ATN, the requester) is invalid or missing.',
  '19': 'One or more destination ORIs or state codes are invalid.',
  '22': 'The message format is invalid for this message key.',
};

/** Description of any ER code, including ones the table does not know. */
export function describeErCode(code: string): string {
  return (ER_CODE_DESCRIPTIONS as Readonly<Record<string, string>>)[code] ?? `Switch error .${code}. (no description available).`;
}

/** `$.` unsolicited switch messages. */
export const UNSOLICITED_DESCRIPTIONS: Readonly<Record<UnsolicitedCode, string>> = {
  '1': 'All files are out of service.',
  '2': 'The hot files are back in service.',
  '3': 'Transmission error: the last message may not have been received. Send it again if no reply arrives.',
  A: 'Administrative message from the switch.',
  H: 'Delayed hit: a record entered after an earlier inquiry matches it.',
  L: 'Locate: a record your agency entered has been located by another agency.',
  P: 'Purge: a record has been removed from the file.',
};

/** III purpose codes (requirements.md Q2). */
export const PURPOSE_DESCRIPTIONS: Readonly<Record<IIIPurposeCode, string>> = {
  A: 'Administrative',
  C: 'Criminal justice',
  D: 'Domestic violence and stalking',
  F: 'Firearms',
  H: 'Public housing',
  I: 'Interstate licensing and employment',
  J: 'Criminal justice employment',
  R: 'FBI only (not allowed for state and local agencies)',
  S: 'National security',
  V: 'Visa',
  X: 'Exigent circumstances / caregiver',
};

/** California request purpose codes. */
export const CA_PURPOSE_DESCRIPTIONS: Readonly<Record<CaPurposeCode, string>> = {
  C: 'Criminal justice',
  I: 'Immigration enforcement',
  U: 'Title 8',
};

export const NO_RECORD_DESCRIPTIONS: Readonly<Record<NoRecordReason, string>> = {
  'NOT ON FILE': 'No matching record was found.',
  'FILE NOT AVAILABLE': 'The file could not be searched. This is NOT a "no record" answer.',
  'TEMPORARILY UNAVAILABLE': 'The file is temporarily unavailable and was not searched. Try again later.',
};

export const RECORD_TYPE_DESCRIPTIONS: Readonly<Record<RecordTypeCode, string>> = {
  W: 'Wanted person',
  M: 'Missing person',
  P: 'Protection order',
  V: 'Vehicle',
  L: 'Licence plate',
  G: 'Gun',
  A: 'Article',
  B: 'Boat',
  S: 'Securities',
};

export const PRIORITY_DESCRIPTIONS: Readonly<Record<PriorityCode, string>> = {
  U: 'Urgent: answer within 10 minutes',
  R: 'Routine: answer within 1 hour',
};

/** NCIC licence plate type codes accepted in LIT (a common subset). */
export const PLATE_TYPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  PC: 'Passenger car',
  CO: 'Commercial',
  MC: 'Motorcycle',
  TK: 'Truck',
  TL: 'Trailer',
  AP: 'Apportioned',
  AM: 'Amateur radio',
  BU: 'Bus',
  CC: 'Consular corps',
  CI: 'City',
  DL: 'Dealer',
  DV: 'Disabled veteran',
  DX: 'Disabled person',
  FM: 'Farm',
  GV: 'Government',
  IT: 'In transit',
  LE: 'Law enforcement',
  RV: 'Recreational vehicle',
  ST: 'State',
  TX: 'Taxi',
};

/** NCIC state and province codes accepted for LIS, OLS and Nlets destinations. */
export const STATE_CODES: ReadonlySet<string> = new Set([
  // US states and DC
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
  // territories
  'AS', 'GU', 'MP', 'PR', 'VI',
  // Canadian provinces and territories (NCIC codes)
  'AB', 'BC', 'MB', 'NB', 'NF', 'NS', 'NT', 'NU', 'ON', 'PE', 'PQ', 'SK', 'YT',
]);
