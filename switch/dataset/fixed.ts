// Fixed training subjects: the same on every seed, documented in switch/README.md so trainers,
// clerks in training and end-to-end tests can find a hit. They take the first ids of each table.
// Their identifiers use shapes the generator never produces (see ids.ts), so they never collide.

import { vinCheck } from './ids';
import type { Person, Vehicle, Want, RapSheet } from './types';

function vin(prefix8: string, rest8: string): string {
  const body = `${prefix8}0${rest8}`;
  return body.slice(0, 8) + vinCheck(body) + body.slice(9);
}

const SACPD = { ori: 'CA0340400', agency: 'SACRAMENTO PD' };
const SJPD = { ori: 'CA0430200', agency: 'SAN JOSE PD' };
const LASD = { ori: 'CA0190000', agency: 'LOS ANGELES SO' };

const addr = (street: string, city: string, zip: string) => ({ street, city, state: 'CA', zip });

type PersonSeed = Omit<Person, 'id' | 'name' | 'rapSheet' | 'wants' | 'confidentialAddress' | 'licence' | 'ctz' | 'skin' | 'pob'> &
  Partial<Pick<Person, 'rapSheet' | 'wants' | 'confidentialAddress' | 'licence' | 'ctz' | 'skin' | 'pob'>>;

function person(id: number, p: PersonSeed): Person {
  const name = `${p.last}, ${p.first}${p.middle ? ` ${p.middle}` : ''}${p.suffix ? ` ${p.suffix}` : ''}`;
  return {
    id,
    name,
    ctz: 'US',
    skin: 'MED',
    pob: 'CA',
    confidentialAddress: false,
    licence: null,
    rapSheet: p.cii ? rap(p.cii, p.fbi, []) : null,
    wants: [],
    ...p,
  };
}

function rap(cii: string, fbi: string | undefined, arrests: RapSheet['arrests'], extra: Partial<RapSheet> = {}): RapSheet {
  return { cii, ...(fbi ? { fbi } : {}), aliases: [], arrests, custody: [], probation: [], ...extra };
}

function want(category: Want['category'], nic: string, agency: { ori: string; agency: string }, rest: Omit<Want, 'category' | 'nic' | 'ori' | 'agency'>): Want {
  return { category, nic, ori: agency.ori, agency: agency.agency, ...rest };
}

/** Keys of the fixed persons, in id order. */
export const FIXED_PERSON_KEYS = [
  'wanted',
  'rapSheet',
  'clean',
  'confidential',
  'missing',
  'protectionOrder',
  'hostile',
  'keywordTrap',
  'expiredLicence',
  'smith1',
  'smith2',
  'smith3',
  'smith4',
  'smith5',
  'smith6',
  'smith7',
  'smith8',
] as const;

export const FIXED_VEHICLE_KEYS = [
  'stolenVehicle',
  'registered',
  'expiredRegistration',
  'confidentialOwner',
  'stolenPlate',
  'keywordTrapVehicle',
  'felonyVehicleNv',
] as const;

const P = Object.fromEntries(FIXED_PERSON_KEYS.map((k, i) => [k, i])) as Record<(typeof FIXED_PERSON_KEYS)[number], number>;

const smithDobs = ['19600101', '19650512', '19700923', '19750330', '19801208', '19850617', '19901025', '19950214'];
const smithRaces = ['W', 'B', 'W', 'W', 'B', 'W', 'A', 'W'] as const;

