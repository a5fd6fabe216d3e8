// Full records of generated persons and vehicles, drawn on demand from each record's own PRNG
// stream (the data set keeps only their core columns). Deterministic: same inputs, same record.

import { dateToDay, dayToDate, daysInMonth, pad, randomDay, REFERENCE_DAY, REFERENCE_YEAR } from './dates';
import { hostilePersonPlan, hostilePersonSlot, hostileVehiclePlan, hostileVehicleSlot } from './hostile';
import { VIN_ALPHABET, type IdSchemes } from './ids';
import {
  AGENCY_SUFFIXES,
  BIRTH_PLACES,
  CITIES,
  COURT_NAMES,
  EYE_COLOURS,
  FEMALE_FIRST_NAMES,
  HAIR_COLOURS,
  MAKES,
  MALE_FIRST_NAMES,
  OFFENSES,
  SKIN_TONES,
  SMT_CODES,
  STREET_NAMES,
  STREET_TYPES,
  SUFFIXES,
  VEHICLE_COLOURS,
  VEHICLE_STYLES,
} from './lists';
import { Rng, recordSeed } from './prng';
import type { Address, Arrest, CustodyEvent, DriverLicence, Person, ProbationEvent, Race, RapSheet, Sex, Vehicle, Want } from './types';

// Person flags (a core column)
export const P_LICENCE = 1;
export const P_RECORD = 2;
export const P_FBI = 4;
export const P_WANTED = 8;
export const P_CONFIDENTIAL = 16;
export const P_HOSTILE = 32;
// Vehicle flags (a core column)
export const V_STOLEN = 1;
export const V_HOSTILE = 2;

/** PRNG streams: core columns are drawn at build time, details on demand, each from its own stream. */
export const STREAM_PERSON_CORE = 1;
export const STREAM_PERSON_DETAIL = 2;
export const STREAM_VEHICLE_CORE = 3;
export const STREAM_VEHICLE_DETAIL = 4;

/** What the data set keeps of a generated person; `g` is its index among generated persons. */
export interface PersonCore {
  id: number;
  g: number;
  last: string;
  first: string;
  middle: string | undefined;
  dob: string;
  sex: Sex;
  race: Race;
  flags: number;
}

/** What the data set keeps of a generated vehicle. */
export interface VehicleCore {
  id: number;
  g: number;
  ownerId: number;
  plateState: string;
  flags: number;
}

function pickAgency(rng: Rng): { ori: string; agency: string; county: string } {
  const [city, county] = rng.pick(CITIES);
  const [suffix, kind] = rng.pick(AGENCY_SUFFIXES);
  return { ori: `CA${county}${suffix}00`, agency: `${city} ${kind}`, county: city };
}

function pickAddress(rng: Rng): Address {
  const [city, , zip] = rng.pick(CITIES);
  return {
    street: `${100 + rng.int(19_900)} ${rng.pick(STREET_NAMES)} ${rng.pick(STREET_TYPES)}`,
    city,
    state: 'CA',
    zip: `${zip}${pad(rng.int(100), 2)}`,
  };
}

