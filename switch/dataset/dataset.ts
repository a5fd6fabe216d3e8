// The synthetic training data set: ≥ 100,000 persons and ≥ 100,000 vehicles from a seed.
//
// Deterministic: every record is drawn from its own PRNG stream, seeded from (seed, table, index),
// with 32-bit integer arithmetic only, so the same seed gives the same data on every machine.
// Fast and small: building keeps only a few typed arrays (name, DOB, sex, race, flags, owner) and a
// name index; full records (addresses, licences, rap sheets, wants) are generated on demand from
// the same streams. Identifier lookups (OLN, CII, FBI, SID, plate, VIN, NIC) invert the identifier
// schemes of ids.ts instead of holding hash maps.
//
// Dates are drawn relative to 1 January 2026 (not the clock), so they never change between runs.

import { daysInMonth, REFERENCE_YEAR } from './dates';
import { buildFixedPersons, buildFixedVehicles } from './fixed';
import {
  hostilePersonIndex,
  hostilePersonPlan,
  hostilePersonSlot,
  hostileVehicleIndex,
  hostileVehiclePlan,
  hostileVehicleSlot,
  HOSTILE_PERSON_COUNT,
  HOSTILE_VEHICLE_COUNT,
  MIN_PERSONS_FOR_HOSTILE,
  MIN_VEHICLES_FOR_HOSTILE,
} from './hostile';
import { IdSchemes } from './ids';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, MIDDLE_INITIALS, RACES, SUFFIXES } from './lists';
import { Rng, recordSeed } from './prng';
import {
  generatePerson,
  generateVehicle,
  P_CONFIDENTIAL,
  P_FBI,
  P_HOSTILE,
  P_LICENCE,
  P_RECORD,
  P_WANTED,
  STREAM_PERSON_CORE,
  STREAM_VEHICLE_CORE,
  V_HOSTILE,
  V_STOLEN,
} from './records';
import type { HostileRecord, Person, Race, StolenRecord, Vehicle, Want } from './types';

export const DEFAULT_SEED = 0xc1e75;
export const DEFAULT_PERSON_COUNT = 100_000;
export const DEFAULT_VEHICLE_COUNT = 100_000;

export interface DatasetOptions {
  seed?: number;
  /** Generated persons (the fixed subjects come on top). Default 100,000. */
  persons?: number;
  /** Generated vehicles (the fixed vehicles come on top). Default 100,000. */
  vehicles?: number;
}

export interface NameFilter {
  dob?: string;
  sex?: string;
  race?: string;
}

const OTHER_PLATE_STATES = ['NV', 'AZ', 'OR', 'WA', 'TX'] as const;
const RACE_CODES: readonly Race[] = ['A', 'B', 'I', 'U', 'W'];

// ---------------------------------------------------------------------------------------------
// Name tables

interface NameTables {
  last: string[];
  first: string[];
  lastIndex: Map<string, number>;
  firstIndex: Map<string, number>;
  male: number[];
  female: number[];
}

function buildNameTables(fixed: Person[]): NameTables {
  const last = [...LAST_NAMES];
  const first: string[] = [];
  const firstIndex = new Map<string, number>();
  const addFirst = (n: string) => {
    let i = firstIndex.get(n);
    if (i === undefined) {
      i = first.length;
      first.push(n);
      firstIndex.set(n, i);
    }
    return i;
  };
  const male = MALE_FIRST_NAMES.map(addFirst);
  const female = FEMALE_FIRST_NAMES.map(addFirst);
  const lastIndex = new Map(last.map((n, i) => [n, i] as const));
  for (const p of fixed) {
    if (!lastIndex.has(p.last)) {
      lastIndex.set(p.last, last.length);
      last.push(p.last);
    }
    addFirst(p.first);
  }
  return { last, first, lastIndex, firstIndex, male, female };
}

/** Splits a wire NAM (`LAST, FIRST MIDDLE SUFFIX`) into its parts; null when it has no comma. */
export function parseName(nam: string): { last: string; first: string; middleInitial?: string } | null {
  const v = nam.trim().toUpperCase().replace(/\s+/g, ' ');
  const comma = v.indexOf(',');
  if (comma <= 0) return null;
  const last = v.slice(0, comma).trim();
  const rest = v.slice(comma + 1).trim().split(' ').filter((w) => w.length > 0);
  const first = rest[0];
  if (!first || last.length === 0) return null;
  const middle = rest[1];
  const isSuffix = middle !== undefined && (SUFFIXES as readonly string[]).includes(middle);
  return middle && !isSuffix ? { last, first, middleInitial: middle.charAt(0) } : { last, first };
}

