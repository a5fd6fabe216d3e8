// What an inquiry is about, in the fewest words: the subject keys the audit trail keeps (AU-3(3): at most
// four of NAM DOB SEX OLN LIC LIS VIN CII FBI SID, never an SSN or address) and the one-line subject the
// operator's list shows. Pure: the main process records with it, the renderer shows the same line.

/** Subject keys in the order they are kept (the first four present win). */
export const SUBJECT_KEY_ORDER = ['NAM', 'DOB', 'SEX', 'OLN', 'LIC', 'LIS', 'VIN', 'CII', 'FBI', 'SID'] as const;
export type SubjectKey = (typeof SUBJECT_KEY_ORDER)[number];

export const MAX_SUBJECT_KEYS = 4;
export const MAX_SUBJECT_KEY_VALUE = 40;
export const MAX_SUBJECT_LINE = 160;

/** Form fields as typed (the codec's lower-case property names). */
export type SubjectFields = Partial<Record<string, string | undefined>>;

const NO_CONTROL = /\p{Cc}/gu;

function clean(value: string | undefined, max: number): string {
  return (value ?? '').replace(NO_CONTROL, '').trim().replace(/\s+/g, ' ').toUpperCase().slice(0, max).trim();
}

/** At most four subject keys from the fields, in SUBJECT_KEY_ORDER; empty values are left out. */
export function subjectKeysOf(fields: SubjectFields): Partial<Record<SubjectKey, string>> {
  const keys: Partial<Record<SubjectKey, string>> = {};
  let n = 0;
  for (const key of SUBJECT_KEY_ORDER) {
    if (n >= MAX_SUBJECT_KEYS) break;
    const value = clean(fields[key.toLowerCase()], MAX_SUBJECT_KEY_VALUE);
    if (value === '') continue;
    keys[key] = value;
    n += 1;
  }
  return keys;
}

/** `19800115` → `1980-01-15`; anything else as typed. */
function showDate(value: string): string {
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value;
}

/**
 * One line naming the subject as asked, e.g. "DOE, JOHN · 1980-01-15 · M", "Plate 1TRN001 CA",
 * "VIN 1HGFC2F52KA000001", "OLN T0000003", "CII T00000002". "Subject not given" when nothing is.
 */
export function subjectLineOf(fields: SubjectFields): string {
  const f = (name: string) => clean(fields[name], 80);
  const parts: string[] = [];
  if (f('nam') !== '') {
    parts.push(f('nam'));
    if (f('dob') !== '') parts.push(showDate(f('dob')));
    if (f('sex') !== '') parts.push(f('sex'));
  }
  if (f('lic') !== '') parts.push(`Plate ${f('lic')}${f('lis') !== '' ? ` ${f('lis')}` : ''}`);
  if (f('vin') !== '') parts.push(`VIN ${f('vin')}`);
  if (f('oln') !== '') parts.push(`OLN ${f('oln')}${f('ols') !== '' ? ` ${f('ols')}` : ''}`);
  for (const [name, label] of [
    ['cii', 'CII'],
    ['fbi', 'FBI'],
    ['sid', 'SID'],
  ] as const) {
    if (f(name) !== '') parts.push(`${label} ${f(name)}`);
  }
  const line = parts.join(' · ');
  return line === '' ? 'Subject not given' : line.slice(0, MAX_SUBJECT_LINE);
}
