// The CRSO auditor's workspace (issue #4 §3–4) over a real PGlite store and a real journal in a temp folder,
// called through the router as a CRSO: search by subject finds a clerk's inquiry, every filter narrows,
// keyset pages are complete, a record opens with its neighbours, a week is reviewed once, the charts count
// what the fixtures hold (off-hours, one operator's unusual day), the export's files carry the hashes the
// manifest names (formula cells escaped), verify reports an intact journal and then the damage, with
// progress events — and every one of those accesses is itself in the journal, or refused when it cannot be.
import { createAuditAlerts } from '../../../electron/services/audit/alerts';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExportResult, AuditRecordResult, AuditSearchResult, AuditStats, AuditVerification, AuditWeek } from '../../../shared/contract/audit-channels';
import type { Result } from '../../../shared/contract/result';
import { RECORD_KEY_ORDER } from '../../../electron/services/audit/canonical';
import { openJournal, type AuditEvent, type AuditJournal, type StoredRecord } from '../../../electron/services/audit';
import { auditWorkspaceHandlers, type AuditWorkspaceDeps } from '../../../electron/services/audit-workspace/handlers';
import { ManualClock } from '../../../electron/services/clock';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { AppError } from '../../../electron/services/errors';
import { createRouter, type Router } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import type { Db } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { migration0006 } from '../../../electron/services/store/migrations/0006-audit-reviews';
import { openPglite } from '../../../electron/services/store/pglite';
import { stubHandlers } from '../../unit/ipc/stub-handlers';

const KEY = Buffer.alloc(32, 7);
const WS = TRAINING_WORKSTATION.id;
const CRSO = 'TCRSO01';
const DAY = 86_400_000;
const FORMULA = '=HYPERLINK("http://x")';

let root: string;
let db: Db;
let clock: ManualClock;
let journal: AuditJournal;
let router: Router;
const progress: { done: number; total: number; phase: string }[] = [];
let refCounter = 0;

const ref = () => `TRN1-${String(++refCounter).padStart(8, '0')}`;

function moveTo(ms: number): void {
  const now = clock.now();
  if (ms < now) throw new Error('the clock only moves forward');
  clock.advance(ms - now);
}

async function inquiry(operator: string, subjectKeys: Record<string, string>, extra: Partial<AuditEvent> & { purpose?: string } = {}): Promise<void> {
  const { purpose, ...rest } = extra;
  await journal.append({
    type: 'inquiry.sent',
    operator,
    outcome: 'success',
    inquiry: { messageKey: purpose ? 'IH.R.QH' : 'DQ', messageRef: ref(), ...(purpose ? { purpose: purpose as 'C' } : { requestPurpose: 'C' }), subjectKeys },
    ...rest,
  });
}

/** What the replicator does: every complete line of the journal into audit_records (kept once). */
async function sync(): Promise<void> {
  const files = readdirSync(journal.dir).filter((n) => n.endsWith('.jsonl')).sort();
  for (const file of files) {
    for (const line of readFileSync(path.join(journal.dir, file), 'latin1').split('\n')) {
      if (line === '') continue;
      const r = JSON.parse(line) as StoredRecord & { inquiry?: { messageRef?: string } };
      await db.query(
        `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line)
         VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9) ON CONFLICT (workstation_id, seq) DO NOTHING`,
        [r.ws, r.seq, r.at, r.type, r.operator, r.outcome, r.inquiry?.messageRef ?? r.reply?.messageRef ?? null, createHash('sha256').update(line, 'latin1').digest('hex'), line],
      );
    }
  }
}

async function journalRecords(): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (const file of readdirSync(journal.dir).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(path.join(journal.dir, file), 'latin1').split('\n')) if (line !== '') out.push(JSON.parse(line) as StoredRecord);
  }
  return out;
}

async function lastRecord(): Promise<StoredRecord & { auditAccess?: Record<string, unknown> }> {
  return (await journalRecords()).at(-1)!;
}

/** The journal's newest record is this access. */
async function expectLast(expected: Record<string, unknown>): Promise<void> {
  const { auditAccess, ...rest } = expected;
  const rec = await lastRecord();
  expect(rec).toMatchObject(rest);
  if (auditAccess !== undefined) expect(rec.auditAccess).toMatchObject(auditAccess as Record<string, unknown>);
}