/** The full record of a generated person, from its core columns and its own PRNG stream. */
export function generatePerson(seed: number, ids: IdSchemes, core: PersonCore): Person {
  const { id, g, flags, sex, last, first, middle, dob } = core;
  const rng = new Rng(recordSeed(seed, STREAM_PERSON_DETAIL, g));
  const suffix = sex === 'M' && rng.chance(0.03) ? rng.pick(SUFFIXES) : undefined;
  const dobDay = dateToDay(dob);
  const birthYear = Number(dob.slice(0, 4));
  const age = REFERENCE_YEAR - 1 - birthYear;
  const inches = sex === 'M' ? 64 + rng.int(13) : 59 + rng.int(13);
  const weight = Math.round((sex === 'M' ? 95 : 75) + (inches - 50) * 4 + rng.int(60));
  const hair = age > 55 && rng.chance(0.5) ? rng.pick(['GRY', 'WHI', 'BAL'] as const) : rng.pick(HAIR_COLOURS);
  const pob = rng.pick(BIRTH_PLACES);
  const person: Person = {
    id,
    name: `${last}, ${first}${middle ? ` ${middle}` : ''}${suffix ? ` ${suffix}` : ''}`,
    last,
    first,
    ...(middle ? { middle } : {}),
    ...(suffix ? { suffix } : {}),
    dob,
    sex,
    race: core.race,
    height: `${Math.floor(inches / 12)}${pad(inches % 12, 2)}`,
    weight,
    eyes: rng.pick(EYE_COLOURS),
    hair,
    skin: rng.pick(SKIN_TONES),
    pob,
    ctz: pob === 'MX' && rng.chance(0.5) ? 'MX' : 'US',
    ...(rng.chance(0.3) ? { smt: rng.pick(SMT_CODES) } : {}),
    address: pickAddress(rng),
    confidentialAddress: (flags & P_CONFIDENTIAL) !== 0,
    licence: null,
    rapSheet: null,
    wants: [],
  };

  if (flags & P_LICENCE) person.licence = licence(ids, rng, g, dob);
  if (flags & P_RECORD) {
    person.cii = ids.cii(g);
    if (flags & P_FBI) person.fbi = ids.fbi(g);
    person.rapSheet = rapSheet(rng, person, dobDay);
  }
  if (flags & P_WANTED) person.wants.push(want(ids, rng, g, age));
  // Drawn last so that adding it left every earlier value of the stream unchanged.
  if (rng.chance(0.1)) person.mailingAddress = { ...pickAddress(rng), street: `PO BOX ${1 + rng.int(9_999)}` };

  if (flags & P_HOSTILE) {
    const { payload, field } = hostilePersonPlan(hostilePersonSlot(g));
    if (field === 'MIS') person.wants[0]!.mis = payload;
    else if (field === 'SMT') person.smt = payload;
    else if (field === 'ADR') person.address = { ...person.address, street: payload };
    else person.rapSheet!.aliases = [payload, ...person.rapSheet!.aliases];
  }
  return person;
}

function licence(ids: IdSchemes, rng: Rng, g: number, dob: string): DriverLicence {
  const classRoll = rng.next();
  const licenceClass = classRoll < 0.9 ? 'C' : classRoll < 0.95 ? 'C/M1' : classRoll < 0.98 ? 'A' : 'B';
  const issuedYear = REFERENCE_YEAR - 1 - rng.int(5);
  const month = Number(dob.slice(4, 6));
  const day = Math.min(Number(dob.slice(6, 8)), daysInMonth(issuedYear + 5, month), daysInMonth(issuedYear, month));
  const issued = `${issuedYear}${pad(month, 2)}${pad(day, 2)}`;
  const expires = `${issuedYear + 5}${pad(month, 2)}${pad(day, 2)}`;
  const roll = rng.next();
  // EXPIRED is decided against today's date when a reply is written; here only the DMV actions.
  const status = roll < 0.04 ? 'SUSPENDED' : roll < 0.05 ? 'REVOKED' : 'VALID';
  return {
    oln: ids.oln(g),
    state: 'CA',
    licenceClass,
    issued,
    expires,
    status,
    ...(rng.chance(0.3) ? { restrictions: 'CORR LENS' } : {}),
  };
}

