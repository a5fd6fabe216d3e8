// fast-check arbitraries for the codec's property tests: VALID inquiries of every kind, reply
// drafts of every kind with hostile free text, and mutations of reply text.

import fc from 'fast-check';
import {
  ARREST_CODES,
  CANDIDATE_CODES,
  CHARGE_CODES,
  CUSTODY_CODES,
  DISPOSITION_CODES,
  HIT_CONFIRMATION_CODES,
  LICENCE_CODES,
  NO_RECORD_REASONS,
  PERSON_CATEGORIES,
  PERSON_CODES,
  PLATE_TYPE_DESCRIPTIONS,
  PROBATION_CODES,
  RAP_SUBJECT_CODES,
  REGISTRATION_CODES,
  STATE_CODES,
  TRAINING_MARKER_LINE,
  UNSOLICITED_CODES,
  VEHICLE_CATEGORIES,
  VEHICLE_CODES,
  type HitRecord,
  type Inquiry,
  type ReplyDraft,
  type ReplyField,
  type ReplyHeader,
} from '../../../shared/codec';

export const TODAY = '20250615';

// ----------------------------------------------------------------------------- inquiry values

const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = '0123456789';
const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength: min, maxLength: max });

const ori = fc.tuple(chars(upper, 2, 2), chars(upper + digits, 7, 7)).map(([a, b]) => a + b);
const state = fc.constantFrom(...STATE_CODES);
const nameWord = fc
  .tuple(chars(upper, 1, 6), fc.option(fc.tuple(fc.constantFrom('-', "'"), chars(upper, 1, 5)), { nil: undefined }))
  .map(([a, tail]) => (tail ? `${a}${tail[0]}${tail[1]}` : a));
const name = fc
  .tuple(fc.array(nameWord, { minLength: 1, maxLength: 2 }), fc.boolean(), fc.array(nameWord, { minLength: 1, maxLength: 3 }))
  .map(([last, space, first]) => `${last.join(' ')},${space ? ' ' : ''}${first.join(' ')}`)
  .filter((n) => n.length <= 30);
/** A real date from 1900-01-01 to the day before TODAY. */
const pastDate = fc.integer({ min: 0, max: 45_820 }).map((days) => {
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
});
const sex = fc.constantFrom('M', 'F', 'X', 'U' as const);
const rac = fc.constantFrom('A', 'B', 'I', 'U', 'W' as const);
const soc = fc
  .tuple(fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([a, g, s]) => `${String(a).padStart(3, '0')}${String(g).padStart(2, '0')}${String(s).padStart(4, '0')}`);
const fbi = chars(upper + digits, 1, 9);
const sid = chars(upper + digits, 3, 10);
const cii = chars(upper + digits, 8, 11);
const oln = chars(upper + digits, 1, 20).filter((s) => !/^0+$/.test(s));
const lic = chars(upper + digits, 1, 8).filter((s) => s !== 'UNK');
const liy = fc.oneof(fc.constant('NX'), fc.integer({ min: 1900, max: 2035 }).map(String));
const lit = fc.constantFrom(...Object.keys(PLATE_TYPE_DESCRIPTIONS));
const vin = fc.oneof(
  chars('ABCDEFGHJKLMNPRSTUVWXYZ' + digits, 17, 17),
  chars(upper + digits, 1, 16),
  chars(upper + digits, 18, 20),
);
const vma = chars(upper + digits, 2, 4);
const oca = chars(upper + digits + '-', 1, 20);
const nic = fc.tuple(chars(upper, 1, 1), chars(digits, 9, 9)).map(([a, b]) => a + b);
const attention = fc
  .array(chars(upper + digits + "#,'&-", 1, 6), { minLength: 1, maxLength: 5 })
  .map((w) => w.join(' '))
  .filter((s) => s.length <= 30);
const purpose = fc.constantFrom('A', 'C', 'D', 'F', 'H', 'I', 'J', 'S', 'V', 'X' as const);
const caPurpose = fc.constantFrom('C', 'I', 'U' as const);
const control = chars(upper + digits, 1, 10);
const states = fc.uniqueArray(state, { minLength: 1, maxLength: 5 });
const adminText = fc
  .array(fc.string({ unit: 'binary-ascii', maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ' ')), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.join('\n'))
  .filter((t) => /[^\s.]/.test(t));

