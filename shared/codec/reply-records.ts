// Record sections of replies: typed records ↔ blocks (`MKE/<NAME>` + fields). Shared by
// formatReply and decodeReply so both sides agree on block names, field codes and nesting.

import { CodecError } from './errors';
import { FIELD_CODE } from './escape';
import {
  ARREST_CODES,
  BLOCK_NAMES,
  CHARGE_CODES,
  CUSTODY_CODES,
  DISPOSITION_CODES,
  LICENCE_CODES,
  PERSON_CATEGORIES,
  PERSON_CODES,
  PROBATION_CODES,
  RAP_SUBJECT_CODES,
  REGISTRATION_CODES,
  VEHICLE_CATEGORIES,
  VEHICLE_CODES,
  type Arrest,
  type Charge,
  type HitRecord,
  type PersonCategory,
  type RapSheetRecord,
  type ReplyField,
  type VehicleCategory,
} from './types';

export interface Block {
  name: string;
  fields: ReplyField[];
}

export interface Section<C extends readonly string[]> {
  fields: Partial<Record<C[number], string>>;
  extra: ReplyField[];
}

/** Decoding: the first field with a known code fills `fields`; everything else goes to `extra`. */
export function toSection<C extends readonly string[]>(pairs: readonly ReplyField[], codes: C): Section<C> {
  const fields: Record<string, string> = {};
  const extra: ReplyField[] = [];
  for (const p of pairs) {
    if ((codes as readonly string[]).includes(p.code) && !Object.prototype.hasOwnProperty.call(fields, p.code)) {
      fields[p.code] = p.value;
    } else extra.push(p);
  }
  return { fields: fields as Section<C>['fields'], extra };
}

const invalid = (message: string): never => {
  throw new CodecError(`Reply is invalid: ${message}`, [{ field: 'message', message }]);
};

/** Encoding: known fields in table order, then `extra`. Throws CodecError on anything that would
 *  not decode back to the same section. `reserved` codes may not appear at all. */
export function fromSection(
  section: { fields: object; extra: readonly ReplyField[] },
  codes: readonly string[],
  where: string,
  reserved: readonly string[] = [],
): ReplyField[] {
  if (typeof section !== 'object' || section === null) invalid(`${where} is missing`);
  const known = section.fields as Record<string, unknown>;
  if (typeof known !== 'object' || known === null || !Array.isArray(section.extra)) invalid(`${where} needs fields and extra`);
  const out: ReplyField[] = [];
  for (const key of Object.keys(known)) {
    if (!codes.includes(key)) invalid(`${where}: ${key} is not one of its fields (put it in extra)`);
  }
  for (const code of codes) {
    const value = known[code];
    if (value === undefined) continue;
    if (typeof value !== 'string') invalid(`${where}: ${code} is not text`);
    out.push({ code, value: value as string });
  }
  for (const f of section.extra) {
    if (typeof f?.code !== 'string' || typeof f.value !== 'string' || !FIELD_CODE.test(f.code)) {
      invalid(`${where}: extra field code ${JSON.stringify(f?.code)} is not 2 to 4 capital letters or digits`);
    }
    if (f.code === 'MKE' || reserved.includes(f.code)) invalid(`${where}: extra field ${f.code} is reserved`);
    if (codes.includes(f.code) && known[f.code] === undefined) {
      invalid(`${where}: extra field ${f.code} is a known field; set it in fields`);
    }
    out.push({ code: f.code, value: f.value });
  }
  return out;
}

const isIn = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s);

