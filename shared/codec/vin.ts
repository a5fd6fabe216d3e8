// VIN check digit (position 9 of a 17-character VIN, North American standard 49 CFR 565).

const TRANSLITERATION: Readonly<Record<string, number>> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** The expected check character of a 17-character VIN, or null if a character has no value. */
export function vinCheckDigit(vin: string): string | null {
  if (vin.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin.charAt(i);
    const value = ch >= '0' && ch <= '9' ? Number(ch) : TRANSLITERATION[ch];
    if (value === undefined) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const rem = sum % 11;
  return rem === 10 ? 'X' : String(rem);
}

/** True when a 17-character VIN's check digit matches. Non-North-American VINs may legitimately fail. */
export function vinCheckDigitMatches(vin: string): boolean {
  const expected = vinCheckDigit(vin);
  return expected !== null && vin.charAt(8) === expected;
}
