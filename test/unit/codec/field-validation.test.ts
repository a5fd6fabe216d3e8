import { describe, expect, it } from 'vitest';
import {
  validateAdminText,
  validateAttention,
  validateCaPurpose,
  validateCii,
  validateControl,
  validateFbi,
  validateName,
  validateNic,
  validateOca,
  validateOln,
  validateOri,
  validatePastDate,
  validatePlate,
  validatePlateType,
  validatePlateYear,
  validatePurpose,
  validateRace,
  validateSex,
  validateSid,
  validateSoc,
  validateState,
  validateVin,
  vinCheckDigit,
  type FieldResult,
} from '../../../shared/codec';

const TODAY = '20250615';

function okValue(r: FieldResult): string {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}
function message(r: FieldResult): string {
  if (r.ok) throw new Error(`expected an error, got ok ${r.value}`);
  return r.message;
}

describe('name (NAM)', () => {
  it('accepts LAST, FIRST MIDDLE SUFFIX and normalizes case and spacing', () => {
    expect(okValue(validateName('smith, john j'))).toBe('SMITH, JOHN J');
    expect(okValue(validateName('  Smith,John   James  JR '))).toBe('SMITH,JOHN JAMES JR');
    expect(okValue(validateName("O'BRIEN, MARY-KATE"))).toBe("O'BRIEN, MARY-KATE");
    expect(okValue(validateName('DE LA CRUZ, ANA'))).toBe('DE LA CRUZ, ANA');
    expect(okValue(validateName('SMITH , JOHN'))).toBe('SMITH, JOHN');
  });

  it('requires the comma after the last name', () => {
    expect(message(validateName('JOHN SMITH'))).toBe('Name must be written LAST, FIRST MIDDLE SUFFIX, with a comma after the last name.');
    expect(message(validateName('SMITH, JOHN, J'))).toMatch(/with a comma after the last name/);
  });

  it('requires both last and first names', () => {
    expect(message(validateName(', JOHN'))).toMatch(/last name is missing/);
    expect(message(validateName('SMITH,'))).toMatch(/first name is missing/);
  });

  it('allows a hyphen or apostrophe only inside a name', () => {
    expect(message(validateName("SMITH-, JOHN"))).toMatch(/hyphen or apostrophe must sit between letters/);
    expect(message(validateName("SMITH, 'JOHN"))).toMatch(/hyphen or apostrophe must sit between letters/);
    expect(message(validateName('SMITH--JONES, JOHN'))).toMatch(/between letters/);
  });

  it('refuses digits and accented letters in plain English', () => {
    expect(message(validateName('SMITH2, JOHN'))).toMatch(/^Name can only contain letters A to Z/);
    expect(message(validateName('MUÑOZ, JOSE'))).toMatch(/^Name can only contain letters A to Z/);
  });

  it('is at most 30 characters', () => {
    expect(okValue(validateName('ABCDEFGHIJKLMNOP, QRSTUVWXYZAB'))).toHaveLength(30);
    expect(message(validateName('ABCDEFGHIJKLMNOP, QRSTUVWXYZABC'))).toBe('Name must be 30 characters or fewer (including spaces and the comma).');
  });

  it('refuses field injection: periods, slashes, line breaks and control characters', () => {
    expect(message(validateName('SMITH.DOB/19000101'))).toBe('Name cannot contain periods.');
    expect(message(validateName('SMITH, JOHN/X'))).toBe('Name cannot contain slashes.');
    expect(message(validateName('SMITH, JOHN\nDOB/19000101'))).toBe('Name cannot contain line breaks, tabs or other control characters.');
    expect(message(validateName('SMITH, JO\u001bHN'))).toMatch(/control characters/);
    expect(message(validateName('SMITH, JOHN\u0085'))).toMatch(/control characters/);
  });

  it('says a missing name is required', () => {
    const r = validateName('   ');
    expect(r).toEqual({ ok: false, field: 'nam', message: 'Name is required.', missing: true });
  });
});