function routerFor(deps: Partial<AuditWorkspaceDeps> = {}, roles: ('crso' | 'dispatcher')[] = ['crso']): Router {
  const handlers = auditWorkspaceHandlers({
    db,
    journal,
    dataDir: root,
    keyProvider: () => KEY,
    clock,
    emit: (_name, payload) => progress.push(payload),
    logger: silentLogger,
    workstation: TRAINING_WORKSTATION,
    alerts: createAuditAlerts({ db, workstationId: WS, clock, logger: silentLogger }),
    ...deps,
  });
  return createRouter({
    handlers: stubHandlers(handlers),
    session: { view: () => ({ signedOn: true, locked: false, roles, operatorId: roles.includes('crso') ? CRSO : 'TDISP01' }) },
    logger: silentLogger,
  });
}

async function call<T>(channel: string, payload: unknown, r: Router = router): Promise<Result<T>> {
  return (await r.dispatch(channel, payload, { senderVerified: true })) as Result<T>;
}
async function value<T>(channel: string, payload: unknown, r: Router = router): Promise<T> {
  const result = await call<T>(channel, payload, r);
  if (!result.ok) throw new Error(`${channel} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Every page of a search, through the channel. */
async function searchAll(filter: Record<string, unknown>, limit = 10): Promise<AuditSearchResult['rows']> {
  const rows: AuditSearchResult['rows'] = [];
  let after: AuditSearchResult['next'] = null;
  for (let guard = 0; guard < 100; guard++) {
    const page: AuditSearchResult = await value<AuditSearchResult>('audit.search', { filter, limit, after });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
  throw new Error('paging did not end');
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'clets-audit-ws-'));
  db = await openPglite(path.join(root, 'pglite'), { relaxedDurability: true });
  if (MIGRATIONS.some((m) => m.name === migration0006.name)) await migrate(db);
  else {
    // migrations/index.ts does not list 0006 yet (0005 comes first): apply its statements after the rest.
    await migrate(db);
    for (const statement of migration0006.statements) await db.query(statement);
  }
  // Baseline: eight weeks (from Monday 2026-09-07) of TDISP01's two inquiries a day at 10:00 and 10:10 PDT.
  clock = new ManualClock(Date.parse('2026-09-07T16:00:00.000Z'));
  journal = await openJournal({ dir: path.join(root, 'audit'), workstationId: WS, ori: 'CA0349999', keyProvider: () => KEY, clock, logger: silentLogger });
  const start = Date.parse('2026-09-07T17:00:00.000Z');
  for (let d = 0; d < 56; d++) {
    moveTo(start + d * DAY);
    await inquiry('TDISP01', { NAM: `BASE,LINE ${d}` });
    moveTo(start + d * DAY + 600_000);
    await inquiry('TDISP01', { NAM: `BASE,LINE ${d}`, DOB: '19700101' });
  }
  // The range week (Monday 2026-11-02 … Sunday 11-08, PST): two a day, twenty on Wednesday 11-04 (09:00 PST on).
  const week = Date.parse('2026-11-02T17:00:00.000Z');
  for (let d = 0; d < 7; d++) {
    const n = d === 2 ? 20 : 2;
    for (let i = 0; i < n; i++) {
      moveTo(week + d * DAY + i * 60_000);
      await inquiry('TDISP01', { LIC: `1TRN00${(i % 7) + 1}` }, { purpose: i % 2 === 0 ? 'C' : 'J' });
    }
    if (d !== 0) continue;
    // The clerk's inquiry about ROE, JANE A: Monday 11-02 at 21:00 PST (off-hours), for a detective.
    moveTo(Date.parse('2026-11-03T05:00:00.000Z'));
    await inquiry('TREC01', { NAM: 'ROE,JANE A', CII: 'T00000002' }, { requestor: 'DET4711', purpose: 'C' });
    await journal.append({ type: 'reply.received', operator: 'TREC01', outcome: 'success', reply: { messageRef: `TRN1-${String(refCounter).padStart(8, '0')}`, messageKey: 'IH.R.QH', records: 1 } });
    moveTo(Date.parse('2026-11-03T05:01:00.000Z'));
    await inquiry('TREC01', { NAM: 'FORMULA,SUBJECT' }, { requestor: FORMULA, purpose: 'C' });
    await journal.append({ type: 'inquiry.failed', operator: 'TREC01', outcome: 'failure', reason: 'LINK_DOWN', inquiry: { messageKey: 'DQ', messageRef: ref(), requestPurpose: 'C', subjectKeys: { LIC: '1TRN007' } } });
  }
  // Now: Tuesday 2026-11-10, 10:00 PST.
  moveTo(Date.parse('2026-11-10T18:00:00.000Z'));
  await sync();
  router = routerFor();
}, 120_000);

afterAll(async () => {
  await journal?.close();
  await db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('search', () => {
  it('finds the clerk’s inquiry by subject, as typed (case and the space after the comma do not matter), and records the search', async () => {
    const rows = await searchAll({ subject: 'roe, jane a' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ eventType: 'inquiry.sent', operator: 'TREC01', requestor: 'DET4711', purpose: 'C', messageKey: 'IH.R.QH', subjectKeys: { NAM: 'ROE,JANE A', CII: 'T00000002' } });
    await expectLast({ type: 'audit.searched', operator: CRSO, outcome: 'success', auditAccess: { filters: { subject: 'roe, jane a' } } });
    expect(await searchAll({ subject: 'T00000002' })).toHaveLength(1);
  });

  it('narrows by each filter', async () => {
    const week = { from: '2026-11-02', to: '2026-11-08' };
    expect(await searchAll({ ...week, operator: 'TDISP01', eventTypes: ['inquiry.sent'] }, 50)).toHaveLength(32);
    expect(await searchAll({ operator: 'TDISP01', from: '2026-11-04', to: '2026-11-04' }, 50)).toHaveLength(20);
    expect((await searchAll({ requestor: 'DET4711' })).map((r) => r.subjectKeys.NAM)).toEqual(['ROE,JANE A']);
    expect(await searchAll({ ...week, purpose: 'J' }, 50)).toHaveLength(16);
    expect(await searchAll({ outcome: 'failure', eventTypes: ['inquiry.failed'] })).toHaveLength(1);
    expect((await searchAll({ ...week, messageKey: 'IH.R.QH', operator: 'TREC01' })).map((r) => r.eventType).sort()).toEqual(['inquiry.sent', 'inquiry.sent', 'reply.received']);
    expect(await searchAll({ workstationId: 'WS-OTHER-02' })).toHaveLength(0);
    const bad = await call('audit.search', { filter: { from: '2026-11-08', to: '2026-11-02' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('pages newest first with a keyset cursor: complete, no repeats', async () => {
    const paged = await searchAll({ operator: 'TDISP01' }, 7);
    expect(paged).toHaveLength(56 * 2 + 32);
    const keys = paged.map((r) => `${r.workstationId}#${r.seq}`);
    expect(new Set(keys).size).toBe(keys.length);
    const seqs = paged.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
  });

  it('opens a record with its neighbours and records the opening', async () => {
    const [roe] = await searchAll({ subject: 'ROE,JANE A' });
    const opened = await value<AuditRecordResult>('audit.record', { workstationId: WS, seq: roe!.seq, neighbours: 2 });
    expect(opened.record).toMatchObject({ seq: roe!.seq, subjectKeys: { NAM: 'ROE,JANE A' } });
    expect(opened.before.map((r) => r.seq)).toEqual([roe!.seq - 2, roe!.seq - 1]);
    expect(opened.after.map((r) => r.seq)).toEqual([roe!.seq + 1, roe!.seq + 2]);
    expect(opened.after[0]).toMatchObject({ eventType: 'reply.received', fields: expect.arrayContaining([{ name: 'reply.records', value: '1' }]) });
    await expectLast({ type: 'audit.viewed', operator: CRSO, auditAccess: { workstation: WS, seq: roe!.seq } });
  });

  it('a dispatcher is refused (role), whatever the request', async () => {
    const r = routerFor({}, ['dispatcher']);
    expect(await call('audit.search', { filter: {} }, r)).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
  });
});

