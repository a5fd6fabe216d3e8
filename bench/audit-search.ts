// audit_search_ms: one auditor search — one operator, a 7-day window, the first page of 50, newest first —
// over audit_records holding 5,000,000 rows in a real PostgreSQL (Debian's, started for this run from
// test/support/postgres.ts, stopped and removed at the end). Median of several runs after a warm-up.
// audit_search_rows: the rows in the table. The load (server-side INSERT … SELECT generate_series, no row
// goes through Node) and the index build of migration 4 are timed in the log lines, not the metrics.
//
// The schema is migrated to the latest version; the rows are bulk-loaded with the table's indexes set aside
// and the indexes then rebuilt from their own definitions (load and index times are logged separately) —
// all but the two JSON expression indexes, which this search cannot use (see the note in withServer).
// Without PostgreSQL the metrics are NaN (null in the JSON line) and a line says why.

import { searchAudit } from '../electron/services/audit/search';
import { migrate } from '../electron/services/store/migrate';
import { MIGRATIONS } from '../electron/services/store/migrations';
import { openPostgres } from '../electron/services/store/postgres';
import type { Db, SqlParam } from '../electron/services/store/db';
import { findPostgres, startPostgres, type PostgresServer } from '../test/support/postgres';
import { nowMs, percentile, round } from './lib/stats';
import type { Benchmark } from './lib/types';

const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 5_000_000);
const WORKSTATIONS = 40;
const OPERATORS = 250;
const SPAN_DAYS = 365;
const LOADERS = 2;
const RUNS = 15;

/**
 * Rows $1 … $2 of a synthetic year of audit records: WORKSTATIONS workstations taking turns, each with
 * its own seq 1, 2, 3 …, OPERATORS operators, 4 inquiries to 1 reply, realistic signed lines (~420 bytes).
 */
const LOAD_SQL = `
INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line)
SELECT ws, seq, at, type, op, 'success', ref, lpad(to_hex(i), 64, 'c'),
  '{"v":1,"seq":' || seq || ',"prevHash":"' || lpad(to_hex(i), 64, 'b') || '","at":"' || to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
  '","type":"' || type || '","ws":"' || ws || '","ori":"CA0349999","operator":"' || op ||
  CASE WHEN i % 5 = 0 THEN '","requestor":"DET' || lpad((i % 97)::text, 4, '0') ELSE '' END ||
  '","outcome":"success",' ||
  CASE WHEN type = 'inquiry.sent'
    THEN '"inquiry":{"messageKey":"IH.R.QH","messageRef":"' || ref || '","purpose":"C","requestPurpose":"C","rightToKnow":"CASE 26-' || lpad((i % 100000)::text, 6, '0') ||
         '","subjectKeys":{"DOB":"19' || lpad((i % 100)::text, 2, '0') || '0101","NAM":"DOE,JOHN ' || (i % 9973) || '","SEX":"M"}}'
    ELSE '"reply":{"messageKey":"IH.R.QH","messageRef":"' || ref || '","records":2}' END ||
  ',"hmac":"' || lpad(to_hex(i * 7), 64, 'a') || '"}'
FROM (
  SELECT i,
    'WS-BENCH-' || lpad((i % ${WORKSTATIONS})::text, 2, '0') AS ws,
    i / ${WORKSTATIONS} + 1 AS seq,
    $3::timestamptz + (i * interval '1 millisecond' * ${Math.floor((SPAN_DAYS * 86_400_000) / ROWS)}) AS at,
    CASE WHEN i % 5 = 4 THEN 'reply.received' ELSE 'inquiry.sent' END AS type,
    'OPR' || lpad(((i * 7919) % ${OPERATORS})::text, 3, '0') AS op,
    'BENCH-' || lpad(i::text, 10, '0') AS ref
  FROM generate_series($1::bigint, $2::bigint) AS i
) AS g`;

const START = '2025-11-01T00:00:00.000Z';

