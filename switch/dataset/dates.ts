// Calendar arithmetic of the data set: UTC days only, so dates are the same on every machine.
// Dates are drawn before REFERENCE_YEAR-01-01, never relative to the clock.

import type { Rng } from './prng';

export const REFERENCE_YEAR = 2026;
const DAY_MS = 86_400_000;
export const REFERENCE_DAY = Date.UTC(REFERENCE_YEAR, 0, 1) / DAY_MS;

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function dayToDate(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}`;
}

export function dateToDay(ccyymmdd: string): number {
  return Date.UTC(Number(ccyymmdd.slice(0, 4)), Number(ccyymmdd.slice(4, 6)) - 1, Number(ccyymmdd.slice(6, 8))) / DAY_MS;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A random day in [from, to], never after REFERENCE_DAY - 1. */
export function randomDay(rng: Rng, from: number, to: number): number {
  const hi = Math.min(to, REFERENCE_DAY - 1);
  const lo = Math.min(from, hi);
  return lo + rng.int(hi - lo + 1);
}
