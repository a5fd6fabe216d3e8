import { describe, expect, it } from 'vitest';
import { latestVersion, migrate, schemaVersion } from '../../../electron/services/store/migrate';
import { MIGRATIONS, type Migration } from '../../../electron/services/store/migrations';
import { describeEachDriver } from './drivers';

const TABLES = [
  'active_sessions',
  'audit_alerts',
  'audit_checkpoints',
  'audit_records',
  'audit_reviews',
  'dissemination_log',
  'hit_confirmations',
  'logon_failures',
  'logon_lockouts',
  'operators',
  'release_destructions',
  'release_requests',
  'schema_migrations',
  'store_meta',
  'workstations',
];

const tablesOf = async (db: { query: <T extends object>(sql: string) => Promise<T[]> }) =>
  (await db.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name")).map(
    (r) => r.table_name,
  );

const extra: Migration = { version: MIGRATIONS.length + 1, name: 'from-the-future', statements: ['CREATE TABLE future_things (id integer PRIMARY KEY)'] };

describeEachDriver('agency store', (driver) => {
  describe('schema migrations', () => {
    it('bring an empty database to the latest schema in one go', async () => {
      const { db } = await driver.fresh();
      expect(await schemaVersion(db)).toBe(0);
      const result = await migrate(db);
      expect(result).toEqual({ from: 0, to: latestVersion(), applied: MIGRATIONS.map((m) => m.version) });
      expect(await schemaVersion(db)).toBe(latestVersion());
      expect(await tablesOf(db)).toEqual(TABLES);
    });

    it('are idempotent: a second run, and a run after reopening, change nothing', async () => {
      const fresh = await driver.fresh();
      await migrate(fresh.db);
      await fresh.db.query("INSERT INTO store_meta (key, value) VALUES ('kept', 'yes')");
      expect(await migrate(fresh.db)).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] });
      const again = await fresh.reopen();
      expect(await migrate(again)).toEqual({ from: latestVersion(), to: latestVersion(), applied: [] });
      expect(await again.query("SELECT value FROM store_meta WHERE key = 'kept'")).toEqual([{ value: 'yes' }]);
      expect(await again.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: String(MIGRATIONS.length) }]);
    });

    it('serialise two workstations migrating at once: each migration is applied exactly once', async () => {
      const fresh = await driver.fresh();
      const other = driver.name === 'postgres' ? await fresh.reopen() : fresh.db;
      const results = await Promise.all([migrate(fresh.db), migrate(other)]);
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, MIGRATIONS.length]);
      expect(await schemaVersion(fresh.db)).toBe(latestVersion());
    });

    it('refuse a database whose schema is newer than the app knows, and change nothing', async () => {
      const { db } = await driver.fresh();
      await migrate(db, { migrations: [...MIGRATIONS, extra] });
      const before = await db.query('SELECT version, checksum FROM schema_migrations ORDER BY version');
      await expect(migrate(db)).rejects.toMatchObject({
        code: 'STORE_SCHEMA_TOO_NEW',
        message: expect.stringMatching(new RegExp(`schema version ${extra.version}, newer than this app knows \\(version ${latestVersion()}\\).*update this workstation`)),
      });
      expect(await db.query('SELECT version, checksum FROM schema_migrations ORDER BY version')).toEqual(before);
    });

    it('refuse a database where a released migration was applied with a different text', async () => {
      const { db } = await driver.fresh();
      await migrate(db);
      const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, statements: [...m.statements, 'CREATE TABLE sneaky (id integer)'] } : m));
      await expect(migrate(db, { migrations: edited })).rejects.toMatchObject({ code: 'STORE_MIGRATION_CHANGED' });
      expect(await tablesOf(db)).not.toContain('sneaky');
    });

    it('roll back everything when one statement fails: no half-applied schema', async () => {
      const { db } = await driver.fresh();
      const broken: Migration = { version: MIGRATIONS.length + 1, name: 'broken', statements: ['CREATE TABLE half (id integer)', 'SELECT no_such_function()'] };
      await expect(migrate(db, { migrations: [...MIGRATIONS, broken] })).rejects.toMatchObject({
        code: 'STORE_MIGRATION_FAILED',
        message: expect.stringMatching(/Migration \d+ \(broken\) failed/),
      });
      expect(await schemaVersion(db)).toBe(0);
      expect(await tablesOf(db)).toEqual([]);
    });
  });

  describe('the Db interface', () => {
    it('maps values the same way on both drivers', async () => {
      const { db } = await driver.fresh();
      const [row] = await db.query<Record<string, unknown>>(
        `SELECT 'x'::text AS t, 42::integer AS i, 9007199254740993::bigint AS big, true AS b, ARRAY['a','b']::text[] AS arr,
                '{"k":[1,"two"]}'::jsonb AS j, DATE '2026-02-28' AS d, TIMESTAMPTZ '2026-11-23 12:00:00.25+00' AS ts, NULL::text AS n`,
      );
      expect(row).toEqual({
        t: 'x',
        i: 42,
        big: '9007199254740993',
        b: true,
        arr: ['a', 'b'],
        j: { k: [1, 'two'] },
        d: '2026-02-28',
        ts: new Date(Date.UTC(2026, 10, 23, 12, 0, 0, 250)),
        n: null,
      });
    });

    it('passes parameters the same way: strings, arrays, dates, JSON as text', async () => {
      const { db } = await driver.fresh();
      const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 60));
      const [row] = await db.query<Record<string, unknown>>('SELECT $1::text AS s, $2::text[] AS a, $3::timestamptz AS ts, $4::text::jsonb AS j, $5::date AS d', [
        "O'Brien; DROP TABLE x",
        ['dispatcher', 'admin'],
        when,
        JSON.stringify({ idleLockMinutes: 10 }),
        '2026-12-31',
      ]);
      expect(row).toEqual({ s: "O'Brien; DROP TABLE x", a: ['dispatcher', 'admin'], ts: when, j: { idleLockMinutes: 10 }, d: '2026-12-31' });
    });

    it('commits a transaction that returns and rolls back one that throws', async () => {
      const { db } = await driver.fresh();
      await db.query('CREATE TABLE t (v integer)');
      expect(await db.transaction(async (tx) => (await tx.query('INSERT INTO t VALUES (1) RETURNING v'))[0])).toEqual({ v: 1 });
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (2)');
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await db.query('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }]);
    });

    it('reports SQLSTATE codes and refuses work after close', async () => {
      const { db } = await driver.fresh();
      await db.query('CREATE TABLE u (v integer PRIMARY KEY)');
      await db.query('INSERT INTO u VALUES (1)');
      await expect(db.query('INSERT INTO u VALUES (1)')).rejects.toMatchObject({ code: '23505', constraint: 'u_pkey' });
      await db.close();
      await db.close();
      await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    });
  });
});
