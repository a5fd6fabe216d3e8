// The workspace's pure helpers: Pacific calendar days and office hours (DST included), and CSV cells that
// are RFC 4180-quoted and never run as a spreadsheet formula.
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../electron/services/audit-workspace/csv';
import { addDays, isMonday, isOffHours, localParts, mondayOf, startOfLocalDay } from '../../../electron/services/audit-workspace/time';

describe('Pacific days', () => {
  it('starts a day at local midnight on both sides of the DST changes', () => {
    expect(new Date(startOfLocalDay('2026-11-02')).toISOString()).toBe('2026-11-02T08:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-10-31')).toISOString()).toBe('2026-10-31T07:00:00.000Z');
    // DST ends 2026-11-01 at 02:00 PDT: the day starts at 00:00 PDT.
    expect(new Date(startOfLocalDay('2026-11-01')).toISOString()).toBe('2026-11-01T07:00:00.000Z');
    // DST starts 2026-03-08 at 02:00 PST.
    expect(new Date(startOfLocalDay('2026-03-08')).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-03-09')).toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });

  it('names the local day, weekday and Monday of an instant', () => {
    expect(localParts(Date.parse('2026-11-03T05:00:00Z'))).toEqual({ day: '2026-11-02', hour: 21, isoWeekday: 1 });
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-02')).toBe('2026-11-02');
    expect(isMonday('2026-11-03')).toBe(false);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('counts before 07:00, from 19:00 and the weekend as off-hours', () => {
    expect(isOffHours(Date.parse('2026-11-02T17:00:00Z'))).toBe(false); // Mon 09:00
    expect(isOffHours(Date.parse('2026-11-02T14:59:00Z'))).toBe(true); // Mon 06:59
    expect(isOffHours(Date.parse('2026-11-03T03:00:00Z'))).toBe(true); // Mon 19:00
    expect(isOffHours(Date.parse('2026-11-03T02:59:00Z'))).toBe(false); // Mon 18:59
    expect(isOffHours(Date.parse('2026-11-07T20:00:00Z'))).toBe(true); // Sat 12:00
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    expect(csvCell('ROE,JANE A')).toBe('"ROE,JANE A"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });

  it('prefixes a cell starting with = + - @ (or a tab or CR) with a quote', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('DOE')).toBe('DOE');
  });
});
