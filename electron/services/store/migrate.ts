// Applies the schema migrations in one transaction, idempotently, on either driver.
//
// - An advisory lock serialises workstations that start at once against a shared agency database.
// - schema_migrations records each applied version with a checksum of its text: a database whose applied
//   migration differs from this app's copy is refused (someone edited a released migration).
// - A database at a newer schema than this app knows is refused before anything is written: an older
//   workstation must be updated, not allowed to write rows a newer schema's rules don't expect.

import { createHash } from 'node:crypto';
import { AppError } from '../errors';
import { silentLogger, type Logger } from '../log';
import type { Db, Queryable } from './db';
import { MIGRATIONS, type Migration } from './migrations';

/** pg_advisory_xact_lock key: "CLET" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x434c4554;

export interface MigrateResult {
  /** Schema version before (0 for an empty database). */
  from: number;
  /** Schema version after. */
  to: number;
  /** Versions applied by this call (empty when the database was already current). */
  applied: number[];
}

export interface MigrateOptions {
  /** For tests; the app uses MIGRATIONS. */
  migrations?: readonly Migration[];
  logger?: Logger;
}

/** The schema version this app writes. */
export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}

export function migrationChecksum(m: Migration): string {
  const hash = createHash('sha256');
  hash.update(`${m.version}\n${m.name}\n`);
  for (const statement of m.statements) hash.update(`${statement.length}:${statement}\n`);
  return hash.digest('hex');
}

/** Throws unless versions run 1, 2, 3 … with unique kebab-case names and at least one statement each. */
export function validateMigrations(migrations: readonly Migration[]): void {
  const names = new Set<string>();
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration #${i + 1} has version ${m.version}: versions must run 1, 2, 3 … with no gaps`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(m.name)) throw new Error(`migration ${m.version} has an invalid name "${m.name}"`);
    if (names.has(m.name)) throw new Error(`migration name "${m.name}" is used twice`);
    names.add(m.name);
    if (m.statements.length === 0) throw new Error(`migration ${m.version} has no statements`);
  });
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

export async function migrate(db: Db, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? MIGRATIONS;
  const logger = (options.logger ?? silentLogger).child('store.migrate');
  validateMigrations(migrations);
  const known = latestVersion(migrations);

  const result = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const applied = await tx.query<AppliedRow>('SELECT version, name, checksum FROM schema_migrations ORDER BY version');
    const from = applied.at(-1)?.version ?? 0;
    if (from > known) {
      throw new AppError(
        'STORE_SCHEMA_TOO_NEW',
        `The agency database is at schema version ${from}, newer than this app knows (version ${known}). ` +
          'A newer version of the workstation app has upgraded it; update this workstation before using it. Nothing was changed.',
      );
    }
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied) {
      const mine = byVersion.get(row.version);
      if (!mine || mine.name !== row.name || migrationChecksum(mine) !== row.checksum) {
        throw new AppError(
          'STORE_MIGRATION_CHANGED',
          `The agency database recorded migration ${row.version} (${row.name}) with a different text than this app's. ` +
            'A released migration was edited or the database was changed by hand; refusing to go on. Nothing was changed.',
        );
      }
    }
    const done = new Set(applied.map((r) => r.version));
    const pending = migrations.filter((m) => !done.has(m.version));
    for (const m of pending) await applyOne(tx, m);
    return { from, to: known, applied: pending.map((m) => m.version) };
  });

  if (result.applied.length > 0) logger.info('schema migrated', { from: result.from, to: result.to, driver: db.driver });
  return result;
}

async function applyOne(tx: Queryable, m: Migration): Promise<void> {
  for (const statement of m.statements) {
    try {
      await tx.query(statement);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AppError('STORE_MIGRATION_FAILED', `Migration ${m.version} (${m.name}) failed: ${reason}. Nothing was changed.`, { cause });
    }
  }
  await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, migrationChecksum(m)]);
}

/** The schema version a database is at (0 when never migrated). Does not change anything. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const exists = await db.query<{ present: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS present");
  if (exists[0]?.present !== true) return 0;
  const rows = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}
