// The synthetic data set: deterministic from its seed, big enough, findable, and salted with
// hostile strings that tests can look up one by one.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  validateCii,
  validateFbi,
  validateName,
  validateNic,
  validateOln,
  validatePlate,
  validateVin,
  vinCheckDigitMatches,
} from '../../../shared/codec';
import {
  createDataset,
  DEFAULT_SEED,
  FIXED_PERSON_KEYS,
  FIXED_VEHICLE_KEYS,
  HOSTILE_PAYLOADS,
  hostileRecords,
  parseName,
  type Dataset,
} from '../../../switch/dataset';

let ds: Dataset;

beforeAll(() => {
  ds = createDataset();
});

/** A digest of sampled full records, to compare data sets. */
function digest(d: Dataset, step = 997): string {
  const h = createHash('sha256');
  for (let id = 0; id < d.personCount; id += step) h.update(JSON.stringify(d.person(id)));
  for (let id = 0; id < d.vehicleCount; id += step) h.update(JSON.stringify(d.vehicle(id)));
  return h.digest('hex');
}

describe('size and speed', () => {
  it('has at least 100,000 persons and 100,000 vehicles', () => {
    expect(ds.personCount).toBeGreaterThanOrEqual(100_000);
    expect(ds.vehicleCount).toBeGreaterThanOrEqual(100_000);
    const counts = ds.counts();
    expect(counts.wanted).toBeGreaterThan(1_000);
    expect(counts.records).toBeGreaterThan(10_000);
    expect(counts.stolen).toBeGreaterThan(1_000);
    expect(counts.confidential).toBeGreaterThan(100);
  });

  it('builds quickly (the full records are generated on demand)', () => {
    // Aim: well under 2 s (about 0.15 s measured on the 2-core dev machine); generous for a busy CI.
    expect(ds.buildMs).toBeLessThan(5_000);
  });
});

describe('determinism', () => {
  it('gives the same records for the same seed', () => {
    const again = createDataset({ seed: DEFAULT_SEED });
    expect(digest(again)).toBe(digest(ds));
    for (const id of [0, 5, 17, 12_345, 99_999, ds.personCount - 1]) expect(again.person(id)).toEqual(ds.person(id));
    for (const id of [0, 6, 7, 5_555, ds.vehicleCount - 1]) expect(again.vehicle(id)).toEqual(ds.vehicle(id));
  });

  it('gives the same record every time it is asked for', () => {
    expect(ds.person(4242)).toEqual(ds.person(4242));
    expect(ds.vehicle(4242)).toEqual(ds.vehicle(4242));
  });

  it('gives different generated records for a different seed, and the same fixed subjects', () => {
    const other = createDataset({ seed: 1234 });
    expect(digest(other)).not.toBe(digest(ds));
    expect(other.fixedSubjects()).toEqual(ds.fixedSubjects());
  });

  it('does not depend on the machine: golden values of the default seed', () => {
    // 32-bit integer arithmetic only; these values must never change (trainers' notes refer to them).
    const p = ds.person(12_345);
    expect([p.name, p.dob, p.sex, p.licence?.oln]).toEqual(['WOLF, MARY R', '20060629', 'F', 'Q5879182']);
    const v = ds.vehicle(5_555);
    expect([v.plate, v.plateState, v.vin, v.make]).toEqual(['9SBF165', 'CA', '1HGD3B232LR745636', 'HOND']);
  });
});

describe('identifiers', () => {
  it('are valid for the codec and unique', () => {
    const olns = new Set<string>();
    const plates = new Set<string>();
    const vins = new Set<string>();
    for (let id = 0; id < 20_000; id++) {
      const p = ds.person(id);
      expect(validateName(p.name).ok, p.name).toBe(true);
      if (p.licence) {
        expect(validateOln(p.licence.oln).ok).toBe(true);
        olns.add(p.licence.oln);
      }
      if (p.cii) expect(validateCii(p.cii).ok).toBe(true);
      if (p.fbi) expect(validateFbi(p.fbi).ok).toBe(true);
      for (const w of p.wants) expect(validateNic(w.nic).ok).toBe(true);
      const v = ds.vehicle(id);
      expect(validatePlate(v.plate).ok).toBe(true);
      const vin = validateVin(v.vin);
      expect(vin.ok && !vin.warnings, v.vin).toBe(true);
      expect(v.vin).toHaveLength(17);
      expect(vinCheckDigitMatches(v.vin)).toBe(true);
      if (v.stolen) expect(validateNic(v.stolen.nic).ok).toBe(true);
      plates.add(`${v.plateState}:${v.plate}`);
      vins.add(v.vin);
    }
    expect(plates.size).toBe(20_000);
    expect(vins.size).toBe(20_000);
    expect(olns.size).toBe([...Array(20_000).keys()].filter((id) => ds.hasLicence(id)).length);
  });

  it('dates of birth are real dates in the past; owners exist', () => {
    for (let id = 0; id < ds.personCount; id += 101) {
      const dob = ds.person(id).dob;
      const d = new Date(Date.UTC(+dob.slice(0, 4), +dob.slice(4, 6) - 1, +dob.slice(6, 8)));
      expect(d.toISOString().slice(0, 10).replace(/-/g, '')).toBe(dob);
      expect(dob < '20260101').toBe(true);
    }
    for (let id = 0; id < ds.vehicleCount; id += 101) {
      const owner = ds.vehicle(id).ownerId;
      expect(owner).toBeGreaterThanOrEqual(0);
      expect(owner).toBeLessThan(ds.personCount);
      expect(ds.vehiclesOwnedBy(owner)).toContain(id);
    }
  });
});

