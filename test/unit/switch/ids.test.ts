// Identifier schemes and the PRNG behind the data set.
import { describe, expect, it } from 'vitest';
import { vinCheckDigit } from '../../../shared/codec';
import { IdSchemes, vinCheck } from '../../../switch/dataset/ids';
import { AffinePermutation, Rng, recordSeed } from '../../../switch/dataset/prng';

describe('AffinePermutation', () => {
  it('is a bijection with a working inverse', () => {
    const p = new AffinePermutation(1000, 7, 3);
    const seen = new Set<number>();
    for (let x = 0; x < 1000; x++) {
      const y = p.forward(x);
      seen.add(y);
      expect(p.inverse(y)).toBe(x);
    }
    expect(seen.size).toBe(1000);
  });

  it('refuses a multiplier that shares a factor with the modulus', () => {
    expect(() => new AffinePermutation(1000, 10, 0)).toThrow();
  });
});

describe('Rng', () => {
  it('repeats for the same seed and stays in range', () => {
    const a = new Rng(recordSeed(1, 2, 3));
    const b = new Rng(recordSeed(1, 2, 3));
    for (let i = 0; i < 1000; i++) {
      const x = a.int(17);
      expect(x).toBe(b.int(17));
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(17);
    }
    expect(recordSeed(1, 2, 3)).not.toBe(recordSeed(1, 2, 4));
  });

  it('gives golden values (no platform-dependent arithmetic)', () => {
    const r = new Rng(42);
    expect([r.u32(), r.u32(), r.u32()]).toEqual([2581720956, 1925393290, 3661312704]);
  });
});

describe('IdSchemes', () => {
  const ids = new IdSchemes(7);
  it('round-trips every identifier', () => {
    for (const g of [0, 1, 2, 99_999, 123_456]) {
      expect(ids.olnIndex(ids.oln(g))).toBe(g);
      expect(ids.ciiIndex(ids.cii(g))).toBe(g);
      expect(ids.fbiIndex(ids.fbi(g))).toBe(g);
      expect(ids.plateIndex(ids.plate(g))).toBe(g);
      expect(ids.vinIndex(ids.vin(g, '1HG', 'CM826', 2003, 'A'))).toBe(g);
      expect(ids.nicIndex(ids.personNic(g, 'W'))).toEqual({ kind: 'person', g });
      expect(ids.nicIndex(ids.vehicleNic(g))).toEqual({ kind: 'vehicle', g });
    }
  });

  it('never produces the shapes reserved for fixed subjects', () => {
    for (let g = 0; g < 5_000; g++) {
      expect(ids.oln(g)).not.toMatch(/^T/);
      expect(ids.plate(g)).toMatch(/^[2-9][A-Z]{3}[0-9]{3}$/);
      expect(ids.fbi(g)).not.toContain('TR');
      expect(ids.personNic(g, 'W')).toMatch(/^W1/);
    }
  });

  it('computes VIN check digits like the codec', () => {
    for (const vin of ['1HGCM82633A004352', '1M8GDM9AXKP042788', '5YJ3E1EA0LF000004']) {
      expect(vinCheck(vin)).toBe(vinCheckDigit(vin));
    }
    expect(vinCheck('1M8GDM9AXKP042788')).toBe('X');
  });
});