// ---------------------------------------------------------------------------------------------

export class Dataset {
  readonly seed: number;
  /** Persons in total: fixed subjects first, then generated ones. */
  readonly personCount: number;
  readonly vehicleCount: number;
  readonly fixedPersonCount: number;
  readonly fixedVehicleCount: number;
  /** Milliseconds the build took (for diagnostics). */
  readonly buildMs: number;

  private readonly ids: IdSchemes;
  private readonly names: NameTables;
  private readonly fixedPersons: Person[];
  private readonly fixedVehicles: Vehicle[];
  private readonly generatedPersons: number;
  private readonly generatedVehicles: number;

  // Person core columns, indexed by person id.
  private readonly pLast: Uint16Array;
  private readonly pFirst: Uint16Array;
  private readonly pMiddle: Uint8Array;
  private readonly pSex: Uint8Array;
  private readonly pRace: Uint8Array;
  private readonly pDob: Uint32Array;
  private readonly pFlags: Uint8Array;
  /** (last << 16 | first) -> person ids with that name. */
  private readonly nameIndex = new Map<number, number[]>();

  // Vehicle core columns, indexed by vehicle id.
  private readonly vOwner: Int32Array;
  private readonly vState: Uint8Array; // 0 = CA, else 1 + index in OTHER_PLATE_STATES
  private readonly vFlags: Uint8Array;
  /** CSR index: vehicles of person p are ownedIds[ownedStart[p] .. ownedStart[p+1]). */
  private readonly ownedStart: Int32Array;
  private readonly ownedIds: Int32Array;

  /** Fixed subjects' identifiers: `OLN:T0000001`, `PLATE:CA:1TRN001`, `VIN:...`, `NIC:...`, `CII:`, `FBI:`. */
  private readonly fixedKeys = new Map<string, number>();

  private readonly rng = new Rng(0);
  private hostileCache: HostileRecord[] | null = null;

  constructor(opts: DatasetOptions = {}) {
    const started = performance.now();
    this.seed = (opts.seed ?? DEFAULT_SEED) >>> 0;
    this.generatedPersons = opts.persons ?? DEFAULT_PERSON_COUNT;
    this.generatedVehicles = opts.vehicles ?? DEFAULT_VEHICLE_COUNT;
    if (!Number.isInteger(this.generatedPersons) || this.generatedPersons < 1 || this.generatedPersons > 1_000_000) {
      throw new RangeError('persons must be an integer from 1 to 1,000,000');
    }
    if (!Number.isInteger(this.generatedVehicles) || this.generatedVehicles < 1 || this.generatedVehicles > 1_000_000) {
      throw new RangeError('vehicles must be an integer from 1 to 1,000,000');
    }
    this.ids = new IdSchemes(this.seed);
    this.fixedPersons = buildFixedPersons();
    this.fixedVehicles = buildFixedVehicles();
    this.fixedPersonCount = this.fixedPersons.length;
    this.fixedVehicleCount = this.fixedVehicles.length;
    this.personCount = this.fixedPersonCount + this.generatedPersons;
    this.vehicleCount = this.fixedVehicleCount + this.generatedVehicles;
    this.names = buildNameTables(this.fixedPersons);

    const n = this.personCount;
    this.pLast = new Uint16Array(n);
    this.pFirst = new Uint16Array(n);
    this.pMiddle = new Uint8Array(n);
    this.pSex = new Uint8Array(n);
    this.pRace = new Uint8Array(n);
    this.pDob = new Uint32Array(n);
    this.pFlags = new Uint8Array(n);
    this.buildPersons();

    const m = this.vehicleCount;
    this.vOwner = new Int32Array(m);
    this.vState = new Uint8Array(m);
    this.vFlags = new Uint8Array(m);
    this.buildVehicles();
    [this.ownedStart, this.ownedIds] = this.buildOwnerIndex();
    this.buildFixedKeys();
    this.buildMs = performance.now() - started;
  }

  // --- building --------------------------------------------------------------------------------