function rapSheet(rng: Rng, person: Person, dobDay: number): RapSheet {
  const adult = dobDay + 18 * 366;
  const arrests: Arrest[] = [];
  const custody: CustodyEvent[] = [];
  const probation: ProbationEvent[] = [];
  const arrestCount = 1 + rng.skewedIndex(6, 1.8);
  const days: number[] = [];
  for (let i = 0; i < arrestCount; i++) days.push(randomDay(rng, adult, REFERENCE_DAY - 30));
  days.sort((a, b) => a - b);
  for (const day of days) {
    const agency = pickAgency(rng);
    const date = dayToDate(day);
    const chargeCount = 1 + rng.skewedIndex(3, 2);
    const arrest: Arrest = {
      date,
      ori: agency.ori,
      agency: agency.agency,
      oca: `${date.slice(2, 4)}-${rng.digits(6)}`,
      nameUsed: person.name,
      charges: [],
    };
    for (let c = 1; c <= chargeCount; c++) {
      const [statute, description, level] = rng.pick(OFFENSES);
      const dispDay = day + 30 + rng.int(200);
      const recent = dispDay >= REFERENCE_DAY;
      const roll = rng.next();
      const result = recent ? 'PENDING' : roll < 0.62 ? 'CONVICTED' : roll < 0.82 ? 'DISMISSED' : roll < 0.95 ? 'NO COMPLAINT FILED' : 'ACQUITTED';
      let sentence: string | undefined;
      if (result === 'CONVICTED') {
        const s = rng.next();
        if (level === 'F' && s < 0.35) {
          const years = 1 + rng.int(6);
          sentence = `${years} YEARS PRISON`;
          custody.push({ date: dayToDate(dispDay), agency: 'CDCR', type: 'PRISON', released: dayToDate(Math.min(dispDay + years * 200, REFERENCE_DAY - 1)) });
        } else if (s < 0.75) {
          const jail = 10 + rng.int(36) * 10;
          const months = 12 * (1 + rng.int(3));
          sentence = `${jail} DAYS JAIL, ${months} MONTHS PROBATION`;
          custody.push({ date: dayToDate(dispDay), agency: `${agency.county} SO`, type: 'JAIL', released: dayToDate(Math.min(dispDay + jail, REFERENCE_DAY - 1)) });
          probation.push({ date: dayToDate(dispDay), agency: `${agency.county} PROBATION`, term: `${months} MONTHS`, expires: dayToDate(dispDay + months * 30) });
        } else {
          sentence = `FINE ${100 * (1 + rng.int(20))} DOLLARS`;
        }
      }
      arrest.charges.push({
        count: c,
        statute,
        level,
        description,
        disposition: {
          date: dayToDate(Math.min(dispDay, REFERENCE_DAY - 1)),
          court: `${agency.county} ${rng.pick(COURT_NAMES)}`,
          result,
          ...(sentence ? { sentence } : {}),
        },
      });
    }
    arrests.push(arrest);
  }
  const aliases: string[] = [];
  if (rng.chance(0.2)) {
    aliases.push(`${person.last}, ${rng.pick(person.sex === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES)}`);
  }
  return { cii: person.cii!, ...(person.fbi ? { fbi: person.fbi } : {}), aliases, arrests, custody, probation };
}

function want(ids: IdSchemes, rng: Rng, g: number, age: number): Want {
  const roll = rng.next();
  const category = age < 18 ? 'MISSING PERSON' : roll < 0.85 ? 'WANTED PERSON' : roll < 0.95 ? 'PROTECTION ORDER' : 'MISSING PERSON';
  const agency = pickAgency(rng);
  const day = randomDay(rng, REFERENCE_DAY - 5 * 365, REFERENCE_DAY - 1);
  const date = dayToDate(day);
  const oca = `${date.slice(2, 4)}-${rng.digits(6)}`;
  if (category === 'MISSING PERSON') {
    return {
      category,
      nic: ids.personNic(g, 'M'),
      ori: agency.ori,
      agency: agency.agency,
      oca,
      offence: age < 18 ? 'JUVENILE - RUNAWAY' : 'ENDANGERED - MEDICAL CONDITION',
      date,
      mis: `LAST SEEN ${date} IN ${agency.county}`,
    };
  }
  if (category === 'PROTECTION ORDER') {
    return {
      category,
      nic: ids.personNic(g, 'H'),
      ori: agency.ori,
      agency: agency.agency,
      oca,
      offence: 'DOMESTIC VIOLENCE RESTRAINING ORDER',
      date,
      mis: `STAY AWAY ${rng.pick(['100', '200', '300'])} YARDS FROM PROTECTED PERSON, EXPIRES ${dayToDate(day + 3 * 365)}`,
    };
  }
  const [statute, description, level] = rng.pick(OFFENSES);
  const bail = level === 'F' ? 50_000 * (1 + rng.int(10)) : 5_000 * (1 + rng.int(5));
  return {
    category,
    nic: ids.personNic(g, 'W'),
    ori: agency.ori,
    agency: agency.agency,
    oca,
    offence: `${description} - ${statute}`,
    date,
    extradition: level === 'F' ? '1 - FULL EXTRADITION' : rng.pick(['4 - NO EXTRADITION', 'B - LIMITED EXTRADITION']),
    mis: `${level === 'F' ? 'FELONY' : 'MISDEMEANOR'} WARRANT ${date.slice(2, 4)}${level}${rng.digits(5)} BAIL ${bail}${rng.chance(0.2) ? ' CAUTION MAY BE ARMED' : ''}`,
  };
}

