// Replication: the local journal is the outbox; the agency store's audit_records table gets every record
// exactly once. With the store down, recording goes on against the durable local journal and the copy
// catches up when the store is back. On PostgreSQL the workstation role may insert but never update or
// delete audit rows (the GRANTs of audit/grants.ts), and the append-only triggers stop even the owner.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeCheckpointSink } from '../../../electron/services/audit/checkpoint';
import { auditGrantStatements } from '../../../electron/services/audit/grants';
import { openJournal } from '../../../electron/services/audit/open';
import { startAuditReplication, type AuditReplication, type ReplicationStatus } from '../../../electron/services/audit/replication';
import type { AuditJournal } from '../../../electron/services/audit/types';
import { ManualClock } from '../../../electron/services/clock';
import type { Db } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import { openPglite } from '../../../electron/services/store/pglite';
import { openPostgres } from '../../../electron/services/store/postgres';
import { postgresAvailableOrSkip, startPostgres, type PostgresServer } from '../../support/postgres';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const KEY = Buffer.alloc(32, 8);
const WS = 'WS-REPL-01';
const root = mkdtempSync(path.join(os.tmpdir(), 'clets-audit-repl-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;

function whenStatus(rep: AuditReplication, pred: (s: ReplicationStatus) => boolean): Promise<ReplicationStatus> {
  return new Promise((resolve) => {
    if (pred(rep.status())) return resolve(rep.status());
    const off = rep.onStatus((s) => {
      if (pred(s)) {
        off();
        resolve(s);
      }
    });
  });
}

function inquiry(n: number) {
  return {
    type: 'inquiry.sent' as const,
    operator: 'OPR123',
    outcome: 'success' as const,
    inquiry: { messageKey: 'IW.QW', messageRef: `WSREPL01-${String(n).padStart(8, '0')}`, requestPurpose: 'C' as const, subjectKeys: { NAM: `DOE,JOHN ${n}` } },
  };
}

function localLines(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()
    .flatMap((n) => readFileSync(path.join(dir, n), 'latin1').split('\n').slice(0, -1));
}

async function rowsOf(db: Db): Promise<{ seq: string; line: string; message_ref: string | null }[]> {
  return db.query('SELECT seq::text AS seq, line, message_ref FROM audit_records WHERE workstation_id = $1 ORDER BY audit_records.seq', [WS]);
}

async function newJournal(clock: ManualClock): Promise<{ dir: string; journal: AuditJournal }> {
  const dir = path.join(root, `journal-${++dirs}`);
  const journal = await openJournal({ dir, workstationId: WS, ori: 'CA0349999', keyProvider: () => KEY, clock, rotation: { maxBytes: 4096 } });
  return { dir, journal };
}

/**
 * The store goes down, the workstation keeps recording, the store comes back: the copy catches up, and
 * every record is in the store exactly once, byte for byte.
 */
async function downThenUp(db: Db, store: { down(): void; up(): void }, opts: { verifyDb: Db }): Promise<void> {
  const clock = new ManualClock();
  const { dir, journal } = await newJournal(clock);
  await journal.append({ type: 'logon.success', operator: 'OPR123', outcome: 'success' });
  store.down();
  const rep = startAuditReplication({ dir, db, workstationId: WS, clock, durableSeq: () => journal.durableSeq(), backoff: { initialMs: 1_000, maxMs: 8_000 } });
  journal.onDurable(() => rep.notify());
  expect(await whenStatus(rep, (s) => s.state === 'retrying')).toMatchObject({ attempt: 1, copiedThrough: null, error: { code: 'AUDIT_REPLICATION_FAILED' } });

  // Inquiries go on against the durable local journal while the store is down.
  for (let i = 0; i < 40; i++) await journal.append(inquiry(i));
  await Promise.all(Array.from({ length: 60 }, (_, i) => journal.append(inquiry(100 + i))));
  clock.advance(1_000);
  expect(await whenStatus(rep, (s) => s.attempt === 2)).toMatchObject({ state: 'retrying', nextAttemptAt: clock.now() + 2_000 });
  expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl')).length).toBeGreaterThan(3);

  store.up();
  clock.advance(2_000);
  const caughtUp = await whenStatus(rep, (s) => s.state === 'idle');
  expect(caughtUp).toMatchObject({ copiedThrough: journal.durableSeq(), attempt: 0, error: null });

  const rows = await rowsOf(opts.verifyDb);
  expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: journal.durableSeq() }, (_, i) => i + 1));
  expect(rows.map((r) => r.line)).toEqual(localLines(dir));
  expect(rows.filter((r) => r.message_ref !== null)).toHaveLength(100);

  // A second replicator on the same journal (a restart that overlaps the old one) adds nothing twice.
  const other = startAuditReplication({ dir, db, workstationId: WS, clock });
  await journal.append(inquiry(999));
  rep.notify();
  other.notify();
  await Promise.all([
    whenStatus(rep, (s) => s.state === 'idle' && s.copiedThrough === journal.durableSeq()),
    whenStatus(other, (s) => s.state === 'idle' && s.copiedThrough === journal.durableSeq()),
  ]);
  const again = await rowsOf(opts.verifyDb);
  expect(again).toHaveLength(journal.durableSeq());
  expect(new Set(again.map((r) => r.seq)).size).toBe(again.length);
  await other.stop();
  await rep.stop();
  await journal.close();
}