describe('weekly review (AU-6)', () => {
  it('lists the last weeks with counts, marks an ended week once, and records the review; records are untouched', async () => {
    const before = await db.query<{ n: string; h: string }>(`SELECT count(*)::text AS n, md5(string_agg(hash, ',' ORDER BY seq)) AS h FROM audit_records WHERE seq < 400`);
    const weeks = await value<AuditWeek[]>('audit.reviews', { weeks: 3 });
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-02', '2026-10-26']);
    // Every record of the week (local Monday 00:00 to the next), the journal's own opened/sealed ones included.
    const lo = Date.parse('2026-11-02T08:00:00.000Z');
    const hi = Date.parse('2026-11-09T08:00:00.000Z');
    const inWeek = (await journalRecords()).filter((r) => Date.parse(r.at) >= lo && Date.parse(r.at) < hi);
    expect(inWeek.filter((r) => r.type.startsWith('journal.')).length).toBeGreaterThan(0);
    expect(weeks[1]).toMatchObject({ weekEnd: '2026-11-08', records: inWeek.length, inquiries: 32 + 3, review: null });

    const early = await call('audit.markReviewed', { weekStart: '2026-11-09', note: 'Too soon' });
    expect(early).toMatchObject({ ok: false, error: { code: 'AUDIT_REVIEW_EARLY' } });
    expect(await call('audit.markReviewed', { weekStart: '2026-11-03', note: 'Not a Monday' })).toMatchObject({ ok: false, error: { code: 'AUDIT_REVIEW_INVALID' } });

    const review = await value<{ weekStart: string; reviewedBy: string; note: string; recordsCount: number }>('audit.markReviewed', { weekStart: '2026-11-02', note: 'Checked TDISP01 Wednesday spike with the supervisor.' });
    expect(review).toMatchObject({ weekStart: '2026-11-02', reviewedBy: CRSO, recordsCount: inWeek.length, note: 'Checked TDISP01 Wednesday spike with the supervisor.' });
    await expectLast({ type: 'audit.reviewed', operator: CRSO, outcome: 'success', auditAccess: { weekStart: '2026-11-02', records: inWeek.length } });

    const again = await call('audit.markReviewed', { weekStart: '2026-11-02', note: 'Second look' });
    expect(again).toMatchObject({ ok: false, error: { code: 'AUDIT_WEEK_REVIEWED' } });
    expect(!again.ok && again.error.message).toMatch(/already reviewed by TCRSO01/);
    await expectLast({ type: 'audit.reviewed', outcome: 'refused', reason: 'AUDIT_WEEK_REVIEWED' });

    const listed = await value<AuditWeek[]>('audit.reviews', { weeks: 2 });
    expect(listed[1]!.review).toMatchObject({ reviewedBy: CRSO, recordsCount: inWeek.length });
    const after = await db.query<{ n: string; h: string }>(`SELECT count(*)::text AS n, md5(string_agg(hash, ',' ORDER BY seq)) AS h FROM audit_records WHERE seq < 400`);
    expect(after).toEqual(before);
    await expect(db.query(`UPDATE audit_reviews SET note = 'changed'`)).rejects.toThrow(/append-only/);
  });
});

