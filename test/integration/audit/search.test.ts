// The auditor's search (electron/services/audit/search.ts) on both drivers: every filter narrows to exactly
// the records a plain reading of the fixtures picks, pages are stable and complete (ties on `at` across
// workstations included), neighbours follow the workstation's seq, bad filters are refused, and values that
// look like SQL are only data. On PostgreSQL, EXPLAIN on 200,000 rows shows migration 4's indexes in use.

import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_SEARCH_MAX_PAGE,
  auditNeighbours,
  searchAudit,
  type AuditRow,
  type AuditSearchFilter,
  type AuditSearchPageRequest,
} from '../../../electron/services/audit/search';
import type { Db, Queryable, SqlParam } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import { describeEachDriver } from '../store/drivers';

interface Fixture {
  ws: string;
  seq: number;
  at: string;
  type: string;
  operator: string | null;
  requestor?: string;
  outcome: 'success' | 'failure' | 'refused';
  inquiry?: { messageKey: string; messageRef: string; purpose?: string; requestPurpose?: string; subjectKeys: Record<string, string> };
  reply?: { messageKey?: string; messageRef: string; records?: number };
}

const INJECTION_NAME = "O'BRIEN'); DROP TABLE audit_records;--";
const INJECTION_REQUESTOR = "x' OR '1'='1";

/** Two workstations, three operators, 60 records; some share an `at` across workstations (ties). */
function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  const seqs: Record<string, number> = { 'WS-A-01': 0, 'WS-B-02': 0 };
  const base = Date.parse('2026-11-01T00:00:00.000Z');
  for (let i = 0; i < 60; i++) {
    const ws = i % 2 === 0 ? 'WS-A-01' : 'WS-B-02';
    const seq = ++seqs[ws]!;
    // Pairs of records share a time: ws A's record i and ws B's record i+1.
    const at = new Date(base + Math.floor(i / 2) * 3_600_000).toISOString();
    const operator = ['OPR001', 'OPR002', 'OPR003'][i % 3]!;
    const ref = `REF-${String(i).padStart(8, '0')}`;
    if (i % 4 === 3) {
      out.push({ ws, seq, at, type: 'reply.received', operator, outcome: 'success', reply: { messageKey: i % 8 === 3 ? 'IH.R.QH' : 'DQ', messageRef: ref, records: 1 } });
    } else if (i % 10 === 9) {
      out.push({ ws, seq, at, type: 'logon.failure', operator: null, outcome: 'failure' });
    } else {
      out.push({
        ws,
        seq,
        at,
        type: i % 7 === 0 ? 'inquiry.failed' : 'inquiry.sent',
        operator,
        ...(i % 5 === 0 ? { requestor: 'DET4711' } : i === 14 ? { requestor: INJECTION_REQUESTOR } : {}),
        outcome: i % 7 === 0 ? 'failure' : 'success',
        inquiry: {
          messageKey: i % 3 === 0 ? 'IH.R.QH' : 'DQ',
          messageRef: ref,
          ...(i % 3 === 0 ? { purpose: i % 2 === 0 ? 'C' : 'J' } : { requestPurpose: i % 2 === 0 ? 'C' : 'I' }),
          subjectKeys: i === 22 ? { NAM: INJECTION_NAME } : { NAM: `DOE,JOHN ${i % 6}`, DOB: `1980010${i % 4}`, ...(i % 5 === 1 ? { OLN: `N${i}` } : {}) },
        },
      });
    }
  }
  return out;
}

function lineOf(f: Fixture): string {
  const { ws, seq, at, type, operator, requestor, outcome, inquiry, reply } = f;
  return JSON.stringify({
    v: 1, seq, prevHash: '0'.repeat(64), at, type, ws, ori: 'CA0349999', operator,
    ...(requestor ? { requestor } : {}), outcome,
    ...(inquiry ? { inquiry } : {}), ...(reply ? { reply } : {}), hmac: 'a'.repeat(64),
  });
}

async function load(db: Queryable, rows: readonly Fixture[]): Promise<void> {
  for (const f of rows) {
    const line = lineOf(f);
    await db.query(
      `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line)
       VALUES ($1, $2, $3::timestamptz, $4, $5, $6, $7, $8, $9)`,
      [f.ws, f.seq, f.at, f.type, f.operator, f.outcome, f.inquiry?.messageRef ?? f.reply?.messageRef ?? null, createHash('sha256').update(line).digest('hex'), line],
    );
  }
}

/** The expected order: at DESC, workstation DESC, seq DESC. */
function newestFirst(rows: readonly Fixture[]): string[] {
  return [...rows]
    .sort((a, b) => b.at.localeCompare(a.at) || b.ws.localeCompare(a.ws) || b.seq - a.seq)
    .map((f) => `${f.ws}#${f.seq}`);
}