describe('replication to the embedded store (PGlite)', () => {
  let base: Db;
  let down = false;
  let db: Db;

  beforeAll(async () => {
    base = await openPglite(path.join(root, 'pglite'), { relaxedDurability: true });
    await migrate(base);
    const refused = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED: the agency store is down'), { code: 'ECONNREFUSED' }));
    db = {
      driver: base.driver,
      query: (sql, params) => (down ? refused() : base.query(sql, params)),
      transaction: (fn) => (down ? refused() : base.transaction(fn)),
      listen: (channel, onNotify) => base.listen(channel, onNotify),
      close: () => base.close(),
    };
  });
  afterAll(async () => base?.close());

  it('catches up exactly once after the store was down, while recording went on', async () => {
    await downThenUp(db, { down: () => (down = true), up: () => (down = false) }, { verifyDb: base });
  });

  it('stops, and says so, when the store holds a different record under the same seq, or more than the journal', async () => {
    const clock = new ManualClock();
    const ws = 'WS-REPL-03';
    const dir = path.join(root, `journal-${++dirs}`);
    const journal = await openJournal({ dir, workstationId: ws, ori: 'CA0349999', keyProvider: () => KEY, clock });
    await journal.append(inquiry(1));
    // Another journal's record 2 for this workstation is already in the store.
    await base.query(
      `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, hash, line)
       VALUES ($1, 2, now(), 'logon.success', 'OPR999', 'success', $2, '{"v":1,"seq":2}')`,
      [ws, 'f'.repeat(64)],
    );
    const rep = startAuditReplication({ dir, db, workstationId: ws, clock, durableSeq: () => journal.durableSeq() });
    const settled = await whenStatus(rep, (s) => s.state === 'conflict' || s.state === 'idle');
    expect(settled).toMatchObject({ state: 'conflict', error: { code: 'AUDIT_REPLICA_CONFLICT', message: expect.stringContaining("is not this journal's record 2") } });
    rep.notify();
    clock.advance(60_000);
    expect(rep.status().state).toBe('conflict');
    await rep.stop();

    // A journal that ends before the store's last record (the local journal was replaced or cut).
    const fresh = path.join(root, `journal-${++dirs}`);
    const empty = startAuditReplication({ dir: fresh, db, workstationId: ws, clock });
    expect(await whenStatus(empty, (s) => s.state === 'conflict' || s.state === 'idle')).toMatchObject({
      state: 'conflict',
      error: { message: expect.stringContaining('local journal ends before that') },
    });
    await empty.stop();
    await journal.close();
  });

  it('keeps signed checkpoints in the store, and the triggers refuse to change audit rows', async () => {
    const sink = storeCheckpointSink(base, WS);
    const clock = new ManualClock();
    const dir = path.join(root, `journal-${++dirs}`);
    const journal = await openJournal({ dir, workstationId: 'WS-REPL-09', ori: 'CA0349999', keyProvider: () => KEY, clock, checkpointSinks: [storeCheckpointSink(base, 'WS-REPL-09')] });
    await journal.append(inquiry(5));
    const cp = await journal.checkpointNow();
    await journal.close();
    expect(await storeCheckpointSink(base, 'WS-REPL-09').load()).toEqual(cp);
    expect(await sink.load()).toBeNull();
    await expect(base.query("UPDATE audit_records SET outcome = 'failure'")).rejects.toMatchObject({ code: 'P0001' });
    await expect(base.query('DELETE FROM audit_records')).rejects.toMatchObject({ code: 'P0001' });
    await expect(base.query('TRUNCATE audit_records')).rejects.toMatchObject({ code: 'P0001' });
    await expect(base.query('DELETE FROM audit_checkpoints')).rejects.toMatchObject({ code: 'P0001' });
  });
});