  private buildPersons(): void {
    const { names } = this;
    for (const p of this.fixedPersons) {
      const id = p.id;
      this.pLast[id] = names.lastIndex.get(p.last)!;
      this.pFirst[id] = names.firstIndex.get(p.first)!;
      this.pMiddle[id] = p.middle ? p.middle.charCodeAt(0) : 0;
      this.pSex[id] = p.sex === 'F' ? 1 : 0;
      this.pRace[id] = RACE_CODES.indexOf(p.race);
      this.pDob[id] = Number(p.dob);
      this.pFlags[id] =
        (p.licence ? P_LICENCE : 0) | (p.rapSheet ? P_RECORD : 0) | (p.fbi ? P_FBI : 0) | (p.wants.length ? P_WANTED : 0) |
        (p.confidentialAddress ? P_CONFIDENTIAL : 0);
      this.indexName(id);
    }
    const rng = this.rng;
    const base = this.fixedPersonCount;
    const lastCount = LAST_NAMES.length;
    for (let g = 0; g < this.generatedPersons; g++) {
      const id = base + g;
      rng.reset(recordSeed(this.seed, STREAM_PERSON_CORE, g));
      const female = rng.u32() & 1;
      this.pSex[id] = female;
      this.pFirst[id] = female ? names.female[rng.skewedIndex(names.female.length, 2.0)]! : names.male[rng.skewedIndex(names.male.length, 2.0)]!;
      this.pLast[id] = rng.skewedIndex(lastCount, 2.4);
      this.pMiddle[id] = rng.chance(0.8) ? MIDDLE_INITIALS.charCodeAt(rng.int(MIDDLE_INITIALS.length)) : 0;
      const year = REFERENCE_YEAR - 1 - (16 + rng.int(70));
      const month = 1 + rng.int(12);
      const day = 1 + rng.int(daysInMonth(year, month));
      this.pDob[id] = year * 10000 + month * 100 + day;
      this.pRace[id] = RACE_CODES.indexOf(RACES[rng.int(RACES.length)]!);
      let flags = 0;
      if (rng.chance(0.88)) flags |= P_LICENCE;
      if (rng.chance(0.18)) flags |= P_RECORD;
      if (flags & P_RECORD && rng.chance(0.6)) flags |= P_FBI;
      if (rng.chance(0.015)) flags |= P_WANTED;
      if (rng.chance(0.005)) flags |= P_CONFIDENTIAL;
      const slot = hostilePersonSlot(g);
      if (slot >= 0) {
        flags |= P_HOSTILE;
        const { field } = hostilePersonPlan(slot);
        if (field === 'MIS' || field === 'SMT') flags |= P_WANTED;
        if (field === 'ADR') flags = (flags | P_LICENCE) & ~P_CONFIDENTIAL;
        if (field === 'AKA') flags |= P_RECORD;
      }
      this.pFlags[id] = flags;
      this.indexName(id);
    }
  }

  private indexName(id: number): void {
    const key = this.pLast[id]! * 65536 + this.pFirst[id]!;
    const list = this.nameIndex.get(key);
    if (list) list.push(id);
    else this.nameIndex.set(key, [id]);
  }

  private buildVehicles(): void {
    for (const v of this.fixedVehicles) {
      this.vOwner[v.id] = v.ownerId;
      this.vState[v.id] = v.plateState === 'CA' ? 0 : 1 + OTHER_PLATE_STATES.indexOf(v.plateState as (typeof OTHER_PLATE_STATES)[number]);
      this.vFlags[v.id] = v.stolen ? V_STOLEN : 0;
    }
    const rng = this.rng;
    const base = this.fixedVehicleCount;
    for (let g = 0; g < this.generatedVehicles; g++) {
      const id = base + g;
      rng.reset(recordSeed(this.seed, STREAM_VEHICLE_CORE, g));
      this.vOwner[id] = this.fixedPersonCount + rng.int(this.generatedPersons);
      this.vState[id] = rng.chance(0.05) ? 1 + rng.int(OTHER_PLATE_STATES.length) : 0;
      let flags = rng.chance(0.015) ? V_STOLEN : 0;
      const slot = hostileVehicleSlot(g);
      if (slot >= 0) {
        flags |= V_HOSTILE;
        flags = hostileVehiclePlan(slot).stolen ? flags | V_STOLEN : flags & ~V_STOLEN;
        this.vState[id] = 0;
      }
      this.vFlags[id] = flags;
    }
  }