describe('charts', () => {
  it('counts inquiries per operator per day and by purpose, the off-hours share, and flags the unusual day', async () => {
    const stats = await value<AuditStats>('audit.stats', { from: '2026-11-02', to: '2026-11-08', operator: 'TDISP01' });
    const wed = stats.perOperatorDay.find((e) => e.operator === 'TDISP01' && e.day === '2026-11-04');
    expect(wed?.count).toBe(20);
    // ROE and the formula subject at 21:00/21:01 PST on Monday 11-02 (local day), both TREC01.
    expect(stats.perOperatorDay.find((e) => e.operator === 'TREC01')).toEqual({ operator: 'TREC01', day: '2026-11-02', count: 2 });
    expect(stats.byPurpose).toEqual([
      { purpose: 'III C', count: 16 + 2 },
      { purpose: 'III J', count: 16 },
    ]);
    // Off-hours: TREC01's two at 21:00 PST and TDISP01's four on Saturday and Sunday.
    expect(stats.offHours).toMatchObject({ total: 34, offHours: 6 });
    expect(stats.pattern).toMatchObject({ operator: 'TDISP01', mean: 2, sd: 0, threshold: 7, baselineFrom: '2026-09-07', baselineTo: '2026-11-01' });
    expect(stats.pattern!.days.filter((d) => d.flagged).map((d) => d.day)).toEqual(['2026-11-04']);
    expect(stats.pattern!.explanation).toMatch(/1 day\(s\) in the range are flagged/);
    await expectLast({ type: 'audit.searched', auditAccess: { filters: { view: 'stats', operator: 'TDISP01' } } });
  });
});