describe.skipIf(!postgresAvailableOrSkip())('replication to an agency PostgreSQL, as an insert-only workstation role', () => {
  let server: PostgresServer;
  let owner: Db;
  let workstation: Db;
  let proxy: TcpProxy;
  const role = 'clets_ws_audit';
  const password = 'ws-role-password-1';

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase();
    const database = new URL(url).pathname.slice(1);
    owner = await openPostgres(url, { ssl: { ca: server.ca } });
    await migrate(owner);
    await owner.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
    await owner.query(`GRANT CONNECT ON DATABASE ${database} TO ${role}`);
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    for (const statement of auditGrantStatements(role)) await owner.query(statement);
    proxy = await startTcpProxy(server.port);
    workstation = await openPostgres(`postgres://${role}@127.0.0.1:${proxy.port}/${database}`, {
      ssl: { ca: server.ca, servername: 'localhost' },
      password,
      connectTimeoutMs: 5_000,
    });
  });
  afterAll(async () => {
    await workstation?.close();
    await owner?.close();
    await proxy?.close();
    await server?.stop();
  });

  it('catches up exactly once after the network to the store was cut and restored', async () => {
    await downThenUp(workstation, proxy, { verifyDb: owner });
  });

  it('lets the workstation role insert and read audit rows, never update, delete or truncate them (42501)', async () => {
    const rows = await workstation.query<{ n: string }>('SELECT count(*) AS n FROM audit_records');
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    for (const sql of [
      "UPDATE audit_records SET outcome = 'failure'",
      'DELETE FROM audit_records',
      'TRUNCATE audit_records',
      "UPDATE audit_checkpoints SET file = 'x'",
      'DELETE FROM audit_checkpoints',
    ]) {
      await expect(workstation.query(sql), sql).rejects.toMatchObject({ code: '42501' });
    }
    await expect(workstation.query('ALTER TABLE audit_records DISABLE TRIGGER audit_records_append_only')).rejects.toMatchObject({ code: '42501' });
    // Even the owner is stopped by the triggers.
    await expect(owner.query("UPDATE audit_records SET outcome = 'failure'")).rejects.toMatchObject({ code: 'P0001' });
    await expect(owner.query('DELETE FROM audit_records')).rejects.toMatchObject({ code: 'P0001' });
  });

  it('keeps checkpoints through the workstation role (insert only) and reads back the latest', async () => {
    const sink = storeCheckpointSink(workstation, 'WS-REPL-07');
    const clock = new ManualClock();
    const dir = path.join(root, `journal-${++dirs}`);
    const journal = await openJournal({ dir, workstationId: 'WS-REPL-07', ori: 'CA0349999', keyProvider: () => KEY, clock, checkpointSinks: [sink] });
    await journal.append(inquiry(1));
    await journal.checkpointNow();
    await journal.append(inquiry(2));
    const latest = await journal.checkpointNow();
    await journal.close();
    expect(await sink.load()).toEqual(latest);
  });
});