const opt = { requiredKeys: [] as never[] };
const base = fc.record({ ori, control, requestPurpose: caPurpose }, { requiredKeys: ['ori'] });
const hist = fc.record({ purpose, attention });

/** Valid inquiries of every kind (values may still need normalizing, e.g. default RPC). */
export const inquiryArb: fc.Arbitrary<Inquiry> = fc.oneof(
  fc.tuple(base, hist, fc.record({ nam: name }), fc.record({ dob: pastDate, sex, rac }, opt)).map(([b, h, r, o]) => ({ kind: 'ca_history_name' as const, ...b, ...h, ...r, ...o })),
  fc.tuple(base, hist, cii).map(([b, h, c]) => ({ kind: 'ca_history_cii' as const, ...b, ...h, cii: c })),
  fc.tuple(base, hist, fc.record({ nam: name, dob: pastDate, sex }), fc.record({ rac, soc }, opt)).map(([b, h, r, o]) => ({ kind: 'iii_name' as const, ...b, ...h, ...r, ...o })),
  fc.tuple(base, hist, fc.oneof(fbi.map((x) => ({ fbi: x })), sid.map((x) => ({ sid: x })))).map(([b, h, k]) => ({ kind: 'iii_record' as const, ...b, ...h, ...k })),
  fc.tuple(base, fc.oneof(
    fc.tuple(fc.record({ nam: name }), fc.oneof(fc.record({ dob: pastDate, sex, rac }, { requiredKeys: ['dob'] }), fc.record({ sex, rac }, { requiredKeys: ['sex'] }))).map(([a, b]) => ({ ...a, ...b })),
    fc.record({ fbi, soc, oln }, { requiredKeys: ['fbi'] }),
    fc.record({ oln, ols: state }, { requiredKeys: ['oln'] }),
  )).map(([b, s]) => ({ kind: 'wanted_person' as const, ...b, ...s })),
  fc.tuple(base, fc.oneof(fc.record({ lic, lis: state, liy, lit }, { requiredKeys: ['lic', 'lis'] }), fc.record({ vin, vma }, { requiredKeys: ['vin'] }))).map(([b, s]) => ({ kind: 'stolen_vehicle' as const, ...b, ...s })),
  fc.tuple(base, oln).map(([b, o]) => ({ kind: 'dmv_licence_oln' as const, ...b, oln: o })),
  fc.tuple(base, fc.record({ nam: name, dob: pastDate, sex }, { requiredKeys: ['nam', 'dob'] })).map(([b, s]) => ({ kind: 'dmv_licence_name' as const, ...b, ...s })),
  fc.tuple(base, fc.record({ lic, lit }, { requiredKeys: ['lic'] })).map(([b, s]) => ({ kind: 'dmv_registration_plate' as const, ...b, ...s })),
  fc.tuple(base, vin).map(([b, v]) => ({ kind: 'dmv_registration_vin' as const, ...b, vin: v })),
  fc.tuple(base, states, fc.oneof(fc.record({ oln }), fc.record({ nam: name, dob: pastDate, sex }))).map(([b, d, s]) => ({ kind: 'nlets_licence' as const, ...b, destinations: d, ...s })),
  fc.tuple(base, states, fc.oneof(fc.record({ lic, liy, lit }), fc.record({ vin }))).map(([b, d, s]) => ({ kind: 'nlets_registration' as const, ...b, destinations: d, ...s })),
  fc.tuple(base, hist, states, fc.oneof(
    fc.tuple(fc.record({ nam: name, dob: pastDate, sex }), fc.record({ rac, soc }, opt)).map(([a, b]) => ({ ...a, ...b })),
    fc.record({ fbi }),
    fc.record({ sid }),
  )).map(([b, h, d, s]) => ({ kind: 'nlets_history_index' as const, ...b, ...h, destinations: d, ...s })),
  fc.tuple(base, hist, states, fc.oneof(fc.record({ fbi }), fc.record({ sid }))).map(([b, h, d, s]) => ({ kind: 'nlets_history_record' as const, ...b, ...h, destinations: d, ...s })),
  fc.tuple(
    fc.record({ ori, control }, { requiredKeys: ['ori'] }),
    fc.uniqueArray(ori, { minLength: 1, maxLength: 3 }),
    fc.record({ rty: fc.constantFrom('W', 'M', 'P', 'V', 'L', 'G', 'A', 'B', 'S' as const), rno: fc.constantFrom('1', '2', '3' as const), pri: fc.constantFrom('U', 'R' as const), oca, nic }),
    fc.record({ attention }, opt),
  ).map(([b, d, r, o]) => ({ kind: 'hit_confirmation_request' as const, ...b, destinations: d, ...r, ...o })),
  fc.tuple(fc.record({ ori, control }, { requiredKeys: ['ori'] }), fc.uniqueArray(ori, { minLength: 1, maxLength: 5 }), adminText).map(([b, d, t]) => ({ kind: 'admin_message' as const, ...b, destinations: d, text: t })),
);