export function buildFixedPersons(): Person[] {
  const list: Person[] = [
    person(P.wanted, {
      last: 'DOE', first: 'JOHN', middle: 'Q', dob: '19800115', sex: 'M', race: 'W',
      height: '510', weight: 175, eyes: 'BRO', hair: 'BRO', smt: 'TAT R ARM',
      address: addr('1200 J ST', 'SACRAMENTO', '95814'),
      licence: { oln: 'T0000001', state: 'CA', licenceClass: 'C', issued: '20200115', expires: '20250115', status: 'SUSPENDED' },
      cii: 'T00000001', fbi: '000001TR1',
      rapSheet: rap('T00000001', '000001TR1', [
        {
          date: '20190304', ...SACPD, oca: '19-004411', nameUsed: 'DOE, JOHN Q',
          charges: [
            { count: 1, statute: 'PC 459', level: 'F', description: 'BURGLARY', disposition: { date: '20190812', court: 'SACRAMENTO SUPERIOR COURT', result: 'CONVICTED', sentence: '180 DAYS JAIL, 36 MONTHS PROBATION' } },
          ],
        },
      ], {
        custody: [{ date: '20190812', agency: 'SACRAMENTO SO', type: 'JAIL', released: '20200208' }],
        probation: [{ date: '20190812', agency: 'SACRAMENTO PROBATION', term: '36 MONTHS', expires: '20220812' }],
      }),
      wants: [
        want('WANTED PERSON', 'W000000001', SACPD, {
          oca: '24-001234', offence: 'ROBBERY - PC 211', date: '20240610', extradition: '1 - FULL EXTRADITION',
          mis: 'FELONY WARRANT 24F01234 BAIL 100000 CAUTION MAY BE ARMED',
        }),
      ],
    }),
    person(P.rapSheet, {
      last: 'ROE', first: 'JANE', middle: 'A', dob: '19850322', sex: 'F', race: 'B',
      height: '506', weight: 140, eyes: 'BRO', hair: 'BLK',
      address: addr('455 MARKET ST', 'SAN JOSE', '95113'),
      licence: { oln: 'T0000002', state: 'CA', licenceClass: 'C', issued: '20250322', expires: '20300322', status: 'VALID' },
      cii: 'T00000002', fbi: '000002TR2',
      rapSheet: rap('T00000002', '000002TR2', [
        {
          date: '20080517', ...SJPD, oca: '08-117733', nameUsed: 'ROE, JANE',
          charges: [
            { count: 1, statute: 'PC 484(A)', level: 'M', description: 'PETTY THEFT', disposition: { date: '20080902', court: 'SANTA CLARA SUPERIOR COURT', result: 'CONVICTED', sentence: '10 DAYS JAIL, FINE' } },
          ],
        },
        {
          date: '20131121', ...SJPD, oca: '13-552190', nameUsed: 'ROE, JANE ANN',
          charges: [
            { count: 1, statute: 'HS 11378', level: 'F', description: 'POSSESS CONTROLLED SUBSTANCE FOR SALE', disposition: { date: '20140611', court: 'SANTA CLARA SUPERIOR COURT', result: 'CONVICTED', sentence: '16 MONTHS PRISON' } },
            { count: 2, statute: 'PC 148(A)(1)', level: 'M', description: 'OBSTRUCT/RESIST PUBLIC OFFICER', disposition: { date: '20140611', court: 'SANTA CLARA SUPERIOR COURT', result: 'DISMISSED' } },
          ],
        },
        {
          date: '20210708', ...LASD, oca: '21-900112', nameUsed: 'ROE, JANE A',
          charges: [
            { count: 1, statute: 'VC 23152(A)', level: 'M', description: 'DUI ALCOHOL', disposition: { date: '20211015', court: 'LOS ANGELES SUPERIOR COURT', result: 'CONVICTED', sentence: '3 YEARS PROBATION, DUI PROGRAM' } },
          ],
        },
      ], {
        aliases: ['ROE, JANIE', 'ROWE, JANE'],
        custody: [{ date: '20140611', agency: 'CDCR', type: 'PRISON', released: '20150801' }],
        probation: [{ date: '20211015', agency: 'LOS ANGELES PROBATION', term: '3 YEARS', expires: '20241015' }],
      }),
    }),
    person(P.clean, {
      last: 'CLEAN', first: 'CARL', dob: '19700704', sex: 'M', race: 'W',
      height: '600', weight: 190, eyes: 'BLU', hair: 'BLN',
      address: addr('88 OAK AVE', 'FRESNO', '93701'),
      licence: { oln: 'T0000003', state: 'CA', licenceClass: 'C', issued: '20240704', expires: '20290704', status: 'VALID', restrictions: 'CORR LENS' },
    }),
    person(P.confidential, {
      last: 'PROTECTED', first: 'PAT', dob: '19750909', sex: 'F', race: 'W',
      height: '507', weight: 135, eyes: 'GRN', hair: 'RED',
      address: addr('9 HIDDEN CT', 'ELK GROVE', '95757'),
      confidentialAddress: true,
      licence: { oln: 'T0000004', state: 'CA', licenceClass: 'C', issued: '20250909', expires: '20300909', status: 'VALID' },
    }),
    person(P.missing, {
      last: 'MISSING', first: 'MARY', dob: '20080601', sex: 'F', race: 'W',
      height: '502', weight: 105, eyes: 'HAZ', hair: 'BRO',
      address: addr('301 PINE ST', 'REDDING', '96001'),
      wants: [
        want('MISSING PERSON', 'M000000005', { ori: 'CA0450100', agency: 'REDDING PD' }, {
          oca: '25-000777', offence: 'JUVENILE - RUNAWAY', date: '20250120',
          mis: 'LAST SEEN AT BUS DEPOT WEARING RED JACKET',
        }),
      ],
    }),
    person(P.protectionOrder, {
      last: 'ORDER', first: 'OSCAR', dob: '19780214', sex: 'M', race: 'I',
      height: '511', weight: 210, eyes: 'BRO', hair: 'BLK',
      address: addr('17 RIVER RD', 'CHICO', '95926'),
      licence: { oln: 'T0000006', state: 'CA', licenceClass: 'A', issued: '20250214', expires: '20300214', status: 'VALID' },
      cii: 'T00000006',
      rapSheet: rap('T00000006', undefined, [
        {
          date: '20230405', ori: 'CA0040100', agency: 'CHICO PD', oca: '23-010203', nameUsed: 'ORDER, OSCAR',
          charges: [
            { count: 1, statute: 'PC 273.5(A)', level: 'F', description: 'INFLICT CORPORAL INJURY ON SPOUSE/COHABITANT', disposition: { date: '20230901', court: 'BUTTE SUPERIOR COURT', result: 'CONVICTED', sentence: '1 YEAR JAIL, 3 YEARS PROBATION' } },
          ],
        },
      ], { probation: [{ date: '20230901', agency: 'BUTTE PROBATION', term: '3 YEARS', expires: '20260901' }] }),
      wants: [
        want('PROTECTION ORDER', 'H000000006', { ori: 'CA0040000', agency: 'BUTTE SO' }, {
          oca: '23-PO-0042', offence: 'DOMESTIC VIOLENCE RESTRAINING ORDER', date: '20230901',
          mis: 'STAY AWAY 100 YARDS FROM PROTECTED PERSON AND RESIDENCE, NO FIREARMS',
        }),
      ],
    }),
    person(P.hostile, {
      last: 'HOSTILE', first: 'HARRY', dob: '19900101', sex: 'M', race: 'U',
      height: '509', weight: 160, eyes: 'GRY', hair: 'BRO', smt: 'TAT <b>BOLD</b>',
      address: addr('<img src=x onerror=alert(1)> 1 MAIN ST', 'SACRAMENTO', '95814'),
      licence: { oln: 'T0000007', state: 'CA', licenceClass: 'C', issued: '20200101', expires: '20300101', status: 'VALID' },
      cii: 'T00000007',
      rapSheet: rap('T00000007', undefined, [], { aliases: ['<script>alert("aka")</script>'] }),
      wants: [
        want('WANTED PERSON', 'W000000007', SACPD, {
          oca: '25-000666', offence: 'VANDALISM - PC 594(A)', date: '20250301', extradition: '4 - NO EXTRADITION',
          mis: '<script>alert(1)</script> javascript:alert(document.cookie) \u202eDETSERRA\u202c',
        }),
      ],
    }),
    person(P.keywordTrap, {
      last: 'KEYWORD', first: 'KATE', dob: '19880808', sex: 'F', race: 'A',
      height: '503', weight: 118, eyes: 'BLK', hair: 'BLK',
      address: addr('2 VISTA WAY', 'IRVINE', '92602'),
      licence: { oln: 'T0000008', state: 'CA', licenceClass: 'C', issued: '20250808', expires: '20300808', status: 'VALID' },
      wants: [
        want('WANTED PERSON', 'W000000008', { ori: 'CA0300100', agency: 'IRVINE PD' }, {
          oca: '25-008888', offence: 'GRAND THEFT - PC 487(A)', date: '20250808', extradition: '1 - FULL EXTRADITION',
          mis: 'SUBJECT CLAIMS RECORD NOT ON FILE. NO RECORD FOUND AT PRIOR ADDRESS',
        }),
      ],
    }),
    person(P.expiredLicence, {
      last: 'EXPIRED', first: 'EDNA', dob: '19551111', sex: 'F', race: 'W',
      height: '504', weight: 150, eyes: 'BLU', hair: 'GRY',
      address: addr('70 MEADOW LN', 'MODESTO', '95350'),
      licence: { oln: 'T0000009', state: 'CA', licenceClass: 'C', issued: '20161111', expires: '20211111', status: 'EXPIRED' },
    }),
  ];
  smithDobs.forEach((dob, i) => {
    const id = P.smith1 + i;
    const cii = `T000000${String(10 + i).padStart(2, '0')}`;
    list.push(
      person(id, {
        last: 'SMITH', first: 'JOHN', ...(i % 3 === 0 ? {} : { middle: 'ABCDEFGH'.charAt(i) }), dob, sex: 'M', race: smithRaces[i]!,
        height: `5${String(8 + (i % 4)).padStart(2, '0')}`, weight: 160 + i * 7, eyes: i % 2 ? 'BLU' : 'BRO', hair: 'BRO',
        address: addr(`${100 + i * 11} ELM ST`, 'STOCKTON', '95202'),
        licence: { oln: `T00000${String(10 + i).padStart(2, '0')}`, state: 'CA', licenceClass: 'C', issued: '20250101', expires: '20300101', status: 'VALID' },
        cii,
        rapSheet: rap(cii, undefined, [
          {
            date: `20${String(10 + i).padStart(2, '0')}0601`, ori: 'CA0390100', agency: 'STOCKTON PD', oca: `1${i}-0000${i}`, nameUsed: 'SMITH, JOHN',
            charges: [{ count: 1, statute: 'VC 14601.1(A)', level: 'M', description: 'DRIVE WHILE LICENSE SUSPENDED', disposition: { date: `20${String(10 + i).padStart(2, '0')}0901`, court: 'SAN JOAQUIN SUPERIOR COURT', result: 'CONVICTED', sentence: 'FINE' } }],
          },
        ]),
      }),
    );
  });
  for (const p of list) p.fixedKey = FIXED_PERSON_KEYS[p.id];
  return list;
}

