// Calendar days and office hours in the agency's time zone (America/Los_Angeles), from instants, with
// Intl (full ICU in Node and Electron): no time-zone arithmetic by hand, DST included.
import { AUDIT_TIME_ZONE, OFFICE_HOURS } from '../../../shared/contract/audit-channels';

const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: AUDIT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

export interface LocalParts {
  /** YYYY-MM-DD in the agency's zone. */
  day: string;
  hour: number;
  /** 1 = Monday … 7 = Sunday. */
  isoWeekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localParts(ms: number): LocalParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), isoWeekday: WEEKDAYS[p.weekday ?? 'Mon'] ?? 1 };
}

/** The zone's offset from UTC at that instant, in ms (local = utc + offset). */
function offsetAt(ms: number): number {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(ms))) p[part.type] = part.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The instant a local calendar day starts (midnight in the agency's zone). */
export function startOfLocalDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  // Two rounds settle DST changes (an offset taken at the guess, then at the corrected instant).
  let at = guess - offsetAt(guess);
  at = guess - offsetAt(at);
  return at;
}

/** YYYY-MM-DD plus n days (calendar arithmetic, zone-free). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let day = from; day <= to && out.length < 3700; day = addDays(day, 1)) out.push(day);
  return out;
}

/** The Monday of the week holding that day. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export function isMonday(day: string): boolean {
  return mondayOf(day) === day;
}

/** Off-hours: before 07:00 or from 19:00 local, or any time on a Saturday or Sunday. */
export function isOffHours(ms: number): boolean {
  const p = localParts(ms);
  return p.isoWeekday >= 6 || p.hour < OFFICE_HOURS.startHour || p.hour >= OFFICE_HOURS.endHour;
}

export const OFF_HOURS_RULE = `Off-hours: before ${String(OFFICE_HOURS.startHour).padStart(2, '0')}:00 or from ${OFFICE_HOURS.endHour}:00 on weekdays, and all of Saturday and Sunday (${AUDIT_TIME_ZONE}).`;
