import { describe, expect, it } from 'vitest';
import { decodeInquiry, MAX_INQUIRY_CHARS } from '../../../shared/codec';

const TODAY = { today: '20250615' };

describe('decodeInquiry', () => {
  it('reads a California wanted-persons inquiry', () => {
    expect(decodeInquiry('IW.QW.CA0340000.TXT\nNAM/SMITH, JOHN J.DOB/19511012.SEX/M.RPC/C', TODAY)).toEqual({
      ok: true,
      value: { kind: 'wanted_person', ori: 'CA0340000', nam: 'SMITH, JOHN J', dob: '19511012', sex: 'M', requestPurpose: 'C' },
      warnings: [],
    });
  });

  it('prefers the longest key: IH.R.QR is III, IH.QR is California', () => {
    const iii = decodeInquiry('IH.R.QR.CA0340000.TXT\nFBI/123456789.PUR/C.ATN/DET JONES.RPC/C', TODAY);
    const ca = decodeInquiry('IH.QR.CA0340000.TXT\nCII/A12345678.PUR/C.ATN/DET JONES.RPC/C', TODAY);
    expect(iii.ok && iii.value.kind).toBe('iii_record');
    expect(ca.ok && ca.value.kind).toBe('ca_history_cii');
  });

  it('accepts CRLF or no line break after TXT, and defaults RPC to C', () => {
    const a = decodeInquiry('ID.L1.CA0340000.TXT\r\nOLN/D1234567', TODAY);
    const b = decodeInquiry('ID.L1.CA0340000.TXTOLN/D1234567', TODAY);
    expect(a).toEqual(b);
    expect(a.ok && a.value).toEqual({ kind: 'dmv_licence_oln', ori: 'CA0340000', oln: 'D1234567', requestPurpose: 'C' });
  });

  it('reads Nlets destinations and the control field', () => {
    const r = decodeInquiry('DQ.CA0340000.AZ.NV.*Q17.TXT\nOLN/D1234567.RPC/C', TODAY);
    expect(r.ok && r.value).toEqual({
      kind: 'nlets_licence', ori: 'CA0340000', destinations: ['AZ', 'NV'], control: 'Q17', oln: 'D1234567', requestPurpose: 'C',
    });
  });

  it('reads an AM with free text', () => {
    const r = decodeInquiry('AM.CA0340000.NV0130000.TXT\nPlease call. Ref 24/1234', TODAY);
    expect(r.ok && r.value).toEqual({ kind: 'admin_message', ori: 'CA0340000', destinations: ['NV0130000'], text: 'Please call. Ref 24/1234' });
  });

  it('answers the verbatim ER sample inquiry (RQ without LIY) with fields missing', () => {
    const r = decodeInquiry('RQ.AZNLETS20.AZ.TXT\nLIC/123456.LIT/PC', TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erCode).toBe('14');
    expect(!r.ok && r.errors[0]?.field).toBe('liy');
  });

  const erCases: Array<[string, string, string]> = [
    ['an unknown message key', 'ZZ.CA0340000.TXT\nOLN/D1', '01'],
    ['a bad sending ORI', 'ID.L1.CA034.TXT\nOLN/D1', '01'],
    ['fields with no TXT before them', 'ID.L1.CA0340000.OLN/D1', '03'],
    ['a header part that is not a destination', 'DQ.CA0340000.A1.TXT\nOLN/D1', '01'],
    ['no TXT at all after destinations', 'DQ.CA0340000.AZ.', '03'],
    ['an unknown destination state', 'DQ.CA0340000.ZZ.TXT\nOLN/D1', '19'],
    ['destinations on a California key', 'ID.L1.CA0340000.AZ.TXT\nOLN/D1', '19'],
    ['an impossible date of birth', 'IN.L1.CA0340000.TXT\nNAM/SMITH, JOHN.DOB/20230229', '05'],
    ['an invalid plate year', 'RQ.CA0340000.AZ.TXT\nLIC/123456.LIY/26.LIT/PC', '10'],
    ['a missing ATN', 'IH.R.QR.CA0340000.TXT\nFBI/123456789.PUR/C', '16'],
    ['a trailing period', 'ID.L1.CA0340000.TXT\nOLN/D1.', '22'],
    ['a repeated field', 'ID.L1.CA0340000.TXT\nOLN/D1.OLN/D2', '22'],
    ['a field the key does not use', 'ID.L1.CA0340000.TXT\nOLN/D1.NAM/SMITH, J', '22'],
    ['a part that is not FLD/value', 'ID.L1.CA0340000.TXT\nOLN/D1.JUNK', '22'],
    ['purpose code R', 'IH.R.QR.CA0340000.TXT\nFBI/123456789.PUR/R.ATN/X', '22'],
    ['an empty field', 'ID.L1.CA0340000.TXT\nOLN/', '14'],
  ];
  it.each(erCases)('gives the switch an ER code for %s', (_name, text, code) => {
    const r = decodeInquiry(text, TODAY);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.erCode).toBe(code);
  });

  it('never throws on junk, and refuses text longer than the cap', () => {
    for (const junk of ['', '.', 'TXT', '....TXT', 'IW.QW.', 'IW.QW.CA0340000.TXT\n\u0000', '\uD800', 'A'.repeat(MAX_INQUIRY_CHARS + 1)]) {
      expect(decodeInquiry(junk, TODAY).ok).toBe(false);
    }
    expect(decodeInquiry(42 as unknown as string, TODAY).ok).toBe(false);
  });
});