describe('dates (CCYYMMDD before today)', () => {
  const rule = 'Date of birth must be a real date in the form CCYYMMDD, before today';

  it('accepts a real past date', () => {
    expect(okValue(validatePastDate('19511012', TODAY))).toBe('19511012');
    expect(okValue(validatePastDate('20000229', TODAY))).toBe('20000229');
    expect(okValue(validatePastDate('20250614', TODAY))).toBe('20250614');
  });

  it('refuses February 29 in a year that is not a leap year', () => {
    expect(message(validatePastDate('20230229', TODAY))).toBe(`${rule}: 20230229 is not on the calendar.`);
    expect(message(validatePastDate('19000229', TODAY))).toMatch(/not on the calendar/);
    expect(okValue(validatePastDate('20240229', TODAY))).toBe('20240229');
  });

  it('refuses impossible months and days', () => {
    expect(message(validatePastDate('19511312', TODAY))).toMatch(/not on the calendar/);
    expect(message(validatePastDate('19510431', TODAY))).toMatch(/not on the calendar/);
    expect(message(validatePastDate('19510100', TODAY))).toMatch(/not on the calendar/);
  });

  it('refuses today and future dates, using the injected today', () => {
    expect(message(validatePastDate('20250615', TODAY))).toBe(`${rule}: 20250615 is not before today.`);
    expect(message(validatePastDate('20300101', TODAY))).toMatch(/not before today/);
    expect(okValue(validatePastDate('20250615', '20250616'))).toBe('20250615');
  });

  it('refuses other shapes with an example', () => {
    expect(message(validatePastDate('10/12/1951', TODAY))).toBe('Date of birth cannot contain slashes.');
    expect(message(validatePastDate('1951-10-12', TODAY))).toBe(`${rule} (for example 19751231).`);
    expect(message(validatePastDate('511012', TODAY))).toBe(`${rule} (for example 19751231).`);
  });
});

describe('code fields', () => {
  it('sex is M, F, X or U', () => {
    expect(okValue(validateSex('f'))).toBe('F');
    expect(message(validateSex('Q'))).toBe('Sex must be M (male), F (female), X (not specified) or U (unknown).');
  });

  it('race is A, B, I, U or W', () => {
    for (const c of ['A', 'B', 'I', 'U', 'W']) expect(okValue(validateRace(c))).toBe(c);
    expect(message(validateRace('H'))).toMatch(/^Race must be A \(Asian/);
  });

  it('purpose code R is refused for state and local users', () => {
    expect(message(validatePurpose('R'))).toBe('Purpose code R is for FBI use only and cannot be used by state or local agencies.');
    expect(message(validatePurpose('r'))).toMatch(/FBI use only/);
  });

  it('other III purpose codes are accepted; unknown ones are refused', () => {
    for (const c of ['A', 'C', 'D', 'F', 'H', 'I', 'J', 'S', 'V', 'X']) expect(okValue(validatePurpose(c))).toBe(c);
    expect(message(validatePurpose('Z'))).toBe('Purpose code must be one of A, C, D, F, H, I, J, S, V or X.');
  });

  it('California request purpose is C, I or U', () => {
    expect(okValue(validateCaPurpose('u'))).toBe('U');
    expect(message(validateCaPurpose('X'))).toMatch(/C \(criminal justice\), I \(immigration enforcement\) or U \(Title 8\)/);
  });
});

describe('vehicle fields', () => {
  it('plate: up to 8 letters and numbers, upper-cased', () => {
    expect(okValue(validatePlate('7abc123'))).toBe('7ABC123');
    expect(message(validatePlate('ABCDEFGHJ'))).toBe('Plate number must be 8 characters or fewer.');
  });

  it('plate: spaces and hyphens are refused with a hint', () => {
    expect(message(validatePlate('7ABC 123'))).toMatch(/^Plate number cannot contain spaces or hyphens/);
    expect(message(validatePlate('7ABC-123'))).toMatch(/^Plate number cannot contain spaces or hyphens/);
  });

  it('plate: UNK is refused', () => {
    expect(message(validatePlate('unk'))).toBe('Plate number UNK (unknown) cannot be searched: search by VIN instead.');
  });

  it('plate state is a 2-letter state code', () => {
    expect(okValue(validateState('nv', 'lis', 'Plate state'))).toBe('NV');
    expect(message(validateState('XX', 'lis', 'Plate state'))).toBe('Plate state must be a 2-letter state or province code (for example CA or NV).');
  });

  it('plate year is CCYY or NX', () => {
    expect(okValue(validatePlateYear('2026', TODAY))).toBe('2026');
    expect(okValue(validatePlateYear('nx', TODAY))).toBe('NX');
    expect(message(validatePlateYear('26', TODAY))).toMatch(/^Plate year must be a four-digit year/);
    expect(message(validatePlateYear('1850', TODAY))).toMatch(/four-digit year/);
    expect(message(validatePlateYear('2099', TODAY))).toMatch(/four-digit year/);
  });

  it('plate type is an NCIC code', () => {
    for (const c of ['PC', 'CO', 'MC', 'TK', 'TL']) expect(okValue(validatePlateType(c))).toBe(c);
    expect(message(validatePlateType('ZZ'))).toMatch(/^Plate type must be an NCIC plate type code/);
  });

  it('VIN: a correct 17-character VIN passes without warnings', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).toBe('X');
    expect(validateVin('1m8gdm9axkp042788')).toEqual({ ok: true, value: '1M8GDM9AXKP042788' });
  });

  it('VIN: a wrong check digit warns but is not refused', () => {
    const r = validateVin('1M8GDM9A1KP042788');
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings?.[0]).toMatch(/check digit/);
  });

  it('VIN: I, O and Q are refused in 17-character VINs, allowed in older short ones', () => {
    expect(message(validateVin('1M8GDM9AXKP04278O'))).toMatch(/never contains the letters I, O or Q/);
    expect(okValue(validateVin('OLDVIN12Q'))).toBe('OLDVIN12Q');
  });

  it('VIN: at most 20 letters and numbers', () => {
    expect(message(validateVin('A'.repeat(21)))).toBe('VIN must be 20 characters or fewer.');
    expect(message(validateVin('1M8GDM9A-KP042788'))).toBe('VIN cannot contain spaces or hyphens.');
  });
});