  private buildOwnerIndex(): [Int32Array, Int32Array] {
    const start = new Int32Array(this.personCount + 1);
    for (let v = 0; v < this.vehicleCount; v++) start[this.vOwner[v]! + 1]! += 1;
    for (let p = 0; p < this.personCount; p++) start[p + 1]! += start[p]!;
    const fill = start.slice(0, this.personCount);
    const ids = new Int32Array(this.vehicleCount);
    for (let v = 0; v < this.vehicleCount; v++) ids[fill[this.vOwner[v]!]!++] = v;
    return [start, ids];
  }

  private buildFixedKeys(): void {
    for (const p of this.fixedPersons) {
      if (p.licence) this.fixedKeys.set(`OLN:${p.licence.oln}`, p.id);
      if (p.cii) this.fixedKeys.set(`CII:${p.cii}`, p.id);
      if (p.fbi) this.fixedKeys.set(`FBI:${p.fbi}`, p.id);
      for (const w of p.wants) this.fixedKeys.set(`NIC:${w.nic}`, p.id);
    }
    for (const v of this.fixedVehicles) {
      this.fixedKeys.set(`PLATE:${v.plate}`, v.id);
      this.fixedKeys.set(`VIN:${v.vin}`, v.id);
      if (v.stolen) this.fixedKeys.set(`NIC:${v.stolen.nic}`, v.id);
    }
  }

  // --- small accessors -------------------------------------------------------------------------

  isFixedPerson(id: number): boolean {
    return id >= 0 && id < this.fixedPersonCount;
  }

  hasWant(id: number): boolean {
    return (this.pFlags[id]! & P_WANTED) !== 0;
  }

  hasRecord(id: number): boolean {
    return (this.pFlags[id]! & P_RECORD) !== 0;
  }

  hasLicence(id: number): boolean {
    return (this.pFlags[id]! & P_LICENCE) !== 0;
  }

  isStolen(vehicleId: number): boolean {
    return (this.vFlags[vehicleId]! & V_STOLEN) !== 0;
  }

  /** Counts for diagnostics and tests. */
  counts(): { persons: number; vehicles: number; wanted: number; records: number; licences: number; stolen: number; confidential: number } {
    let wanted = 0;
    let records = 0;
    let licences = 0;
    let confidential = 0;
    for (let i = 0; i < this.personCount; i++) {
      const f = this.pFlags[i]!;
      if (f & P_WANTED) wanted++;
      if (f & P_RECORD) records++;
      if (f & P_LICENCE) licences++;
      if (f & P_CONFIDENTIAL) confidential++;
    }
    let stolen = 0;
    for (let i = 0; i < this.vehicleCount; i++) if (this.vFlags[i]! & V_STOLEN) stolen++;
    return { persons: this.personCount, vehicles: this.vehicleCount, wanted, records, licences, stolen, confidential };
  }

  // --- lookups (ids) ---------------------------------------------------------------------------

  /**
   * Persons whose last and first names match exactly (case-insensitive), whose middle initial
   * matches when both sides have one, and who match every given filter (DOB, sex, race).
   */
  findPersonsByName(nam: string, filter: NameFilter = {}): number[] {
    const parsed = parseName(nam);
    if (!parsed) return [];
    const last = this.names.lastIndex.get(parsed.last);
    const first = this.names.firstIndex.get(parsed.first);
    if (last === undefined || first === undefined) return [];
    const ids = this.nameIndex.get(last * 65536 + first);
    if (!ids) return [];
    const dob = filter.dob !== undefined ? Number(filter.dob) : undefined;
    const sex = filter.sex === 'M' ? 0 : filter.sex === 'F' ? 1 : filter.sex === undefined || filter.sex === 'U' ? -1 : 2;
    const race = filter.race !== undefined && filter.race !== 'U' ? RACE_CODES.indexOf(filter.race as Race) : -1;
    const middle = parsed.middleInitial ? parsed.middleInitial.charCodeAt(0) : 0;
    const out: number[] = [];
    for (const id of ids) {
      if (dob !== undefined && this.pDob[id] !== dob) continue;
      if (sex !== -1 && this.pSex[id] !== sex) continue;
      if (race !== -1 && this.pRace[id] !== race) continue;
      if (middle !== 0 && this.pMiddle[id] !== 0 && this.pMiddle[id] !== middle) continue;
      out.push(id);
    }
    return out;
  }

