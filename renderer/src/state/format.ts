// Time and date formatting for the operator: 24-hour local time, as dispatch centres keep it.
// timeZone is for tests; the UI uses the workstation's local zone.

function zone(timeZone?: string) {
  return timeZone ? { timeZone } : {};
}

function parse(value: string | number): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/** "14:03:07". */
export function formatClock(iso: string | number, timeZone?: string): string {
  const t = parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', ...zone(timeZone) }).format(t);
}

/** "Mon 23 Nov 2026". */
export function formatDay(iso: string | number, timeZone?: string): string {
  const t = parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...zone(timeZone) }).format(t);
}

/** "23 Nov 2026 14:03". */
export function formatDateTime(iso: string | number, timeZone?: string): string {
  const t = parse(iso);
  if (Number.isNaN(t)) return '';
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', ...zone(timeZone) }).format(t);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone(timeZone) }).format(t);
  return `${day} ${time}`;
}

/** A date-only value ("2026-11-23") shown as "23 Nov 2026", without shifting it through a time zone. */
export function formatDateOnly(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) return date;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The local calendar date of an instant, as "YYYY-MM-DD". */
export function localDate(ms: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone(timeZone) }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
