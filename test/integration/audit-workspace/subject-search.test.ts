// searchAudit's `subject` filter on both drivers: a typed value matches whichever subject key holds it
// (NAM, LIC, CII …), in capitals, with or without the space after a name's comma; values that look like
// SQL are only data; migration 6's review table refuses a week that does not start on a Monday and any
// change to a review. (The app-level behaviour is in workspace.test.ts.)
import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { searchAudit, subjectVariants } from '../../../electron/services/audit/search';
import type { Db } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import { MIGRATIONS } from '../../../electron/services/store/migrations';
import { migration0006 } from '../../../electron/services/store/migrations/0006-audit-reviews';
import { describeEachDriver } from '../store/drivers';

const INJECTION = "X' OR '1'='1";
const SUBJECTS: Record<string, string>[] = [{ NAM: 'ROE,JANE A', DOB: '19850302' }, { LIC: '1TRN001' }, { NAM: 'ROE, JANE A' }, { CII: 'T00000002' }, { NAM: INJECTION }, { NAM: 'DOE,JOHN' }];

describeEachDriver('audit search by subject', (driver) => {
  let db: Db;
  beforeAll(async () => {
    db = (await driver.fresh()).db;
    await migrate(db);
    if (!MIGRATIONS.some((m) => m.name === migration0006.name)) for (const s of migration0006.statements) await db.query(s);
    let seq = 0;
    for (const subjectKeys of SUBJECTS) {
      seq += 1;
      const at = new Date(Date.UTC(2026, 10, 2, 17, seq)).toISOString();
      const line = JSON.stringify({ v: 1, seq, prevHash: '0'.repeat(64), at, type: 'inquiry.sent', ws: 'WS-A-01', ori: 'CA0349999', operator: 'OPR001', outcome: 'success', inquiry: { messageKey: 'DQ', messageRef: `REF-${String(seq).padStart(8, '0')}`, requestPurpose: 'C', subjectKeys }, hmac: 'a'.repeat(64) });
      await db.query(
        `INSERT INTO audit_records (workstation_id, seq, at, event_type, operator_id, outcome, message_ref, hash, line) VALUES ('WS-A-01', $1, $2::timestamptz, 'inquiry.sent', 'OPR001', 'success', $3, $4, $5)`,
        [seq, at, `REF-${String(seq).padStart(8, '0')}`, createHash('sha256').update(line).digest('hex'), line],
      );
    }
  });

  const seqs = async (subject: string) => (await searchAudit(db, { subject })).rows.map((r) => r.seq).sort((a, b) => a - b);

  it('matches the value under any subject key, as typed', async () => {
    expect(await seqs('roe, jane a')).toEqual([1, 3]);
    expect(await seqs('ROE,JANE A')).toEqual([1, 3]);
    expect(await seqs(' 1trn001 ')).toEqual([2]);
    expect(await seqs('T00000002')).toEqual([4]);
    expect(await seqs('19850302')).toEqual([1]);
    expect(await seqs('ROE')).toEqual([]);
  });

  it('treats a value that looks like SQL as data', async () => {
    expect(await seqs(INJECTION)).toEqual([5]);
    expect(await seqs("' OR 1=1 --")).toEqual([]);
  });

  it('spells a name with and without the space after the comma', () => {
    expect(subjectVariants(' roe ,  jane a ')).toEqual(['ROE , JANE A', 'ROE,JANE A', 'ROE, JANE A']);
    expect(subjectVariants('1trn001')).toEqual(['1TRN001']);
  });

  it('keeps one review per week and agency, on a Monday, never changed', async () => {
    const insert = (week: string) =>
      db.query(`INSERT INTO audit_reviews (week_start, ori, reviewed_by, reviewed_at, note, records_count) VALUES ($1::date, 'CA0349999', 'TCRSO01', now(), 'Checked.', 1)`, [week]);
    await insert('2026-11-02');
    await expect(insert('2026-11-02')).rejects.toThrow();
    await expect(insert('2026-11-03')).rejects.toThrow();
    await expect(db.query(`DELETE FROM audit_reviews`)).rejects.toThrow(/append-only/);
  });
});