/** The full record of a generated vehicle. */
export function generateVehicle(seed: number, ids: IdSchemes, core: VehicleCore): Vehicle {
  const { id, g } = core;
  const rng = new Rng(recordSeed(seed, STREAM_VEHICLE_DETAIL, g));
  const [make, makeName, wmi, models] = rng.skewed(MAKES, 1.6);
  const year = REFERENCE_YEAR - 1 - rng.skewedIndex(30, 1.5);
  let vds = '';
  for (let i = 0; i < 5; i++) vds += VIN_ALPHABET.charAt(rng.int(VIN_ALPHABET.length));
  const plant = VIN_ALPHABET.charAt(rng.int(23)); // letters only
  // Registrations run a year or two from the reference date; some had already lapsed by then.
  // Whether one has lapsed by today is decided when a reply is written (switch/replies.ts).
  const registrationExpires = dayToDate(REFERENCE_DAY - 60 + rng.int(790));
  const plateTypeRoll = rng.next();
  const vehicle: Vehicle = {
    id,
    plate: ids.plate(g),
    plateState: core.plateState,
    plateYear: registrationExpires.slice(0, 4),
    plateType: plateTypeRoll < 0.9 ? 'PC' : plateTypeRoll < 0.97 ? 'CO' : 'MC',
    vin: ids.vin(g, wmi, vds, year, plant),
    year,
    make,
    makeName,
    model: rng.pick(models),
    style: rng.pick(VEHICLE_STYLES),
    colour: rng.pick(VEHICLE_COLOURS),
    ownerId: core.ownerId,
    registrationExpires,
    registrationStatus: 'CURRENT',
    stolen: null,
  };
  if (core.flags & V_STOLEN) {
    const agency = pickAgency(rng);
    const date = dayToDate(randomDay(rng, REFERENCE_DAY - 2 * 365, REFERENCE_DAY - 1));
    const roll = rng.next();
    vehicle.stolen = {
      category: roll < 0.9 ? 'STOLEN VEHICLE' : roll < 0.97 ? 'STOLEN PLATE' : 'FELONY VEHICLE',
      nic: ids.vehicleNic(g),
      ori: agency.ori,
      agency: agency.agency,
      oca: `${date.slice(2, 4)}-${rng.digits(6)}`,
      date,
      mis: rng.pick(['TAKEN FROM RESIDENCE', 'TAKEN FROM PARKING LOT', 'KEYS LEFT IN VEHICLE', 'TAKEN DURING TEST DRIVE', 'RENTAL NOT RETURNED']),
    };
  }
  if (core.flags & V_HOSTILE) {
    const { payload, stolen } = hostileVehiclePlan(hostileVehicleSlot(g));
    if (stolen && vehicle.stolen) vehicle.stolen.mis = payload;
    else vehicle.remarks = payload;
  }
  return vehicle;
}