const keyOf = (r: AuditRow) => `${r.workstationId}#${r.seq}`;

async function all(db: Queryable, filter: AuditSearchFilter, limit = AUDIT_SEARCH_MAX_PAGE): Promise<string[]> {
  const out: string[] = [];
  let page: AuditSearchPageRequest = { limit };
  for (let guard = 0; guard < 1000; guard++) {
    const res = await searchAudit(db, filter, page);
    out.push(...res.rows.map(keyOf));
    if (!res.next) return out;
    page = { limit, after: res.next };
  }
  throw new Error('pagination did not end');
}

const FIX = fixtures();

const CASES: [string, AuditSearchFilter, (f: Fixture) => boolean][] = [
  ['operator', { operator: 'OPR002' }, (f) => f.operator === 'OPR002'],
  ['requestor', { requestor: 'DET4711' }, (f) => f.requestor === 'DET4711'],
  ['workstation', { workstationId: 'WS-B-02' }, (f) => f.ws === 'WS-B-02'],
  ['one subject key', { subjectKeys: { NAM: 'DOE,JOHN 2' } }, (f) => f.inquiry?.subjectKeys.NAM === 'DOE,JOHN 2'],
  ['two subject keys', { subjectKeys: { NAM: 'DOE,JOHN 2', DOB: '19800100' } }, (f) => f.inquiry?.subjectKeys.NAM === 'DOE,JOHN 2' && f.inquiry.subjectKeys.DOB === '19800100'],
  ['OLN', { subjectKeys: { OLN: 'N21' } }, (f) => f.inquiry?.subjectKeys.OLN === 'N21'],
  ['date range (from inclusive, to exclusive)', { from: '2026-11-01T05:00:00Z', to: '2026-11-01T12:00:00.000Z' }, (f) => f.at >= '2026-11-01T05:00:00.000Z' && f.at < '2026-11-01T12:00:00.000Z'],
  ['date range with an offset', { from: '2026-11-01T07:00:00+02:00' }, (f) => f.at >= '2026-11-01T05:00:00.000Z'],
  ['message key (inquiries and replies)', { messageKey: 'IH.R.QH' }, (f) => (f.inquiry?.messageKey ?? f.reply?.messageKey) === 'IH.R.QH'],
  ['III purpose', { purpose: 'J' }, (f) => f.inquiry?.purpose === 'J'],
  ['CA request purpose', { requestPurpose: 'I' }, (f) => f.inquiry?.requestPurpose === 'I'],
  ['outcome', { outcome: 'failure' }, (f) => f.outcome === 'failure'],
  ['event types', { eventTypes: ['logon.failure', 'reply.received'] }, (f) => f.type === 'logon.failure' || f.type === 'reply.received'],
  [
    'operator, window and message key together',
    { operator: 'OPR001', from: '2026-11-01T03:00:00Z', to: '2026-11-02T00:00:00Z', messageKey: 'DQ' },
    (f) => f.operator === 'OPR001' && f.at >= '2026-11-01T03:00:00.000Z' && (f.inquiry?.messageKey ?? f.reply?.messageKey) === 'DQ',
  ],
];

