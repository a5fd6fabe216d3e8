// The subject keys an inquiry leaves in the audit trail (≤ 4, never an SSN or address) and the subject line.
import { describe, expect, it } from 'vitest';
import { SUBJECT_KEYS } from '../../../electron/services/audit/schema';
import { SUBJECT_KEY_ORDER, subjectKeysOf, subjectLineOf } from '../../../shared/policy/inquiry-subject';

describe('subjectKeysOf', () => {
  it('keeps at most four keys, in order, upper-cased, and never the SSN', () => {
    expect(subjectKeysOf({ nam: ' doe,  john ', dob: '19800115', sex: 'm', soc: '123456789', oln: 'T0000001', cii: 'T00000001' })).toEqual({
      NAM: 'DOE, JOHN',
      DOB: '19800115',
      SEX: 'M',
      OLN: 'T0000001',
    });
    expect(subjectKeysOf({ lic: '1trn001', lis: 'ca' })).toEqual({ LIC: '1TRN001', LIS: 'CA' });
    expect(subjectKeysOf({ soc: '123456789', rac: 'W' })).toEqual({});
  });

  it('uses only the keys the audit schema allows, each at most 40 characters without control characters', () => {
    expect(SUBJECT_KEY_ORDER.every((k) => (SUBJECT_KEYS as readonly string[]).includes(k))).toBe(true);
    const keys = subjectKeysOf({ nam: `A\u0007${'B'.repeat(80)}` });
    expect(keys.NAM).toHaveLength(40);
    expect(keys.NAM).not.toMatch(/\p{Cc}/u);
  });
});

describe('subjectLineOf', () => {
  it('names the subject as asked', () => {
    expect(subjectLineOf({ nam: 'DOE, JOHN', dob: '19800115' })).toBe('DOE, JOHN · 1980-01-15');
    expect(subjectLineOf({ lic: '1TRN001', lis: 'CA' })).toBe('Plate 1TRN001 CA');
    expect(subjectLineOf({ vin: '1HGFC2F52KA000001' })).toBe('VIN 1HGFC2F52KA000001');
    expect(subjectLineOf({ oln: 'T0000003' })).toBe('OLN T0000003');
    expect(subjectLineOf({ cii: 'T00000002' })).toBe('CII T00000002');
    expect(subjectLineOf({})).toBe('Subject not given');
    expect(subjectLineOf({ nam: 'X'.repeat(300) }).length).toBeLessThanOrEqual(160);
  });
});