describe('lookups', () => {
  it('find every sampled record by each of its identifiers', () => {
    for (let id = ds.fixedPersonCount; id < ds.personCount; id += 37) {
      const p = ds.person(id);
      expect(ds.findPersonsByName(p.name, { dob: p.dob })).toContain(id);
      expect(ds.findPersonsByName(`${p.last},${p.first}`, { sex: p.sex, race: p.race })).toContain(id);
      if (p.licence) expect(ds.findPersonByOln(p.licence.oln)).toBe(id);
      else expect(p.licence).toBeNull();
      if (p.cii) {
        expect(ds.findPersonByCii(p.cii)).toBe(id);
        expect(ds.findPersonBySid(`CA${p.cii.slice(1)}`)).toBe(id);
      }
      if (p.fbi) expect(ds.findPersonByFbi(p.fbi)).toBe(id);
      for (const w of p.wants) expect(ds.findByNic(w.nic)).toMatchObject({ kind: 'person', id });
    }
    for (let id = ds.fixedVehicleCount; id < ds.vehicleCount; id += 37) {
      const v = ds.vehicle(id);
      expect(ds.findVehiclesByPlate(v.plate, v.plateState)).toEqual([id]);
      expect(ds.findVehiclesByPlate(v.plate)).toEqual([id]);
      expect(ds.findVehicleByVin(v.vin)).toBe(id);
      if (v.stolen) expect(ds.findByNic(v.stolen.nic)).toMatchObject({ kind: 'vehicle', id });
    }
  });

  it('find nothing for identifiers nobody holds', () => {
    expect(ds.findPersonByOln('T9999999')).toBeNull();
    expect(ds.findPersonByOln('NOTANOLN')).toBeNull();
    expect(ds.findPersonByCii('X12345678')).toBeNull();
    expect(ds.findPersonByFbi('ZZZ')).toBeNull();
    expect(ds.findVehiclesByPlate('1ZZZ999')).toEqual([]);
    expect(ds.findVehiclesByPlate('UNKNOWN1')).toEqual([]);
    expect(ds.findVehicleByVin('1HGCM82633A004352')).toBeNull();
    expect(ds.findByNic('W999999999')).toBeNull();
    expect(ds.findPersonsByName('NOBODY, NEVER')).toEqual([]);
    expect(ds.findPersonsByName('no comma')).toEqual([]);
  });

  it('a record without a licence, record or want is not found by those numbers', () => {
    const noLicence = [...Array(2_000).keys()].map((i) => i + ds.fixedPersonCount).find((id) => !ds.hasLicence(id))!;
    const p = ds.person(noLicence);
    expect(p.licence).toBeNull();
    expect(ds.findPersonsByName(p.name, { dob: p.dob })).toContain(noLicence);
  });

  it('parses wire names', () => {
    expect(parseName('SMITH, JOHN J')).toEqual({ last: 'SMITH', first: 'JOHN', middleInitial: 'J' });
    expect(parseName('smith,john')).toEqual({ last: 'SMITH', first: 'JOHN' });
    expect(parseName('DE LA CRUZ, MARIA JR')).toEqual({ last: 'DE LA CRUZ', first: 'MARIA' });
    expect(parseName('SMITH')).toBeNull();
    expect(parseName(', JOHN')).toBeNull();
  });

  it('matches a middle initial only when both sides have one', () => {
    const withMiddle = ds.findPersonsByName('SMITH, JOHN B', { dob: '19650512' });
    expect(withMiddle).toHaveLength(1);
    expect(ds.findPersonsByName('SMITH, JOHN Z', { dob: '19650512' })).toEqual([]);
    expect(ds.findPersonsByName('SMITH, JOHN Z', { dob: '19600101' })).toHaveLength(1); // record has no middle
  });
});