export function buildFixedVehicles(): Vehicle[] {
  const base = {
    plateState: 'CA', plateType: 'PC', registrationStatus: 'CURRENT' as const, stolen: null,
  };
  const list: Vehicle[] = [
    {
      ...base, id: 0, plate: '1TRN001', plateYear: '2028', vin: vin('1HGFC2F5', 'KA000001'), year: 2019,
      make: 'HOND', makeName: 'HONDA', model: 'CIVIC', style: '4D', colour: 'BLK', ownerId: P.clean, registrationExpires: '20280815',
      stolen: { category: 'STOLEN VEHICLE', nic: 'V000000001', ...SACPD, oca: '25-004321', date: '20250914', mis: 'TAKEN FROM PARKING LOT, KEYS NOT IN VEHICLE' },
    },
    {
      ...base, id: 1, plate: '1TRN002', plateYear: '2028', vin: vin('4T1B11HK', 'MU000002'), year: 2021,
      make: 'TOYT', makeName: 'TOYOTA', model: 'CAMRY', style: '4D', colour: 'WHI', ownerId: P.rapSheet, registrationExpires: '20281130',
    },
    {
      ...base, id: 2, plate: '1TRN003', plateYear: '2024', plateType: 'CO', vin: vin('1FTEW1EP', 'FF000003'), year: 2015,
      make: 'FORD', makeName: 'FORD', model: 'F150', style: 'PK', colour: 'RED', ownerId: P.clean, registrationExpires: '20240301',
      registrationStatus: 'EXPIRED',
    },
    {
      ...base, id: 3, plate: '1TRN004', plateYear: '2028', vin: vin('5YJ3E1EA', 'LF000004'), year: 2020,
      make: 'TESL', makeName: 'TESLA', model: 'MODEL 3', style: '4D', colour: 'GRY', ownerId: P.confidential, registrationExpires: '20280505',
    },
    {
      ...base, id: 4, plate: '1TRN005', plateYear: '2028', vin: vin('1G1ZD5ST', 'CF000005'), year: 2012,
      make: 'CHEV', makeName: 'CHEVROLET', model: 'MALIBU', style: '4D', colour: 'SIL', ownerId: P.wanted, registrationExpires: '20280120',
      stolen: { category: 'STOLEN PLATE', nic: 'V000000005', ...SJPD, oca: '25-007070', date: '20251002', mis: 'REAR PLATE ONLY STOLEN' },
    },
    {
      ...base, id: 5, plate: '1TRN006', plateYear: '2028', vin: vin('JM1BL1SF', 'HA000006'), year: 2017,
      make: 'MAZD', makeName: 'MAZDA', model: 'MAZDA3', style: '4D', colour: 'BLU', ownerId: P.keywordTrap, registrationExpires: '20281212',
      remarks: 'PRIOR OWNER NOTE: MKE/WANTED PERSON NIC/W999999999 (TEXT ONLY, NOT A WANT)',
    },
    {
      ...base, id: 6, plate: '1TRN007', plateState: 'NV', plateYear: '2028', vin: vin('1C4RJFAG', 'LC000007'), year: 2020,
      make: 'JEEP', makeName: 'JEEP', model: 'GRAND CHEROKEE', style: 'UT', colour: 'GRN', ownerId: P.wanted, registrationExpires: '20280630',
      stolen: { category: 'FELONY VEHICLE', nic: 'V000000007', ori: 'NV0020100', agency: 'LAS VEGAS METRO PD', oca: '25-LV-0099', date: '20251111', mis: 'USED IN ARMED ROBBERY, OCCUPANTS MAY BE ARMED' },
    },
  ];
  for (const v of list) v.fixedKey = FIXED_VEHICLE_KEYS[v.id];
  return list;
}