/** The blocks of one hit record, in order. */
export function recordToBlocks(rec: HitRecord): Block[] {
  switch (rec.type) {
    case 'person':
      if (!isIn(PERSON_CATEGORIES, rec.category)) invalid(`person category ${String(rec.category)} is unknown`);
      return [{ name: rec.category, fields: fromSection(rec, PERSON_CODES, rec.category) }];
    case 'vehicle':
      if (!isIn(VEHICLE_CATEGORIES, rec.category)) invalid(`vehicle category ${String(rec.category)} is unknown`);
      return [{ name: rec.category, fields: fromSection(rec, VEHICLE_CODES, rec.category) }];
    case 'licence':
      return [{ name: BLOCK_NAMES.licence, fields: fromSection(rec, LICENCE_CODES, 'driver licence') }];
    case 'registration':
      return [{ name: BLOCK_NAMES.registration, fields: fromSection(rec, REGISTRATION_CODES, 'registration') }];
    case 'rap_sheet': {
      const out: Block[] = [{ name: BLOCK_NAMES.rapSheet, fields: fromSection(rec, RAP_SUBJECT_CODES, 'criminal history') }];
      for (const a of rec.arrests) {
        out.push({ name: BLOCK_NAMES.arrest, fields: fromSection(a, ARREST_CODES, 'arrest') });
        for (const c of a.charges) {
          out.push({ name: BLOCK_NAMES.charge, fields: fromSection(c, CHARGE_CODES, 'charge') });
          for (const d of c.dispositions) out.push({ name: BLOCK_NAMES.disposition, fields: fromSection(d, DISPOSITION_CODES, 'disposition') });
        }
      }
      for (const c of rec.custody) out.push({ name: BLOCK_NAMES.custody, fields: fromSection(c, CUSTODY_CODES, 'custody') });
      for (const p of rec.probation) out.push({ name: BLOCK_NAMES.probation, fields: fromSection(p, PROBATION_CODES, 'probation') });
      return out;
    }
    default:
      return invalid(`record type ${JSON.stringify((rec as { type?: unknown }).type)} is unknown`);
  }
}

/** Rebuilds hit records from blocks. Returns a reason when the blocks are not hit records or are
 *  nested out of order (a CHARGE with no ARREST before it…). */
export function blocksToRecords(blocks: readonly Block[]): HitRecord[] | string {
  const records: HitRecord[] = [];
  let rap: RapSheetRecord | null = null;
  let arrest: Arrest | null = null;
  let charge: Charge | null = null;
  let phase: 'arrests' | 'custody' | 'probation' = 'arrests';
  for (const b of blocks) {
    switch (b.name) {
      case BLOCK_NAMES.arrest:
        if (!rap || phase !== 'arrests') return 'an ARREST section is not inside a criminal history before its custody and probation';
        arrest = { ...toSection(b.fields, ARREST_CODES), charges: [] };
        rap.arrests.push(arrest);
        charge = null;
        break;
      case BLOCK_NAMES.charge:
        if (!arrest) return 'a CHARGE section does not follow an ARREST';
        charge = { ...toSection(b.fields, CHARGE_CODES), dispositions: [] };
        arrest.charges.push(charge);
        break;
      case BLOCK_NAMES.disposition:
        if (!charge) return 'a DISPOSITION section does not follow a CHARGE';
        charge.dispositions.push(toSection(b.fields, DISPOSITION_CODES));
        break;
      case BLOCK_NAMES.custody:
        if (!rap || phase === 'probation') return 'a CUSTODY section is not inside a criminal history before its probation';
        phase = 'custody';
        arrest = charge = null;
        rap.custody.push(toSection(b.fields, CUSTODY_CODES));
        break;
      case BLOCK_NAMES.probation:
        if (!rap) return 'a PROBATION section is not inside a criminal history';
        phase = 'probation';
        arrest = charge = null;
        rap.probation.push(toSection(b.fields, PROBATION_CODES));
        break;
      default: {
        rap = arrest = charge = null;
        phase = 'arrests';
        const rec = topLevelRecord(b);
        if (rec === null) return `"${b.name.slice(0, 40)}" is not a known record section here`;
        if (rec.type === 'rap_sheet') rap = rec;
        records.push(rec);
      }
    }
  }
  return records;
}

function topLevelRecord(b: Block): HitRecord | null {
  if (isIn<PersonCategory>(PERSON_CATEGORIES, b.name)) return { type: 'person', category: b.name, ...toSection(b.fields, PERSON_CODES) };
  if (isIn<VehicleCategory>(VEHICLE_CATEGORIES, b.name)) return { type: 'vehicle', category: b.name, ...toSection(b.fields, VEHICLE_CODES) };
  if (b.name === BLOCK_NAMES.licence) return { type: 'licence', ...toSection(b.fields, LICENCE_CODES) };
  if (b.name === BLOCK_NAMES.registration) return { type: 'registration', ...toSection(b.fields, REGISTRATION_CODES) };
  if (b.name === BLOCK_NAMES.rapSheet) {
    return { type: 'rap_sheet', ...toSection(b.fields, RAP_SUBJECT_CODES), arrests: [], custody: [], probation: [] };
  }
  return null;
}