async function withServer(ctx: Parameters<Benchmark['run']>[0], server: PostgresServer): Promise<Record<string, number>> {
  const url = await server.createDatabase();
  const open = () => openPostgres(url, { ssl: { ca: server.ca }, statementTimeoutMs: Math.max(10_000, ctx.deadline - Date.now()), maxConnections: 1 });
  const admin = await open();
  const loaders: Db[] = [];
  try {
    await migrate(admin);
    for (let k = 0; k < LOADERS; k++) loaders.push(await open());
    for (const db of [admin, ...loaders]) await db.query(`SET maintenance_work_mem = '256MB'`);

    // A bulk load, as pg_restore does it: the table at the latest schema, its indexes set aside, the rows,
    // then every index rebuilt from its own definition (pg_indexes), two at a time. The schema ends as
    // migrate() made it — checked below.
    const defs = await admin.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_records' ORDER BY indexname`,
    );
    await admin.query('ALTER TABLE audit_records DROP CONSTRAINT audit_records_pkey');
    for (const { name } of defs) if (name !== 'audit_records_pkey') await admin.query(`DROP INDEX ${name}`);

    const t0 = nowMs();
    const per = Math.ceil(ROWS / LOADERS);
    await Promise.all(loaders.map((db, k) => db.query(LOAD_SQL, [String(k * per), String(Math.min(ROWS, (k + 1) * per) - 1), START])));
    const loadMs = nowMs() - t0;
    ctx.log(`loaded ${ROWS.toLocaleString('en-US')} rows in ${(loadMs / 1000).toFixed(1)} s (server-side INSERT … SELECT generate_series, ${LOADERS} sessions)`);

    const t1 = nowMs();
    // The indexes this search can use are rebuilt: the primary key and the plain btrees. The two JSON
    // expression indexes (subject keys, requestor) cannot serve an operator-and-date search and take ~30 s
    // more to build on 5M rows, which would push this benchmark past its budget on a 2-core machine, so they
    // are left out here; test/integration/audit/search.test.ts checks them with EXPLAIN on 200,000 rows.
    const rebuilt = defs.filter((d) => !d.def.includes('jsonb'));
    const skipped = defs.filter((d) => d.def.includes('jsonb')).map((d) => d.name);
    const queue = [...rebuilt];
    await Promise.all(
      loaders.map(async (db) => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await db.query(next.name === 'audit_records_pkey' ? 'ALTER TABLE audit_records ADD CONSTRAINT audit_records_pkey PRIMARY KEY (workstation_id, seq)' : next.def);
        }
      }),
    );
    const indexMs = nowMs() - t1;
    const after = await admin.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_records' ORDER BY indexname`,
    );
    if (JSON.stringify(after) !== JSON.stringify(rebuilt)) throw new Error('the rebuilt indexes differ from the migrated schema');
    const t2 = nowMs();
    await admin.query('ANALYZE audit_records');
    ctx.log(`${rebuilt.length} indexes (${rebuilt.map((d) => d.name).join(', ')}) built in ${(indexMs / 1000).toFixed(1)} s; ANALYZE in ${((nowMs() - t2) / 1000).toFixed(1)} s`);
    ctx.log(`not built for this run (JSON expression indexes this search cannot use): ${skipped.join(', ')}`);

    const [{ n } = { n: '0' }] = await admin.query<{ n: string }>('SELECT count(*) AS n FROM audit_records');
    const rows = Number(n);

    // One operator, the 7 days ending 200 days into the data, the first page of 50.
    const to = new Date(Date.parse(START) + 200 * 86_400_000);
    const filter = { operator: 'OPR042', from: new Date(to.getTime() - 7 * 86_400_000).toISOString(), to: to.toISOString() };
    const samples: number[] = [];
    let found = 0;
    for (let run = -3; run < RUNS && Date.now() < ctx.deadline - 2_000; run++) {
      const s = nowMs();
      const page = await searchAudit(admin, filter, { limit: 50 });
      const ms = nowMs() - s;
      found = page.rows.length;
      if (run >= 0) samples.push(ms);
    }
    if (samples.length === 0) {
      ctx.log(`audit_search_ms is null: loading and indexing used the whole time budget, no search was timed`);
      return { audit_search_ms: Number.NaN, audit_search_rows: rows };
    }
    if (found !== 50) throw new Error(`the benchmark search found ${found} rows, expected a full page of 50`);
    // The plan of the very SQL searchAudit sends (captured, then EXPLAINed with its parameters).
    let sent: { sql: string; params: readonly SqlParam[] } = { sql: '', params: [] };
    await searchAudit({ query: async <T extends object>(sql: string, params: readonly SqlParam[] = []) => ((sent = { sql, params }), [] as T[]) }, filter, { limit: 50 });
    const plan = await admin.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sent.sql}`, sent.params);
    ctx.log(`plan: ${plan.map((p) => p['QUERY PLAN'].trim()).slice(0, 2).join(' / ')}`);
    ctx.log(`search: ${samples.length} runs after 3 warm-up, median ${round(percentile(samples, 50))} ms, max ${round(Math.max(...samples))} ms (target ≤ 100 ms)`);
    return { audit_search_ms: round(percentile(samples, 50)), audit_search_rows: rows };
  } finally {
    await Promise.allSettled([admin, ...loaders].map((db) => db.close()));
  }
}

export const auditSearch: Benchmark = {
  name: 'audit-search',
  description: 'searchAudit(): one operator, 7 days, first page of 50, over 5,000,000 audit_records in PostgreSQL',
  budgetMs: 180_000,
  async run(ctx) {
    const found = findPostgres();
    if (!found.available) {
      ctx.log(`no PostgreSQL here, audit_search_ms is null: ${found.reason}`);
      return { audit_search_ms: Number.NaN, audit_search_rows: Number.NaN };
    }
    const server = await startPostgres();
    try {
      return await withServer(ctx, server);
    } finally {
      await server.stop();
    }
  },
};
