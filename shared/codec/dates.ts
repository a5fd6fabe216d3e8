// Calendar dates as `CCYYMMDD`. No clock is read here except in todayFrom() when no date is given.

import type { CodecOptions } from './types';

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when `s` is eight digits naming a real Gregorian date (year 1000–9999). */
export function isRealDate(s: string): boolean {
  if (!/^[0-9]{8}$/.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(4, 6));
  const day = Number(s.slice(6, 8));
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Local calendar date of a Date as `CCYYMMDD`. */
export function dateToCcyymmdd(d: Date): string {
  return `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
}

/** Resolves the `today` option: a `CCYYMMDD` string, a Date (local time), or the system clock when
 *  omitted. Throws on a malformed string, which is a programming error, not user input. */
export function todayFrom(options?: CodecOptions): string {
  const t = options?.today;
  if (t === undefined) return dateToCcyymmdd(new Date());
  if (typeof t === 'string') {
    if (!isRealDate(t)) throw new RangeError(`today must be a real date as CCYYMMDD, got ${JSON.stringify(t)}`);
    return t;
  }
  if (Number.isNaN(t.getTime())) throw new RangeError('today is an invalid Date');
  return dateToCcyymmdd(t);
}