// ----------------------------------------------------------------------------- reply values

/** Text built to attack the reply format: markup, control characters, lookalike fields and
 *  markers, escapes, lone surrogates, bidi overrides, mixed with arbitrary Unicode. */
export const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>', '\u0000', '\u001b[31m', 'NOT ON FILE', 'MKE/WANTED PERSON', ' MKE/NO RECORD', '\n', '\r\n', '\r',
  ' NAM/X', 'NAM/X', '/', '//', '\\', '\\u0020', '\\/', ' ', '  ', 'ORIGINAL MESSAGE', '\nORIGINAL MESSAGE\n', 'WARNING-',
  TRAINING_MARKER_LINE, '\n' + TRAINING_MARKER_LINE, '\uD800', '\uDC00', '\u202E', '\u2028', '\uFEFF', '\u0085', 'TXT', '.22. ', '$.H',
  'RSN/NOT ON FILE', 'CON/Y', '\t',
];
export const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 8 })
  .map((parts) => parts.join(''));

const codeArb = fc.tuple(chars(upper, 1, 1), chars(upper + digits, 1, 3)).map(([a, b]) => a + b);
const extraArb = (exclude: readonly string[]) =>
  fc.array(fc.record({ code: codeArb.filter((c) => c !== 'MKE' && !exclude.includes(c)), value: hostileText }), { maxLength: 3 });
const fieldsArb = <C extends readonly string[]>(codes: C) =>
  fc.record(Object.fromEntries(codes.map((c) => [c, hostileText])) as Record<C[number], fc.Arbitrary<string>>, opt) as fc.Arbitrary<Partial<Record<C[number], string>>>;
const section = <C extends readonly string[]>(codes: C, exclude: readonly string[] = []) =>
  fc.record({ fields: fieldsArb(codes), extra: extraArb([...codes, ...exclude]) });

const small = { maxLength: 2 };
const recordArb: fc.Arbitrary<HitRecord> = fc.oneof(
  fc.tuple(fc.constantFrom(...PERSON_CATEGORIES), section(PERSON_CODES)).map(([category, s]) => ({ type: 'person' as const, category, ...s })),
  fc.tuple(fc.constantFrom(...VEHICLE_CATEGORIES), section(VEHICLE_CODES)).map(([category, s]) => ({ type: 'vehicle' as const, category, ...s })),
  section(LICENCE_CODES).map((s) => ({ type: 'licence' as const, ...s })),
  section(REGISTRATION_CODES).map((s) => ({ type: 'registration' as const, ...s })),
  fc.record({
    subject: section(RAP_SUBJECT_CODES),
    arrests: fc.array(fc.record({
      s: section(ARREST_CODES),
      charges: fc.array(fc.record({ s: section(CHARGE_CODES), dispositions: fc.array(section(DISPOSITION_CODES), small) }), small),
    }), small),
    custody: fc.array(section(CUSTODY_CODES), small),
    probation: fc.array(section(PROBATION_CODES), small),
  }).map((r) => ({
    type: 'rap_sheet' as const,
    ...r.subject,
    arrests: r.arrests.map((a) => ({ ...a.s, charges: a.charges.map((c) => ({ ...c.s, dispositions: c.dispositions })) })),
    custody: r.custody,
    probation: r.probation,
  })),
);