  /** The person holding California licence `oln`, or null. */
  findPersonByOln(oln: string): number | null {
    const fixed = this.fixedKeys.get(`OLN:${oln}`);
    if (fixed !== undefined) return fixed;
    const g = this.ids.olnIndex(oln);
    if (g === null || g >= this.generatedPersons) return null;
    const id = this.fixedPersonCount + g;
    return this.hasLicence(id) ? id : null;
  }

  findPersonByCii(cii: string): number | null {
    const fixed = this.fixedKeys.get(`CII:${cii}`);
    if (fixed !== undefined) return fixed;
    const g = this.ids.ciiIndex(cii);
    if (g === null || g >= this.generatedPersons) return null;
    const id = this.fixedPersonCount + g;
    return this.hasRecord(id) ? id : null;
  }

  findPersonByFbi(fbi: string): number | null {
    const fixed = this.fixedKeys.get(`FBI:${fbi}`);
    if (fixed !== undefined) return fixed;
    const g = this.ids.fbiIndex(fbi);
    if (g === null || g >= this.generatedPersons) return null;
    const id = this.fixedPersonCount + g;
    return this.pFlags[id]! & P_FBI ? id : null;
  }

  /** California SID: `CA` + the CII number's 8 digits (the fixed subjects' first), or the CII itself. */
  findPersonBySid(sid: string): number | null {
    if (/^CA[0-9]{8}$/.test(sid)) return this.findPersonByCii(`T${sid.slice(2)}`) ?? this.findPersonByCii(`A${sid.slice(2)}`);
    return this.findPersonByCii(sid);
  }

  /** Vehicles with plate `lic` (and state `lis` when given). */
  findVehiclesByPlate(lic: string, lis?: string): number[] {
    const fixed = this.fixedKeys.get(`PLATE:${lic}`);
    const out: number[] = [];
    if (fixed !== undefined) {
      if (lis === undefined || this.fixedVehicles[fixed]!.plateState === lis) out.push(fixed);
      return out;
    }
    const g = this.ids.plateIndex(lic);
    if (g === null || g >= this.generatedVehicles) return out;
    const id = this.fixedVehicleCount + g;
    if (lis === undefined || this.plateState(id) === lis) out.push(id);
    return out;
  }

  findVehicleByVin(vin: string): number | null {
    const fixed = this.fixedKeys.get(`VIN:${vin}`);
    if (fixed !== undefined) return fixed;
    const g = this.ids.vinIndex(vin);
    if (g === null || g >= this.generatedVehicles) return null;
    const id = this.fixedVehicleCount + g;
    return this.vehicle(id).vin === vin ? id : null;
  }

  /** The persons-file entry or stolen-vehicle record with NCIC number `nic`. */
  findByNic(nic: string): { kind: 'person'; id: number; want: Want } | { kind: 'vehicle'; id: number; stolen: StolenRecord } | null {
    const fixed = this.fixedKeys.get(`NIC:${nic}`);
    if (fixed !== undefined) {
      if (nic.startsWith('V')) {
        const v = this.fixedVehicles[fixed]!;
        return v.stolen ? { kind: 'vehicle', id: fixed, stolen: v.stolen } : null;
      }
      const want = this.fixedPersons[fixed]!.wants.find((w) => w.nic === nic);
      return want ? { kind: 'person', id: fixed, want } : null;
    }
    const parsed = this.ids.nicIndex(nic);
    if (!parsed) return null;
    if (parsed.kind === 'vehicle') {
      if (parsed.g >= this.generatedVehicles) return null;
      const id = this.fixedVehicleCount + parsed.g;
      const stolen = this.isStolen(id) ? this.vehicle(id).stolen : null;
      return stolen && stolen.nic === nic ? { kind: 'vehicle', id, stolen } : null;
    }
    if (parsed.g >= this.generatedPersons) return null;
    const id = this.fixedPersonCount + parsed.g;
    if (!this.hasWant(id)) return null;
    const want = this.person(id).wants.find((w) => w.nic === nic);
    return want ? { kind: 'person', id, want } : null;
  }

  vehiclesOwnedBy(personId: number): number[] {
    if (personId < 0 || personId >= this.personCount) return [];
    return Array.from(this.ownedIds.subarray(this.ownedStart[personId]!, this.ownedStart[personId + 1]!));
  }