describe('identifiers', () => {
  it('OLN: up to 20 letters and numbers, not all zeros', () => {
    expect(okValue(validateOln('d1234567'))).toBe('D1234567');
    expect(message(validateOln('0000000'))).toBe('Licence number cannot be all zeros.');
    expect(message(validateOln('A'.repeat(21)))).toBe('Licence number must be 20 characters or fewer.');
  });

  it('ORI: exactly 9, a 2-letter state then 7 letters or numbers', () => {
    expect(okValue(validateOri('ca0340000'))).toBe('CA0340000');
    const text = 'ORI must be exactly 9 characters: a 2-letter state code then 7 letters or numbers (for example CA0340000).';
    expect(message(validateOri('CA034000'))).toBe(text);
    expect(message(validateOri('120340000'))).toBe(text);
  });

  it('SOC: 9 digits, hyphens removed, impossible numbers refused', () => {
    expect(okValue(validateSoc('123-45-6789'))).toBe('123456789');
    expect(message(validateSoc('12345678'))).toBe('Social security number must be 9 digits.');
    for (const bad of ['000123456', '666123456', '912345678', '123006789', '123450000']) {
      expect(message(validateSoc(bad))).toMatch(/not a number the Social Security Administration issues/);
    }
  });

  it('FBI, SID and CII lengths', () => {
    expect(okValue(validateFbi('123456ab1'))).toBe('123456AB1');
    expect(message(validateFbi('1234567890'))).toBe('FBI number must be 9 characters or fewer.');
    expect(okValue(validateSid('CA12345678'))).toBe('CA12345678');
    expect(message(validateSid('CA123456789'))).toBe('State ID (SID) must be 3 to 10 characters.');
    expect(okValue(validateCii('A12345678'))).toBe('A12345678');
    expect(message(validateCii('A123456'))).toBe('CII number must be 8 to 11 characters.');
    expect(message(validateCii('A1234567890X'))).toBe('CII number must be 8 to 11 characters.');
  });

  it('OCA: up to 20, hyphens allowed', () => {
    expect(okValue(validateOca('24-001234'))).toBe('24-001234');
    expect(message(validateOca('24 001234'))).toMatch(/letters, numbers and hyphens only/);
  });

  it('NIC: a letter then 9 digits', () => {
    expect(okValue(validateNic('w123456789'))).toBe('W123456789');
    expect(message(validateNic('123456789'))).toBe('NCIC number (NIC) must be a letter followed by 9 digits (for example W123456789).');
  });

  it('ATN: the requester, at most 30', () => {
    expect(okValue(validateAttention('det  jones rpt 24-1234'))).toBe('DET JONES RPT 24-1234');
    expect(message(validateAttention('X'.repeat(31)))).toBe('Attention (the requester) must be 30 characters or fewer.');
    expect(message(validateAttention('DET JONES <B>'))).toMatch(/can only contain letters, numbers, spaces/);
  });

  it('control field: 1 to 10 letters and numbers', () => {
    expect(okValue(validateControl('abc123'))).toBe('ABC123');
    expect(message(validateControl('ABC*123'))).toBe('Control field must be 1 to 10 letters and numbers.');
  });
});

describe('administrative message text', () => {
  it('keeps case and line breaks, drops trailing periods and spaces', () => {
    expect(okValue(validateAdminText('Please call dispatch.\r\nRef 24-1234. ...  '))).toBe('Please call dispatch.\nRef 24-1234');
  });

  it('refuses control characters and non-ASCII letters', () => {
    expect(message(validateAdminText('hello\u001b[31m'))).toMatch(/^Message text can only contain/);
    expect(message(validateAdminText('café'))).toMatch(/no accented letters/);
  });

  it('refuses text that is only periods', () => {
    expect(validateAdminText(' ... ')).toMatchObject({ ok: false, missing: true });
  });
});