const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const stamp = fc.record({
  time: fc.tuple(two(0, 23), two(0, 59)).map(([h, m]) => `${h}:${m}`),
  date: pastDate.map((d) => `${d.slice(4, 6)}/${d.slice(6, 8)}/${d.slice(0, 4)}`),
  seq: chars(digits, 1, 10),
});
const headerArb = (mke: fc.Arbitrary<string>): fc.Arbitrary<ReplyHeader> =>
  fc.record({ mke, senderOri: ori, switchStamp: stamp, destStamp: stamp, destOri: ori });
const queryMke = fc.constantFrom('IW.QW', 'IA.QV', 'IH.QH', 'IH.R.QR', 'ID.L1', 'IV.4L', 'DR', 'RR', 'IR', 'FR');
const caveat = hostileText.map((t) => `WARNING-${t}`);
const echo: fc.Arbitrary<ReplyField[]> = extraArb(['RSN']);
const candidate = fc
  .tuple(section(CANDIDATE_CODES), fc.constantFrom('FBI', 'SID', 'CII' as const), chars(upper + digits, 1, 9))
  .map(([s, code, id]) => ({ ...s, fields: { ...s.fields, [code]: id } }));

/** Reply drafts of every kind, with hostile free text in every value. */
export const replyDraftArb: fc.Arbitrary<ReplyDraft> = fc.oneof(
  fc.record({ kind: fc.constant('hit' as const), header: headerArb(queryMke), training: fc.boolean(), caveat, records: fc.array(recordArb, { minLength: 1, maxLength: 3 }) }, { requiredKeys: ['kind', 'header', 'training', 'records'] }),
  fc.record({ kind: fc.constant('no_record' as const), header: headerArb(queryMke), training: fc.boolean(), reason: fc.constantFrom(...NO_RECORD_REASONS), echo }),
  fc.record({ kind: fc.constant('candidates' as const), header: headerArb(queryMke), training: fc.boolean(), candidates: fc.array(candidate, { minLength: 1, maxLength: 3 }) }),
  fc.tuple(headerArb(fc.constant('YR')), fc.boolean(), fc.boolean(), section(HIT_CONFIRMATION_CODES, ['CON'])).map(([header, training, confirmed, s]) => ({ kind: 'hit_confirmation' as const, header, training, confirmed, ...s })),
  fc.record({ kind: fc.constant('admin' as const), header: headerArb(fc.constant('AM')), training: fc.boolean(), text: hostileText }),
  fc.record({ kind: fc.constant('error' as const), header: headerArb(fc.constant('ER')), training: fc.boolean(), code: chars(digits, 2, 2), text: hostileText, details: fc.array(hostileText, { maxLength: 3 }), originalMessage: hostileText }, { requiredKeys: ['kind', 'header', 'training', 'code', 'text', 'details'] }),
  fc.constantFrom(...UNSOLICITED_CODES).chain((code) =>
    fc.record({ kind: fc.constant('unsolicited' as const), header: headerArb(fc.constant(`$.${code}`)), training: fc.boolean(), code: fc.constant(code), caveat, text: hostileText, records: fc.array(recordArb, { maxLength: 2 }) }, { requiredKeys: ['kind', 'header', 'training', 'code', 'records'] }),
  ),
);

// ----------------------------------------------------------------------------- mutations

export type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; text: string }
  | { op: 'duplicateLine'; at: number }
  | { op: 'truncate'; at: number };

const anyChars = fc.oneof(fc.constantFrom('/', '\\', '\n', ' ', '.', 'MKE/', 'WARNING-', '\\u00', 'X'), fc.string({ unit: 'binary', maxLength: 4 }));
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: anyChars }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), text: anyChars }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(at + m.text.length);
    case 'duplicateLine': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, at);
  }
}
