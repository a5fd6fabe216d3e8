import { describe, expect, it } from 'vitest';
import { CodecError, encodeInquiry, validateInquiry, type Inquiry } from '../../../shared/codec';

const TODAY = { today: '20250615' };
const ORI = 'CA0340000';

const cases: Array<[string, Inquiry, string]> = [
  [
    'California criminal history by name (IH.QH)',
    { kind: 'ca_history_name', ori: ORI, nam: 'Smith, John J', dob: '19511012', sex: 'M', rac: 'W', purpose: 'C', attention: 'DET JONES RPT 24-001234' },
    'IH.QH.CA0340000.TXT\nNAM/SMITH, JOHN J.DOB/19511012.SEX/M.RAC/W.PUR/C.ATN/DET JONES RPT 24-001234.RPC/C',
  ],
  [
    'California criminal history by CII (IH.QR)',
    { kind: 'ca_history_cii', ori: ORI, cii: 'A12345678', purpose: 'C', attention: 'DET JONES', requestPurpose: 'U' },
    'IH.QR.CA0340000.TXT\nCII/A12345678.PUR/C.ATN/DET JONES.RPC/U',
  ],
  [
    'III name search (IH.R.QH)',
    { kind: 'iii_name', ori: ORI, nam: 'SMITH, JOHN', dob: '19511012', sex: 'M', purpose: 'J', attention: 'HR CASE 77' },
    'IH.R.QH.CA0340000.TXT\nNAM/SMITH, JOHN.DOB/19511012.SEX/M.PUR/J.ATN/HR CASE 77.RPC/C',
  ],
  [
    'III record request by FBI number (IH.R.QR)',
    { kind: 'iii_record', ori: ORI, fbi: '123456AB1', purpose: 'C', attention: 'DET JONES' },
    'IH.R.QR.CA0340000.TXT\nFBI/123456AB1.PUR/C.ATN/DET JONES.RPC/C',
  ],
  [
    'wanted persons by name (IW.QW)',
    { kind: 'wanted_person', ori: ORI, nam: 'SMITH, JOHN J', dob: '19511012', sex: 'M' },
    'IW.QW.CA0340000.TXT\nNAM/SMITH, JOHN J.DOB/19511012.SEX/M.RPC/C',
  ],
  [
    'wanted persons by licence number (IW.QW)',
    { kind: 'wanted_person', ori: ORI, oln: 'D1234567', ols: 'CA', control: 'R42' },
    'IW.QW.CA0340000.*R42.TXT\nOLN/D1234567.OLS/CA.RPC/C',
  ],
  [
    'stolen vehicle by plate (IA.QV)',
    { kind: 'stolen_vehicle', ori: ORI, lic: '7abc123', lis: 'CA', liy: '2026', lit: 'PC' },
    'IA.QV.CA0340000.TXT\nLIC/7ABC123.LIS/CA.LIY/2026.LIT/PC.RPC/C',
  ],
  [
    'stolen vehicle by VIN (IA.QV)',
    { kind: 'stolen_vehicle', ori: ORI, vin: '1M8GDM9AXKP042788', vma: 'FORD' },
    'IA.QV.CA0340000.TXT\nVIN/1M8GDM9AXKP042788.VMA/FORD.RPC/C',
  ],
  [
    'DMV licence by number (ID.L1)',
    { kind: 'dmv_licence_oln', ori: ORI, oln: 'D1234567' },
    'ID.L1.CA0340000.TXT\nOLN/D1234567.RPC/C',
  ],
  [
    'DMV licence by name (IN.L1)',
    { kind: 'dmv_licence_name', ori: ORI, nam: 'SMITH, JOHN', dob: '19511012', sex: 'M' },
    'IN.L1.CA0340000.TXT\nNAM/SMITH, JOHN.DOB/19511012.SEX/M.RPC/C',
  ],
  [
    'DMV registration by plate (IV.4L)',
    { kind: 'dmv_registration_plate', ori: ORI, lic: '7ABC123', lit: 'PC' },
    'IV.4L.CA0340000.TXT\nLIC/7ABC123.LIT/PC.RPC/C',
  ],
  [
    'DMV registration by VIN (IV.4V)',
    { kind: 'dmv_registration_vin', ori: ORI, vin: '1M8GDM9AXKP042788' },
    'IV.4V.CA0340000.TXT\nVIN/1M8GDM9AXKP042788.RPC/C',
  ],
  [
    'Nlets driver licence (DQ) to two states',
    { kind: 'nlets_licence', ori: ORI, destinations: ['az', 'NV'], nam: 'SMITH, JOHN', dob: '19511012', sex: 'M' },
    'DQ.CA0340000.AZ.NV.TXT\nNAM/SMITH, JOHN.DOB/19511012.SEX/M.RPC/C',
  ],
  [
    'Nlets registration (RQ)',
    { kind: 'nlets_registration', ori: ORI, destinations: ['AZ'], lic: '123456', liy: 'NX', lit: 'PC' },
    'RQ.CA0340000.AZ.TXT\nLIC/123456.LIY/NX.LIT/PC.RPC/C',
  ],
  [
    'Nlets criminal history index (IQ)',
    { kind: 'nlets_history_index', ori: ORI, destinations: ['TX'], nam: 'SMITH, JOHN', dob: '19511012', sex: 'M', purpose: 'C', attention: 'DET JONES' },
    'IQ.CA0340000.TX.TXT\nNAM/SMITH, JOHN.DOB/19511012.SEX/M.PUR/C.ATN/DET JONES.RPC/C',
  ],
  [
    'Nlets full record (FQ) by SID',
    { kind: 'nlets_history_record', ori: ORI, destinations: ['TX'], sid: 'TX01234567', purpose: 'C', attention: 'DET JONES' },
    'FQ.CA0340000.TX.TXT\nSID/TX01234567.PUR/C.ATN/DET JONES.RPC/C',
  ],
  [
    'hit confirmation request (YQ) to two ORIs',
    { kind: 'hit_confirmation_request', ori: ORI, destinations: ['NV0130000', 'NV0020000'], rty: 'W', rno: '1', pri: 'U', oca: '24-001234', nic: 'W123456789', attention: 'DISPATCH' },
    'YQ.CA0340000.NV0130000.NV0020000.TXT\nRTY/W.RNO/1.PRI/U.OCA/24-001234.NIC/W123456789.ATN/DISPATCH',
  ],
  [
    'administrative message (AM)',
    { kind: 'admin_message', ori: ORI, destinations: ['NV0130000'], text: 'Please call our records unit.\nRef 24-001234.' },
    'AM.CA0340000.NV0130000.TXT\nPlease call our records unit.\nRef 24-001234',
  ],
];

