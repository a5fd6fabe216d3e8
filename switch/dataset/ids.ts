// Identifier schemes of generated records. Each identifier is a bijection of the record's generated
// index (so identifiers are unique by construction) and can be turned back into the one index that
// could own it: lookups by OLN, CII, FBI, SID, plate, VIN and NIC need no hash map.
//
// Generated identifiers never take the shapes reserved for the fixed training subjects:
//   OLN   generated: a letter other than T + 7 digits     fixed: T + 7 digits
//   CII   generated: A + 8 digits                          fixed: T + 8 digits
//   FBI   generated: 6 digits + 2 letters A-H + 1 digit   fixed: 6 digits + TR + 1 digit
//   plate generated: digit 2-9, 3 letters, 3 digits        fixed: first digit 1
//   NIC   generated: letter + 1 + 8 digits                 fixed: letter + 0 + 8 digits
//   VIN   generated: serial (last 6) = permuted index      fixed: listed explicitly, checked first

import { AffinePermutation, mix32 } from './prng';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const OLN_LETTERS = 'ABCDEFGHIJKLMNOPQRSUVWXYZ'; // no T
const FBI_LETTERS = 'ABCDEFGH';
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'; // no I, O, Q
const VIN_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789'; // 1980..2009, then repeats from 2010
const VIN_TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Per-seed permutations, so two seeds give different identifiers to the same index. */
export class IdSchemes {
  private readonly olnPerm: AffinePermutation;
  private readonly ciiPerm: AffinePermutation;
  private readonly fbiPerm: AffinePermutation;
  private readonly platePerm: AffinePermutation;
  private readonly vinPerm: AffinePermutation;
  private readonly nicPerson: AffinePermutation;
  private readonly nicVehicle: AffinePermutation;
  private readonly salt: number;

  static readonly PLATE_SPACE = 8 * 26 * 26 * 26 * 1000;

  constructor(seed: number) {
    const s = (k: number) => mix32(seed ^ Math.imul(k, 0x27d4eb2f));
    this.salt = s(99);
    this.olnPerm = new AffinePermutation(10_000_000, 7_368_787, s(1) % 10_000_000);
    this.ciiPerm = new AffinePermutation(100_000_000, 48_271_237, s(2) % 100_000_000);
    this.fbiPerm = new AffinePermutation(1_000_000, 738_917, s(3) % 1_000_000);
    this.platePerm = new AffinePermutation(IdSchemes.PLATE_SPACE, 91_171_177, s(4) % IdSchemes.PLATE_SPACE);
    this.vinPerm = new AffinePermutation(1_000_000, 412_339, s(5) % 1_000_000);
    this.nicPerson = new AffinePermutation(100_000_000, 73_939_133, s(6) % 100_000_000);
    this.nicVehicle = new AffinePermutation(100_000_000, 19_260_817, s(7) % 100_000_000);
  }

  private letter(g: number, alphabet: string, k: number): string {
    return alphabet.charAt(mix32(this.salt ^ Math.imul(g + 1, 0x9e3779b1) ^ k) % alphabet.length);
  }

  // --- OLN: California driver licence, letter + 7 digits ---------------------------------------
  oln(g: number): string {
    return this.letter(g, OLN_LETTERS, 11) + pad(this.olnPerm.forward(g), 7);
  }
  olnIndex(oln: string): number | null {
    if (!/^[A-Z][0-9]{7}$/.test(oln)) return null;
    const g = this.olnPerm.inverse(Number(oln.slice(1)));
    return this.oln(g) === oln ? g : null;
  }

  // --- CII: California criminal identification index number, A + 8 digits ----------------------
  cii(g: number): string {
    return 'A' + pad(this.ciiPerm.forward(g), 8);
  }
  ciiIndex(cii: string): number | null {
    if (!/^A[0-9]{8}$/.test(cii)) return null;
    return this.ciiPerm.inverse(Number(cii.slice(1)));
  }

  // --- FBI number: 6 digits, 2 letters, 1 digit (only for g < 1,000,000) ------------------------
  fbi(g: number): string {
    return pad(this.fbiPerm.forward(g), 6) + this.letter(g, FBI_LETTERS, 21) + this.letter(g, FBI_LETTERS, 22) + this.letter(g, '0123456789', 23);
  }
  fbiIndex(fbi: string): number | null {
    if (!/^[0-9]{6}[A-H]{2}[0-9]$/.test(fbi)) return null;
    const g = this.fbiPerm.inverse(Number(fbi.slice(0, 6)));
    return this.fbi(g) === fbi ? g : null;
  }

  // --- Plate: California standard format dLLLddd, first digit 2-9 -------------------------------
  plate(g: number): string {
    let n = this.platePerm.forward(g);
    const tail = n % 1000;
    n = Math.floor(n / 1000);
    const l3 = n % 26;
    n = Math.floor(n / 26);
    const l2 = n % 26;
    n = Math.floor(n / 26);
    const l1 = n % 26;
    const first = 2 + Math.floor(n / 26);
    return `${first}${LETTERS[l1]}${LETTERS[l2]}${LETTERS[l3]}${pad(tail, 3)}`;
  }
  plateIndex(plate: string): number | null {
    if (!/^[2-9][A-Z]{3}[0-9]{3}$/.test(plate)) return null;
    const first = plate.charCodeAt(0) - 50;
    const l = (i: number) => plate.charCodeAt(i) - 65;
    const n = (((first * 26 + l(1)) * 26 + l(2)) * 26 + l(3)) * 1000 + Number(plate.slice(4));
    return this.platePerm.inverse(n);
  }

  // --- VIN: 17 characters, valid check digit; the serial (last 6) is the permuted index ---------
  /** `vds` is 5 VIN characters chosen by the caller; `plant` one. */
  vin(g: number, wmi: string, vds: string, year: number, plant: string): string {
    const yearCode = VIN_YEAR_CODES.charAt((((year - 1980) % 30) + 30) % 30);
    const body = `${wmi}${vds}0${yearCode}${plant}${pad(this.vinPerm.forward(g), 6)}`;
    return body.slice(0, 8) + vinCheck(body) + body.slice(9);
  }
  vinIndex(vin: string): number | null {
    if (!/^[A-HJ-NPR-Z0-9]{11}[0-9]{6}$/.test(vin)) return null;
    return this.vinPerm.inverse(Number(vin.slice(11)));
  }

  // --- NIC: NCIC control number, letter + 1 + 8 digits ---------------------------------------------
  personNic(g: number, prefix: string): string {
    return `${prefix}1${pad(this.nicPerson.forward(g), 8)}`;
  }
  vehicleNic(g: number): string {
    return `V1${pad(this.nicVehicle.forward(g), 8)}`;
  }
  nicIndex(nic: string): { kind: 'person' | 'vehicle'; g: number } | null {
    if (!/^[A-Z]1[0-9]{8}$/.test(nic)) return null;
    const n = Number(nic.slice(2));
    return nic[0] === 'V' ? { kind: 'vehicle', g: this.nicVehicle.inverse(n) } : { kind: 'person', g: this.nicPerson.inverse(n) };
  }
}

/** VIN characters for the random parts (no I, O, Q). */
export const VIN_ALPHABET = VIN_CHARS;

/** The check digit (position 9) of a 17-character VIN, per 49 CFR 565. */
export function vinCheck(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin.charAt(i);
    const value = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : (VIN_TRANSLITERATION[ch] ?? 0);
    sum += value * VIN_WEIGHTS[i]!;
  }
  const rem = sum % 11;
  return rem === 10 ? 'X' : String(rem);
}
