// The synthetic data set's own record model. Replies are built from it (switch/replies.ts).
// Dates are CCYYMMDD strings; every value is upper case like CLETS text, except hostile test strings.

export type Sex = 'M' | 'F';
export type Race = 'A' | 'B' | 'I' | 'U' | 'W';

export interface Address {
  street: string;
  city: string;
  state: string;
  zip: string;
}

/** A stored VALID licence whose expiry date has passed is reported EXPIRED (switch/replies.ts). */
export type LicenceStatus = 'VALID' | 'EXPIRED' | 'SUSPENDED' | 'REVOKED';

export interface DriverLicence {
  oln: string;
  state: 'CA';
  /** C, C/M1, A, B, M1. */
  licenceClass: string;
  issued: string;
  expires: string;
  status: LicenceStatus;
  restrictions?: string;
}

export type WantCategory = 'WANTED PERSON' | 'MISSING PERSON' | 'PROTECTION ORDER';

/** An NCIC / California WPS persons-file entry on the subject. */
export interface Want {
  category: WantCategory;
  nic: string;
  /** Entering agency. */
  ori: string;
  agency: string;
  oca: string;
  /** Offence or reason, e.g. `ROBBERY - PC 211`. */
  offence: string;
  /** Date of warrant / of entry. */
  date: string;
  /** Extradition limitation, wanted persons only. */
  extradition?: string;
  mis: string;
}

export interface Disposition {
  date: string;
  court: string;
  /** CONVICTED, DISMISSED, ACQUITTED, NO COMPLAINT FILED, PENDING... */
  result: string;
  sentence?: string;
}

export interface Charge {
  count: number;
  statute: string;
  level: 'F' | 'M';
  description: string;
  disposition: Disposition;
}

export interface Arrest {
  date: string;
  ori: string;
  agency: string;
  /** Booking / case number. */
  oca: string;
  nameUsed: string;
  charges: Charge[];
}

export interface CustodyEvent {
  date: string;
  agency: string;
  /** JAIL, PRISON. */
  type: string;
  released?: string;
}

export interface ProbationEvent {
  date: string;
  agency: string;
  term: string;
  expires: string;
}

export interface RapSheet {
  cii: string;
  fbi?: string;
  aliases: string[];
  arrests: Arrest[];
  custody: CustodyEvent[];
  probation: ProbationEvent[];
  mis?: string;
}

export interface Person {
  id: number;
  /** NAM as written on the wire: `LAST, FIRST M`. */
  name: string;
  last: string;
  first: string;
  middle?: string;
  suffix?: string;
  dob: string;
  sex: Sex;
  race: Race;
  /** `510` = 5 ft 10 in. */
  height: string;
  weight: number;
  eyes: string;
  hair: string;
  skin: string;
  pob: string;
  ctz: string;
  smt?: string;
  /** Residence address. */
  address: Address;
  /** A separate mailing address, when the person has one (about 1 in 10). */
  mailingAddress?: Address;
  /** VC 1808.4: DMV withholds the home address of this person (peace officer, judge...). */
  confidentialAddress: boolean;
  licence: DriverLicence | null;
  cii?: string;
  fbi?: string;
  rapSheet: RapSheet | null;
  wants: Want[];
  /** Set on the fixed training subjects: their key in FIXED_SUBJECTS. */
  fixedKey?: string;
}

export type VehicleCategory = 'STOLEN VEHICLE' | 'STOLEN PLATE' | 'FELONY VEHICLE';

export interface StolenRecord {
  category: VehicleCategory;
  nic: string;
  ori: string;
  agency: string;
  oca: string;
  /** Date of theft. */
  date: string;
  mis: string;
}

export interface Vehicle {
  id: number;
  plate: string;
  plateState: string;
  /** Registration expiry year (LIY). */
  plateYear: string;
  plateType: string;
  vin: string;
  year: number;
  /** NCIC make code (VMA), e.g. HOND. */
  make: string;
  makeName: string;
  model: string;
  style: string;
  colour: string;
  ownerId: number;
  registrationExpires: string;
  /** A CURRENT registration whose expiry date has passed is reported EXPIRED (switch/replies.ts). */
  registrationStatus: 'CURRENT' | 'EXPIRED';
  /** Registration remarks (printed in MIS of DMV replies). */
  remarks?: string;
  stolen: StolenRecord | null;
  fixedKey?: string;
}

/** A record of the hostile set: where the payload sits and how to make the switch print it. */
export interface HostileRecord {
  kind: 'person' | 'vehicle';
  id: number;
  /** Reply field that carries the payload. */
  field: 'MIS' | 'ADR' | 'AKA' | 'SMT';
  payload: string;
  /** Inquiry message keys whose reply prints the payload, e.g. `IW.QW`. */
  shownBy: string[];
  /** Search values that find the record. */
  query: {
    nam?: string;
    dob?: string;
    sex?: Sex;
    oln?: string;
    cii?: string;
    lic?: string;
    lis?: string;
    vin?: string;
  };
}