  private plateState(id: number): string {
    const s = this.vState[id]!;
    return s === 0 ? 'CA' : OTHER_PLATE_STATES[s - 1]!;
  }

  // --- records ---------------------------------------------------------------------------------

  /** The full person record (generated on demand; the same every time). */
  person(id: number): Person {
    if (!Number.isInteger(id) || id < 0 || id >= this.personCount) throw new RangeError(`no person ${id}`);
    if (id < this.fixedPersonCount) return structuredClone(this.fixedPersons[id]!);
    return generatePerson(this.seed, this.ids, {
      id,
      g: id - this.fixedPersonCount,
      last: this.names.last[this.pLast[id]!]!,
      first: this.names.first[this.pFirst[id]!]!,
      middle: this.pMiddle[id] ? String.fromCharCode(this.pMiddle[id]!) : undefined,
      dob: String(this.pDob[id]),
      sex: this.pSex[id] === 1 ? 'F' : 'M',
      race: RACE_CODES[this.pRace[id]!]!,
      flags: this.pFlags[id]!,
    });
  }

  vehicle(id: number): Vehicle {
    if (!Number.isInteger(id) || id < 0 || id >= this.vehicleCount) throw new RangeError(`no vehicle ${id}`);
    if (id < this.fixedVehicleCount) return structuredClone(this.fixedVehicles[id]!);
    return generateVehicle(this.seed, this.ids, {
      id,
      g: id - this.fixedVehicleCount,
      ownerId: this.vOwner[id]!,
      plateState: this.plateState(id),
      flags: this.vFlags[id]!,
    });
  }

  /** The fixed training subjects (see switch/README.md). */
  fixedSubjects(): { persons: Person[]; vehicles: Vehicle[] } {
    return { persons: structuredClone(this.fixedPersons), vehicles: structuredClone(this.fixedVehicles) };
  }

  fixedPerson(key: string): Person {
    const p = this.fixedPersons.find((x) => x.fixedKey === key);
    if (!p) throw new RangeError(`no fixed person ${key}`);
    return structuredClone(p);
  }

  fixedVehicle(key: string): Vehicle {
    const v = this.fixedVehicles.find((x) => x.fixedKey === key);
    if (!v) throw new RangeError(`no fixed vehicle ${key}`);
    return structuredClone(v);
  }

  /** Every record carrying a hostile string, with where it sits and how to query it. */
  hostileRecords(): HostileRecord[] {
    if (!this.hostileCache) this.hostileCache = this.buildHostileList();
    return this.hostileCache.map((r) => ({ ...r, shownBy: [...r.shownBy], query: { ...r.query } }));
  }

  private buildHostileList(): HostileRecord[] {
    const out: HostileRecord[] = [];
    if (this.generatedPersons >= MIN_PERSONS_FOR_HOSTILE) {
      for (let slot = 0; slot < HOSTILE_PERSON_COUNT; slot++) {
        const id = this.fixedPersonCount + hostilePersonIndex(slot);
        const p = this.person(id);
        const { payload, field } = hostilePersonPlan(slot);
        const shownBy =
          field === 'MIS' || field === 'SMT' ? ['IW.QW'] : field === 'ADR' ? ['ID.L1', 'IN.L1'] : ['IH.QR'];
        out.push({
          kind: 'person',
          id,
          field,
          payload,
          shownBy,
          query: { nam: p.name, dob: p.dob, sex: p.sex, ...(p.licence ? { oln: p.licence.oln } : {}), ...(p.cii ? { cii: p.cii } : {}) },
        });
      }
    }
    if (this.generatedVehicles >= MIN_VEHICLES_FOR_HOSTILE) {
      for (let slot = 0; slot < HOSTILE_VEHICLE_COUNT; slot++) {
        const id = this.fixedVehicleCount + hostileVehicleIndex(slot);
        const v = this.vehicle(id);
        const { payload, stolen } = hostileVehiclePlan(slot);
        out.push({
          kind: 'vehicle',
          id,
          field: 'MIS',
          payload,
          shownBy: stolen ? ['IA.QV'] : ['IV.4L', 'IV.4V'],
          query: { lic: v.plate, lis: v.plateState, vin: v.vin },
        });
      }
    }
    return out;
  }
}

/** Builds the data set (fast: the full records are generated on demand). */
export function createDataset(opts: DatasetOptions = {}): Dataset {
  return new Dataset(opts);
}
