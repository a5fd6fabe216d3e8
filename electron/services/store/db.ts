// The agency store's one database interface. Two drivers implement it — PGlite (embedded, the default)
// and PostgreSQL through `pg` (agencies with many workstations) — and both speak the same SQL dialect, so
// one migration set and one test suite serve both.
//
// Value mapping, the same on both drivers (the drivers install the parsers that make it so):
//   text, varchar → string          integer → number            bigint (int8, count(*)) → string
//   boolean → boolean               text[] → string[]           jsonb → parsed value
//   timestamptz → Date              date → 'YYYY-MM-DD' string (no time zone games)
// Parameters: strings, numbers, booleans, null, string arrays, Date. Pass JSON as a string and cast it
// in SQL (`$1::text::jsonb`), so neither driver guesses how to serialise it.

import { AppError } from '../errors';

export type SqlParam = string | number | boolean | null | Date | readonly string[];

/** Runs one SQL statement. No multi-statement strings: PGlite's extended protocol refuses them. */
export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  /**
   * Runs fn inside BEGIN … COMMIT on one connection; any throw rolls back and is rethrown. Inside fn use
   * only `tx` (the embedded driver has one connection: a query on the outer Db would wait for fn forever).
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: onNotify gets each NOTIFY payload (PostgreSQL: from every workstation's
   * connection; PGlite: from this process). Resolves once listening; the result stops it.
   * Channel names are lower-case letters and underscores.
   */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  /** Closes the database. Idempotent. */
  close(): Promise<void>;
}

/** Channel names the store LISTENs on (never interpolated from outside input). */
export const LISTEN_CHANNEL = /^[a-z_]{1,63}$/;

export function checkListenChannel(channel: string): void {
  if (!LISTEN_CHANNEL.test(channel)) throw new AppError('STORE_LISTEN_INVALID', `"${channel.slice(0, 64)}" is not a notification channel name.`);
}

/** SQLSTATE codes the store acts on. */
export const SQLSTATE = {
  uniqueViolation: '23505',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
  notNullViolation: '23502',
  raiseException: 'P0001',
} as const;

/** The SQLSTATE of a driver error (both drivers put it in `code`), or null. */
export function sqlState(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** The constraint a driver error names (both drivers put it in `constraint`), or null. */
export function sqlConstraint(error: unknown): string | null {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' ? constraint : null;
}

export function storeClosedError(): AppError {
  return new AppError('STORE_CLOSED', 'The agency store is closed.');
}