describe('fixed training subjects (switch/README.md)', () => {
  it('keep their documented identifiers and meaning', () => {
    const wanted = ds.fixedPerson('wanted');
    expect(wanted.name).toBe('DOE, JOHN Q');
    expect(ds.findPersonsByName('DOE, JOHN', { dob: '19800115' })).toEqual([wanted.id]);
    expect(wanted.wants[0]).toMatchObject({ category: 'WANTED PERSON', nic: 'W000000001', oca: '24-001234' });
    expect(ds.findByNic('W000000001')).toMatchObject({ kind: 'person', id: wanted.id });

    const rap = ds.fixedPerson('rapSheet');
    expect(ds.findPersonByCii('T00000002')).toBe(rap.id);
    expect(ds.findPersonByFbi('000002TR2')).toBe(rap.id);
    expect(rap.rapSheet!.arrests.length).toBe(3);
    expect(rap.wants).toEqual([]);

    expect(ds.findPersonByOln('T0000003')).toBe(ds.fixedPerson('clean').id);
    expect(ds.fixedPerson('clean').rapSheet).toBeNull();
    expect(ds.fixedPerson('confidential').confidentialAddress).toBe(true);
    expect(ds.fixedPerson('missing').wants[0]!.category).toBe('MISSING PERSON');
    expect(ds.fixedPerson('protectionOrder').wants[0]!.category).toBe('PROTECTION ORDER');
    expect(ds.fixedPerson('keywordTrap').wants[0]!.mis).toContain('NOT ON FILE');

    const stolen = ds.fixedVehicle('stolenVehicle');
    expect(ds.findVehiclesByPlate('1TRN001', 'CA')).toEqual([stolen.id]);
    expect(ds.findVehicleByVin(stolen.vin)).toBe(stolen.id);
    expect(stolen.stolen?.category).toBe('STOLEN VEHICLE');
    expect(ds.isStolen(ds.fixedVehicle('registered').id)).toBe(false);
    expect(ds.fixedVehicle('keywordTrapVehicle').remarks).toContain('MKE/WANTED PERSON');
    expect(ds.findVehiclesByPlate('1TRN007', 'NV')).toEqual([ds.fixedVehicle('felonyVehicleNv').id]);
    expect(ds.findVehiclesByPlate('1TRN007', 'CA')).toEqual([]);
    for (const v of ds.fixedSubjects().vehicles) expect(vinCheckDigitMatches(v.vin), v.vin).toBe(true);
    expect(FIXED_PERSON_KEYS.length).toBe(ds.fixedPersonCount);
    expect(FIXED_VEHICLE_KEYS.length).toBe(ds.fixedVehicleCount);
  });

  it('match the plates and VINs documented in switch/README.md', () => {
    const readme = readFileSync('switch/README.md', 'utf8');
    const documented = [...readme.matchAll(/(1TRN\d{3})\s+`([A-Z0-9]{17})`/g)].map((m) => [m[1], m[2]]);
    expect(documented).toHaveLength(ds.fixedVehicleCount);
    for (const [plate, vin] of documented) expect(ds.vehicle(ds.findVehicleByVin(vin!)!).plate).toBe(plate);
  });

  it('SMITH, JOHN is a common name: a candidate list of at least 8 with records', () => {
    const withRecords = ds.findPersonsByName('SMITH, JOHN', { sex: 'M' }).filter((id) => ds.hasRecord(id));
    expect(withRecords.length).toBeGreaterThanOrEqual(8);
  });
});

describe('hostile records', () => {
  it('number a few hundred, carry every payload, and each is findable by its query', () => {
    const list = hostileRecords(ds);
    expect(list.length).toBeGreaterThanOrEqual(200);
    expect(new Set(list.map((r) => r.payload))).toEqual(new Set(HOSTILE_PAYLOADS));
    for (const r of list) {
      if (r.kind === 'person') {
        const p = ds.person(r.id);
        expect(ds.findPersonsByName(r.query.nam!, { dob: r.query.dob! })).toContain(r.id);
        const where = { MIS: p.wants[0]?.mis, ADR: p.address.street, AKA: p.rapSheet?.aliases[0], SMT: p.smt }[r.field];
        expect(where).toBe(r.payload);
        if (r.field === 'MIS' || r.field === 'SMT') expect(ds.hasWant(r.id)).toBe(true);
        if (r.field === 'ADR') expect(p.confidentialAddress).toBe(false);
      } else {
        const v = ds.vehicle(r.id);
        expect(ds.findVehiclesByPlate(r.query.lic!, r.query.lis)).toEqual([r.id]);
        expect(r.shownBy.includes('IA.QV') ? v.stolen?.mis : v.remarks).toBe(r.payload);
      }
    }
  });

  it('include the strings that must be shown as text', () => {
    const all = HOSTILE_PAYLOADS.join('\n');
    for (const needle of ['<script>', 'onerror=', 'javascript:', 'NOT ON FILE', 'MKE/WANTED PERSON', '\u202e', '\u0000', '\u001b[']) {
      expect(all).toContain(needle);
    }
  });

  it('are the same records for every seed (only their names and numbers change)', () => {
    const other = createDataset({ seed: 99 });
    expect(hostileRecords(other).map((r) => [r.kind, r.id, r.field, r.payload])).toEqual(
      hostileRecords(ds).map((r) => [r.kind, r.id, r.field, r.payload]),
    );
  });
});