describe('encodeInquiry writes each kind exactly', () => {
  it.each(cases)('%s', (_name, inquiry, expected) => {
    const text = encodeInquiry(inquiry, TODAY);
    expect(text).toBe(expected);
    expect(text.endsWith('.')).toBe(false);
  });
});

describe('encodeInquiry refuses invalid inquiries', () => {
  it('throws a CodecError listing every field problem', () => {
    const bad = { kind: 'iii_name', ori: 'CA034', nam: 'SMITH.DOB/19000101', dob: '20230229', sex: 'Q', purpose: 'R', attention: '' } as unknown as Inquiry;
    let caught: unknown;
    try {
      encodeInquiry(bad, TODAY);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(CodecError);
    const fields = (caught as CodecError).errors.map((e) => e.field);
    expect(fields).toEqual(['ori', 'nam', 'dob', 'sex', 'purpose', 'attention']);
  });

  it('refuses a name that would inject a DOB field, instead of encoding it', () => {
    expect(() =>
      encodeInquiry({ kind: 'wanted_person', ori: ORI, nam: 'SMITH.DOB/19000101', sex: 'M' }, TODAY),
    ).toThrow(/Name cannot contain periods/);
  });

  it('refuses period, slash and line-break injection in every field', () => {
    const inq = {
      kind: 'nlets_history_index', ori: 'CA0340000', destinations: ['AZ'], nam: 'SMITH, JOHN', dob: '19511012', sex: 'M',
      purpose: 'C', attention: 'DET JONES',
    } as const;
    for (const field of ['ori', 'nam', 'dob', 'sex', 'purpose', 'attention', 'control', 'requestPurpose'] as const) {
      for (const attack of ['.SEX/F', '/F', '\nSEX/F']) {
        const value = field === 'control' || field === 'requestPurpose' ? `C${attack}` : `${inq[field] ?? ''}${attack}`;
        const r = validateInquiry({ ...inq, [field]: value } as unknown as Inquiry, TODAY);
        expect(r.ok, `${field} with ${JSON.stringify(attack)}`).toBe(false);
      }
    }
    const dest = validateInquiry({ ...inq, destinations: ['AZ.TXT'] } as unknown as Inquiry, TODAY);
    expect(dest.ok).toBe(false);
  });

  it('refuses purpose code R', () => {
    const r = validateInquiry({ kind: 'iii_record', ori: ORI, fbi: '123456789', purpose: 'R', attention: 'DET JONES' }, TODAY);
    expect(r).toEqual({
      ok: false,
      errors: [{ field: 'purpose', message: 'Purpose code R is for FBI use only and cannot be used by state or local agencies.' }],
    });
  });

  it('refuses a future date of birth using the injected today', () => {
    const inq: Inquiry = { kind: 'dmv_licence_name', ori: ORI, nam: 'SMITH, JOHN', dob: '20250616', sex: 'M' };
    expect(validateInquiry(inq, TODAY).ok).toBe(false);
    expect(validateInquiry(inq, { today: '20250617' }).ok).toBe(true);
  });
});

describe('validateInquiry: which search fields go together', () => {
  const errorsOf = (inq: Inquiry) => {
    const r = validateInquiry(inq, TODAY);
    return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
  };

  it('wanted persons: a name needs a date of birth or sex', () => {
    expect(errorsOf({ kind: 'wanted_person', ori: ORI, nam: 'SMITH, JOHN' })).toEqual([
      'dob: With a name, also give the date of birth or the sex.',
    ]);
  });

  it('wanted persons: nothing to search by', () => {
    expect(errorsOf({ kind: 'wanted_person', ori: ORI })[0]).toMatch(/^nam: Give a name/);
  });

  it('stolen vehicle: plate and VIN together are refused, and a plate needs its state', () => {
    expect(errorsOf({ kind: 'stolen_vehicle', ori: ORI, lic: 'ABC123', vin: '1M8GDM9AXKP042788' })).toEqual([
      'vin: Search by plate or by VIN, not both.',
    ]);
    expect(errorsOf({ kind: 'stolen_vehicle', ori: ORI, lic: 'ABC123' })).toEqual(['lis: A plate search needs the plate state.']);
  });

  it('Nlets registration by plate needs year and type', () => {
    expect(errorsOf({ kind: 'nlets_registration', ori: ORI, destinations: ['AZ'], lic: '123456' })).toEqual([
      'liy: A plate search needs the plate year (or NX for a non-expiring plate).',
      'lit: A plate search needs the plate type.',
    ]);
  });

  it('III record request takes exactly one of FBI and SID', () => {
    expect(errorsOf({ kind: 'iii_record', ori: ORI, fbi: '1', sid: 'CA123', purpose: 'C', attention: 'X' })).toEqual([
      'sid: Give either the FBI number or the state ID (SID), not both.',
    ]);
  });

  it('Nlets destinations: 1 to 5 known state codes, no repeats', () => {
    const base = { kind: 'nlets_licence', ori: ORI, oln: 'D1234567' } as const;
    expect(errorsOf({ ...base, destinations: [] })).toEqual(['destinations: Choose 1 to 5 destination states (2-letter codes such as NV).']);
    expect(errorsOf({ ...base, destinations: ['AZ', 'NV', 'OR', 'WA', 'ID', 'UT'] })).toEqual(['destinations: Choose no more than 5 destination states.']);
    expect(errorsOf({ ...base, destinations: ['ZZ'] })[0]).toMatch(/Destination state must be a 2-letter state/);
    expect(errorsOf({ ...base, destinations: ['AZ', 'az'] })).toEqual(['destinations: Destination AZ is listed twice.']);
  });

  it('hit confirmation goes to at most 3 ORIs', () => {
    const inq: Inquiry = {
      kind: 'hit_confirmation_request', ori: ORI, destinations: ['NV0130000', 'NV0130001', 'NV0130002', 'NV0130003'],
      rty: 'W', rno: '1', pri: 'R', oca: 'A1', nic: 'W123456789',
    };
    expect(errorsOf(inq)).toEqual(['destinations: Choose no more than 3 destination ORIs.']);
  });

  it('fills in the California request purpose C and drops unknown properties', () => {
    const r = validateInquiry({ kind: 'dmv_licence_oln', ori: ORI, oln: 'd1', extra: 'x' } as unknown as Inquiry, TODAY);
    expect(r).toEqual({ ok: true, value: { kind: 'dmv_licence_oln', ori: ORI, oln: 'D1', requestPurpose: 'C' }, warnings: [] });
  });

  it('passes the VIN check digit warning through', () => {
    const r = validateInquiry({ kind: 'dmv_registration_vin', ori: ORI, vin: '1M8GDM9A1KP042788' }, TODAY);
    expect(r.ok && r.warnings.map((w) => w.field)).toEqual(['vin']);
  });

  it('refuses an unknown kind without throwing', () => {
    expect(validateInquiry({ kind: 'nope' } as unknown as Inquiry, TODAY)).toEqual({
      ok: false,
      errors: [{ field: 'kind', message: 'Choose a known inquiry type.' }],
    });
    expect(validateInquiry(null as unknown as Inquiry, TODAY).ok).toBe(false);
  });
});