describeEachDriver('audit search', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = (await driver.fresh()).db;
    await migrate(db);
    await load(db, FIX);
  });

  it('with no filter returns every record, newest first', async () => {
    expect(await all(db, {})).toEqual(newestFirst(FIX));
  });

  it.each(CASES)('narrows by %s', async (_name, filter, pick) => {
    const expected = newestFirst(FIX.filter(pick));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(FIX.length);
    expect(await all(db, filter)).toEqual(expected);
  });

  it('pages are complete and stable across ties on `at`, for every page size', async () => {
    const expected = newestFirst(FIX);
    for (const limit of [1, 2, 3, 7, 59, 60, 61]) {
      const got = await all(db, {}, limit);
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBe(FIX.length);
    }
    expect(await all(db, { operator: 'OPR003' }, 4)).toEqual(newestFirst(FIX.filter((f) => f.operator === 'OPR003')));
  });

  it('returns what opens a record: its parsed line, hash and cursor; the last page has no next', async () => {
    const first = await searchAudit(db, { operator: 'OPR001' }, { limit: 5 });
    expect(first.rows).toHaveLength(5);
    expect(first.next).toEqual({ at: expect.stringMatching(/^2026-11-01T\d\d:00:00\.000000Z$/), workstationId: first.rows[4]!.workstationId, seq: first.rows[4]!.seq });
    const row = first.rows[0]!;
    expect(row.record).toMatchObject({ seq: row.seq, ws: row.workstationId, operator: 'OPR001', at: row.at });
    expect(row.hash).toBe(createHash('sha256').update(row.line).digest('hex'));
    const last = await searchAudit(db, { operator: 'OPR001' }, { limit: 200 });
    expect(last.next).toBeNull();
    expect(await searchAudit(db, { operator: 'NOBODY1' })).toEqual({ rows: [], next: null });
  });

  it('gives a record with its neighbours on its workstation', async () => {
    const mid = await auditNeighbours(db, 'WS-A-01', 10, 3);
    expect(mid.record?.seq).toBe(10);
    expect(mid.before.map((r) => r.seq)).toEqual([7, 8, 9]);
    expect(mid.after.map((r) => r.seq)).toEqual([11, 12, 13]);
    expect([...mid.before, mid.record!, ...mid.after].every((r) => r.workstationId === 'WS-A-01')).toBe(true);
    const start = await auditNeighbours(db, 'WS-B-02', 1, 2);
    expect([start.before.length, start.record?.seq, start.after.map((r) => r.seq)]).toEqual([0, 1, [2, 3]]);
    const end = await auditNeighbours(db, 'WS-B-02', 30, 5);
    expect([end.before.map((r) => r.seq), end.record?.seq, end.after.length]).toEqual([[25, 26, 27, 28, 29], 30, 0]);
    const missing = await auditNeighbours(db, 'WS-B-02', 31, 2);
    expect([missing.before.map((r) => r.seq), missing.record, missing.after]).toEqual([[29, 30], null, []]);
    expect((await auditNeighbours(db, 'WS-A-01', 5, 0)).before).toEqual([]);
  });

  it.each([
    ['an unknown field', { operatr: 'OPR001' }, /operatr|unrecognized/i],
    ['a bad operator ID', { operator: 'opr-1' }, /operator/],
    ['a date without a zone', { from: '2026-11-01T00:00:00' }, /from/],
    ['a date that is not a date', { to: 'last tuesday' }, /to/],
    ['an impossible date', { from: '2026-02-31T00:00:00Z' }, /from/],
    ['from after to', { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, /before/],
    ['an unknown subject key', { subjectKeys: { SSN: '123456789' } }, /subjectKeys/],
    ['five subject keys', { subjectKeys: { NAM: 'A', DOB: '1', SEX: 'M', OLN: 'X', LIC: 'Y' } }, /subject keys/],
    ['no subject keys', { subjectKeys: {} }, /subject keys/],
    ['a requestor too long', { requestor: 'X'.repeat(31) }, /requestor/],
    ['a control character', { requestor: 'A\u0000B' }, /control/],
    ['an unknown outcome', { outcome: 'maybe' }, /outcome/],
    ['an unknown purpose', { purpose: 'Z' }, /purpose/],
    ['a bad message key', { messageKey: "DQ' --" }, /message key/],
    ['a bad workstation', { workstationId: 'ws a' }, /workstation/],
  ] as [string, unknown, RegExp][])('refuses %s', async (_name, filter, message) => {
    await expect(searchAudit(db, filter as AuditSearchFilter)).rejects.toMatchObject({ code: 'AUDIT_SEARCH_INVALID', message: expect.stringMatching(message) });
  });

  it('refuses a bad page or record reference', async () => {
    for (const page of [{ limit: 0 }, { limit: AUDIT_SEARCH_MAX_PAGE + 1 }, { limit: 2.5 }, { after: { at: 'x', workstationId: 'WS-A-01', seq: 1 } }, { after: { at: '2026-11-01T00:00:00Z', workstationId: 'WS-A-01', seq: 0 } }]) {
      await expect(searchAudit(db, {}, page as AuditSearchPageRequest)).rejects.toMatchObject({ code: 'AUDIT_SEARCH_INVALID', message: expect.stringMatching(/page request/) });
    }
    await expect(auditNeighbours(db, 'WS-A-01', 1, 51)).rejects.toMatchObject({ code: 'AUDIT_SEARCH_INVALID' });
    await expect(auditNeighbours(db, "WS'; --", 1, 1)).rejects.toMatchObject({ code: 'AUDIT_SEARCH_INVALID' });
  });

  it('treats values that look like SQL as data', async () => {
    const byName = await searchAudit(db, { subjectKeys: { NAM: INJECTION_NAME } });
    expect(byName.rows.map((r) => r.record.inquiry?.subjectKeys.NAM)).toEqual([INJECTION_NAME]);
    const byRequestor = await searchAudit(db, { requestor: INJECTION_REQUESTOR });
    expect(byRequestor.rows.map((r) => r.record.requestor)).toEqual([INJECTION_REQUESTOR]);
    expect((await searchAudit(db, { requestor: "' OR 1=1 --" })).rows).toEqual([]);
    expect((await searchAudit(db, { subjectKeys: { NAM: '"}, "x": {"' } })).rows).toEqual([]);
    const [{ n } = { n: '' }] = await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_records');
    expect(n).toBe(String(FIX.length));
  });

  if (driver.name === 'postgres') {
    describe('on 200,000 rows', () => {
      let big: Db;
      beforeAll(async () => {
        big = (await driver.fresh()).db;
        await migrate(big);
        await big.query(
          `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line)
           SELECT ws, seq, at, type, op, 'success', NULL, md5(i::text) || md5((i + 1)::text),
             json_build_object('v', 1, 'seq', seq, 'at', at, 'type', type, 'ws', ws, 'operator', op, 'requestor', 'DET' || (i % 89), 'outcome', 'success',
               'inquiry', json_build_object('messageKey', 'IH.R.QH', 'messageRef', 'BIG-' || lpad(i::text, 8, '0'), 'purpose', 'C',
                 'subjectKeys', json_build_object('NAM', 'DOE,JOHN ' || (i % 9973), 'DOB', '19800101')))::text
           FROM (SELECT i, 'WS-BIG-' || (i % 20) AS ws, i / 20 + 1 AS seq, '2026-01-01T00:00:00Z'::timestamptz + i * interval '150 seconds' AS at,
                   'inquiry.sent' AS type, 'OPR' || lpad(((i * 7919) % 200)::text, 3, '0') AS op
                 FROM generate_series(0, 199999) AS i) AS g`,
        );
        await big.query('ANALYZE audit_records');
      });

      /** The plan of the SQL searchAudit sends (captured, then EXPLAINed with its parameters). */
      async function planOf(filter: AuditSearchFilter, page: AuditSearchPageRequest = {}): Promise<string> {
        let captured: { sql: string; params: readonly SqlParam[] } | undefined;
        const spy: Queryable = {
          query: async <T extends object>(sql: string, params: readonly SqlParam[] = []) => {
            captured = { sql, params };
            return [] as T[];
          },
        };
        await searchAudit(spy, filter, page);
        const rows = await big.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${captured!.sql}`, captured!.params);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      }

      const week = { from: '2026-03-01T00:00:00Z', to: '2026-03-08T00:00:00Z' };

      it('an operator-and-date search reads the (operator, at) index, not the table', async () => {
        // An (ordered) index scan, or a bitmap scan of the few rows in the window and a sort of those.
        const plan = await planOf({ operator: 'OPR042', ...week }, { limit: 50 });
        expect(plan).toMatch(/Index (Only )?Scan (using|on) audit_records_operator_at_key/);
        expect(plan).not.toMatch(/Seq Scan/);
        const first = await searchAudit(big, { operator: 'OPR042', ...week }, { limit: 50 });
        expect(first.rows.length).toBeGreaterThan(0);
        expect(first.rows.every((r) => r.operator === 'OPR042' && r.at >= '2026-03-01' && r.at < '2026-03-08')).toBe(true);
        if (first.next) {
          const second = await planOf({ operator: 'OPR042', ...week }, { limit: 50, after: first.next });
          expect(second).toMatch(/Index (Only )?Scan (using|on) audit_records_operator_at_key/);
          expect(second).not.toMatch(/Seq Scan/);
        }
      });

      it('subject-key and requestor searches use their indexes', async () => {
        expect(await planOf({ subjectKeys: { NAM: 'DOE,JOHN 77' } })).toMatch(/audit_records_subject_keys/);
        expect(await planOf({ requestor: 'DET12', ...week })).toMatch(/audit_records_requestor_at/);
        // A workstation's week: the planner may read it off (workstation, at) or off (at) with the workstation
        // as an index condition; either way, not the table.
        expect(await planOf({ workstationId: 'WS-BIG-3', ...week })).toMatch(/Index Cond: .*workstation_id = 'WS-BIG-3'/);
        expect(await planOf({ workstationId: 'WS-BIG-3', ...week })).not.toMatch(/Seq Scan/);
        expect(await planOf({ subjectKeys: { NAM: 'DOE,JOHN 77' } })).not.toMatch(/Seq Scan/);
        const found = await searchAudit(big, { subjectKeys: { NAM: 'DOE,JOHN 77' } }, { limit: 200 });
        expect(found.rows.length).toBe(Math.ceil((200_000 - 77) / 9973));
      });
    });
  }
});