describe('export for a DOJ audit', () => {
  it('writes the CSV and a manifest with its hash and the verification, and records the export', async () => {
    const out = await value<AuditExportResult>('audit.export', { filter: { subject: 'ROE, JANE A' } });
    expect(out.rows).toBe(1);
    const csv = readFileSync(out.csvFile);
    expect(createHash('sha256').update(csv).digest('hex')).toBe(out.sha256);
    const manifestBytes = readFileSync(out.manifestFile);
    expect(createHash('sha256').update(manifestBytes).digest('hex')).toBe(out.manifestSha256);
    const manifest = JSON.parse(manifestBytes.toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      createdBy: CRSO,
      workstation: { id: WS, ori: 'CA0349999' },
      filters: { subject: 'ROE, JANE A' },
      rows: 1,
      csvFile: path.basename(out.csvFile),
      csvSha256: out.sha256,
      verification: { journal: { ok: true }, rowsChecked: 1, rowsMismatched: 0 },
    });
    const lines = csv.toString('utf8').split('\r\n');
    expect(lines[0]).toMatch(/^workstation,seq,at,event_type,operator,requestor/);
    expect(lines[1]).toContain('TREC01,DET4711,success');
    expect(lines[1]).toContain('"CII=T00000002; NAM=ROE,JANE A"');
    expect(out.verification).toMatchObject({ rowsChecked: 1, rowsMismatched: 0, journal: { ok: true } });
    await expectLast({ type: 'audit.exported', operator: CRSO, auditAccess: { rows: 1, sha256: out.sha256, file: path.basename(out.csvFile) } });
  });

  it('escapes a cell a spreadsheet would run as a formula', async () => {
    moveTo(clock.now() + 1000);
    const out = await value<AuditExportResult>('audit.export', { filter: { operator: 'TREC01', eventTypes: ['inquiry.sent'], from: '2026-11-02', to: '2026-11-02' } });
    expect(out.rows).toBe(2);
    const csv = readFileSync(out.csvFile, 'utf8');
    expect(csv).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('reports a row whose stored line no longer matches its hash', async () => {
    moveTo(clock.now() + 1000);
    // A forged copy in the agency store (another workstation's row, inserted with a wrong hash).
    const line = JSON.stringify({ v: 1, seq: 1, prevHash: '0'.repeat(64), at: '2026-11-05T18:00:00.000Z', type: 'inquiry.sent', ws: 'WS-OTHER-02', ori: 'CA0349999', operator: 'TDISP02', outcome: 'success', inquiry: { messageKey: 'DQ', messageRef: 'TRN2-00000001', requestPurpose: 'C', subjectKeys: { LIC: '9FORGED' } }, hmac: 'a'.repeat(64) });
    await db.query(`INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line) VALUES ('WS-OTHER-02', 1, '2026-11-05T18:00:00Z', 'inquiry.sent', 'TDISP02', 'success', 'TRN2-00000001', $1, $2)`, ['b'.repeat(64), line]);
    const out = await value<AuditExportResult>('audit.export', { filter: { subject: '9FORGED' } });
    expect(out.verification).toMatchObject({ rowsChecked: 1, rowsMismatched: 1 });
    const manifest = JSON.parse(readFileSync(out.manifestFile, 'utf8')) as { verification: { mismatched: unknown[] } };
    expect(manifest.verification.mismatched).toEqual([{ workstationId: 'WS-OTHER-02', seq: 1, why: 'the line does not hash to the stored hash' }]);
  });
});

describe('audit-trail failures filed for the CRSO (AU-5)', () => {
  it('lists what workstations reported, newest first, once per code per minute, and records the reading', async () => {
    const alerts = createAuditAlerts({ db, workstationId: 'WS-TRAIN-09', clock, logger: silentLogger });
    const failure = { code: 'AUDIT_WRITE_FAILED', message: 'The audit record could not be written: no space left on device.', at: new Date(clock.now()).toISOString(), severity: 'critical' as const };
    await alerts.report(failure);
    await alerts.report(failure); // the same code within a minute: not filed again
    clock.advance(61_000);
    await alerts.report({ ...failure, code: 'AUDIT_KEY_UNAVAILABLE', message: 'The audit key is not in the keychain.' });
    const listed = await value<{ workstation: string; code: string; message: string; severity: string }[]>('audit.alerts', {});
    expect(listed.filter((a) => a.workstation === 'WS-TRAIN-09').map((a) => a.code)).toEqual(['AUDIT_KEY_UNAVAILABLE', 'AUDIT_WRITE_FAILED']);
    expect(listed[0]).toMatchObject({ workstation: 'WS-TRAIN-09', severity: 'critical', message: 'The audit key is not in the keychain.' });
    await expectLast({ type: 'audit.searched', operator: CRSO, outcome: 'success', auditAccess: { filters: { log: 'alerts' } } });
    await expect(db.query('DELETE FROM audit_alerts')).rejects.toThrow(/append-only/);
  });
});

describe('verification in the app', () => {
  it('verifies the journal with progress events and records the result', async () => {
    progress.length = 0;
    const result = await value<AuditVerification>('audit.verify', {});
    expect(result).toMatchObject({ ok: true, torn: false });
    expect(result.records).toBeGreaterThan(150);
    expect(result.summary).toMatch(/^OK: /);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    await expectLast({ type: 'audit.verified', operator: CRSO, outcome: 'success', auditAccess: { verified: true } });
  });

  it('runs one verification at a time', async () => {
    const [a, b] = await Promise.all([call('audit.verify', {}), call('audit.verify', {})]);
    expect(a).toMatchObject({ ok: true });
    expect(b).toMatchObject({ ok: false, error: { code: 'VERIFY_RUNNING' } });
  });

  it('refuses every access it cannot record (fail closed), and removes an export it could not record', async () => {
    moveTo(clock.now() + 1000);
    const failing = { ...journal, dir: journal.dir, lastCheckpoint: () => journal.lastCheckpoint(), append: () => Promise.reject(new AppError('AUDIT_WRITE_FAILED', 'disk full')) };
    const r = routerFor({ journal: failing });
    for (const [channel, payload] of [
      ['audit.search', { filter: { subject: 'ROE,JANE A' } }],
      ['audit.record', { workstationId: WS, seq: 1 }],
      ['audit.reviews', {}],
      ['audit.stats', { from: '2026-11-02', to: '2026-11-08' }],
      ['audit.export', { filter: { subject: 'ROE,JANE A' } }],
      ['audit.verify', {}],
    ] as const) {
      expect(await call(channel, payload, r), channel).toMatchObject({ ok: false, error: { code: 'AUDIT_WRITE_FAILED' } });
    }
    const exports = readdirSync(path.join(root, 'exports'));
    expect(exports.filter((n) => n.endsWith('.csv'))).toHaveLength(3);
    expect(exports.filter((n) => n.endsWith('.manifest.json'))).toHaveLength(3);
  });

  it('names the damage after a record is edited', async () => {
    const files = readdirSync(journal.dir).filter((n) => n.endsWith('.jsonl')).sort();
    const victim = path.join(journal.dir, files[3]!);
    const text = readFileSync(victim, 'latin1');
    writeFileSync(victim, text.replace('"operator":"TDISP01"', '"operator":"TDISP09"'), 'latin1');
    progress.length = 0;
    const result = await value<AuditVerification>('audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.firstBad).toMatchObject({ file: files[3], kind: expect.stringMatching(/edited|bad-hmac/) });
    expect(result.summary).toMatch(/^DAMAGED: /);
    expect(progress.some((p) => p.phase === 'locating')).toBe(true);
    await expectLast({ type: 'audit.verified', outcome: 'failure', auditAccess: { verified: false } });
  });
});
