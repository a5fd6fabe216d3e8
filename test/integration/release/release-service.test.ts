// CORI release under supervision, on both store drivers: request → decision → release → dissemination log
// → destruction, the rules of R2–R4 and §708, fail-closed audit, and concurrent decisions (exactly one stands).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { todayFrom } from '../../../shared/codec';
import type { ReleaseRequestInput } from '../../../shared/contract/release-channels';
import type { AuditEvent } from '../../../electron/services/audit/schema';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import { createReleaseService, type ReleaseService, type ReleaseSource } from '../../../electron/services/release/service';
import type { Db } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import { createDataset } from '../../../switch/dataset';
import { respondToInquiry } from '../../../switch/replies';
import { describeEachDriver } from '../store/drivers';

const ORI = 'CA0349999';
const dataset = createDataset();
const now = new Date('2026-11-24T17:00:00.000Z');
const rapSheetText = respondToInquiry(dataset, `IH.QR.${ORI}.TXT\nCII/T00000002.PUR/C.ATN/TREC01 24-001234`, ORI, {
  destOri: ORI,
  now,
  seq: 1,
  today: todayFrom({ today: now }),
});
const noRecordText = respondToInquiry(dataset, `IH.QR.${ORI}.TXT\nCII/T99999999.PUR/C.ATN/TREC01 24-001234`, ORI, {
  destOri: ORI,
  now,
  seq: 2,
  today: todayFrom({ today: now }),
});

const REF = 'TRN1-20261124170000-000001-ABCD';
const NO_RECORD_REF = 'TRN1-20261124170000-000002-ABCD';
const source: ReleaseSource = {
  criminalHistory(ref, operatorId) {
    if (operatorId !== 'TREC01') return null;
    if (ref === REF) return { text: rapSheetText, subject: 'ROE, JANE A · CII T00000002' };
    if (ref === NO_RECORD_REF) return { text: noRecordText, subject: 'CII T99999999' };
    return null;
  },
};

const clerk = { operatorId: 'TREC01', roles: ['records'] as const };
const sup1 = { operatorId: 'TSUP01', roles: ['supervisor'] as const };
const sup2 = { operatorId: 'TSUP02', roles: ['supervisor'] as const };
const dispatcher = { operatorId: 'TDISP01', roles: ['dispatcher'] as const };

const daRequest: ReleaseRequestInput = {
  inquiryRef: REF,
  recipientName: 'Deputy DA Alex Moreno',
  recipientAgency: 'Sacramento County District Attorney',
  recipientOri: 'CA034013A',
  recipientType: 'da_charging',
  legalBasisType: 'statute',
  legalBasisReference: 'PC 13300(b)(1)',
  scope: { kind: 'whole' },
  method: 'electronic',
  chargingCase: '24-001234',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describeEachDriver('CORI release', (driver) => {
  let db: Db;
  let events: AuditEvent[];
  let failAudit: boolean;
  let service: ReleaseService;
  let clock: ManualClock;
  let copiesDir: string;

  const build = (on: Db, workstationId = 'WS-TRAIN-01') =>
    createReleaseService({
      db: on,
      audit: {
        async record(event) {
          if (failAudit) throw new Error('disk full');
          events.push(event);
        },
      },
      clock,
      workstationId,
      source,
      copiesDir,
      logger: silentLogger,
    });

  beforeEach(async () => {
    db = (await driver.fresh()).db;
    await migrate(db);
    events = [];
    failAudit = false;
    clock = new ManualClock(now.getTime());
    copiesDir = mkdtempSync(path.join(os.tmpdir(), 'clets-releases-'));
    dirs.push(copiesDir);
    service = build(db);
  });

  it('a DA charging request is prepared, approved by another supervisor, released once and logged', async () => {
    const request = await service.prepare(daRequest, clerk);
    expect(request).toMatchObject({ status: 'pending', requestedBy: 'TREC01', recipientType: 'da_charging', chargingCase: '24-001234' });
    expect(request.id).toMatch(/^R2026-\d{6}$/);
    expect(request.rightToKnow).toContain('24-001234');
    expect(await service.pending({})).toHaveLength(1);

    const approved = await service.decide({ id: request.id, decision: 'approve', reason: 'Charges requested; DA is the prosecuting agency.' }, sup1);
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'TSUP01' });
    expect(await service.pending({})).toHaveLength(0);

    const doc = await service.perform(request.id, clerk);
    expect(doc.release.status).toBe('released');
    expect(doc.watermark).toContain(request.id);
    expect(doc.watermark).toContain('Deputy DA Alex Moreno');
    expect(doc.watermark).toContain('RELEASED BY TREC01');
    expect(doc.watermark).toContain('2026-11-24');
    expect(doc.text).toBe(rapSheetText);
    expect(doc.file).not.toBeNull();
    const copy = readFileSync(doc.file as string, 'utf8');
    expect(copy.startsWith(doc.watermark)).toBe(true);
    expect(copy.trimEnd().endsWith(doc.watermark)).toBe(true);

    await expect(service.perform(request.id, clerk)).rejects.toMatchObject({ code: 'RELEASE_ALREADY_RELEASED' });

    const [entry] = await service.log({});
    expect(entry).toMatchObject({
      releaseId: request.id,
      requestingWorkstation: 'WS-TRAIN-01',
      requestedBy: 'TREC01',
      approvedBy: 'TSUP01',
      releasedBy: 'TREC01',
      recipientName: 'Deputy DA Alex Moreno',
      recipientAgency: 'Sacramento County District Attorney',
      recipientOri: 'CA034013A',
      method: 'electronic',
      legalBasis: 'Statute: PC 13300(b)(1)',
    });
    expect(entry?.released).toContain('ROE, JANE A');
    expect(entry?.purpose).toContain('District Attorney');
    expect(events.map((e) => e.type)).toEqual(['release.requested', 'release.approved', 'record.released']);
    expect(events[2]?.release).toMatchObject({ releaseId: request.id, requestedBy: 'TREC01', approvedBy: 'TSUP01', method: 'electronic' });
    // The CORI text is not kept in the store once released.
    const [row] = await db.query<{ content: string | null }>('SELECT content FROM release_requests WHERE release_id = $1', [request.id]);
    expect(row?.content).toBeNull();
  });

  it('nobody decides their own request, and only supervisors decide', async () => {
    const supervisorAsClerk = { operatorId: 'TSUP01', roles: ['supervisor'] as const };
    const own = await build(db).prepare(daRequest, clerk);
    await expect(service.decide({ id: own.id, decision: 'approve', reason: 'ok for me' }, clerk)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(service.decide({ id: own.id, decision: 'approve', reason: 'ok for me' }, dispatcher)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    // A supervisor who prepared a release cannot approve it.
    const sourceForSup: ReleaseSource = { criminalHistory: (ref) => (ref === REF ? { text: rapSheetText, subject: 'ROE, JANE A' } : null) };
    const supService = createReleaseService({ db, audit: { record: async (e) => void events.push(e) }, clock, workstationId: 'WS-TRAIN-02', source: sourceForSup, copiesDir, logger: silentLogger });
    const theirs = await supService.prepare(daRequest, supervisorAsClerk);
    await expect(service.decide({ id: theirs.id, decision: 'approve', reason: 'self approval' }, sup1)).rejects.toMatchObject({ code: 'RELEASE_SELF_DECISION' });
    expect((await service.decide({ id: theirs.id, decision: 'approve', reason: 'second supervisor' }, sup2)).status).toBe('approved');
  });

  it('a denial stands, says why, and nothing can be released from it', async () => {
    const request = await service.prepare({ ...daRequest, method: 'print' }, clerk);
    const denied = await service.decide({ id: request.id, decision: 'deny', reason: 'No charging request on file.' }, sup1);
    expect(denied).toMatchObject({ status: 'denied', decisionReason: 'No charging request on file.' });
    await expect(service.perform(request.id, clerk)).rejects.toMatchObject({ code: 'RELEASE_NOT_APPROVED', message: expect.stringContaining('No charging request on file.') });
    await expect(service.decide({ id: request.id, decision: 'approve', reason: 'changed my mind' }, sup2)).rejects.toMatchObject({ code: 'RELEASE_ALREADY_DECIDED' });
    expect(await service.log({})).toEqual([]);
  });

  it('the court-order path needs the order reference instead of the determination; the ordinary path needs both', async () => {
    const base = { ...daRequest, recipientType: 'court' as const, chargingCase: undefined, recipientName: 'Clerk of Dept. 12', recipientAgency: 'Sacramento Superior Court', recipientOri: undefined };
    await expect(service.prepare({ ...base, legalBasisType: 'court_order', legalBasisReference: 'order' }, clerk)).rejects.toMatchObject({ code: 'RELEASE_ORDER_REFERENCE_REQUIRED' });
    const ordered = await service.prepare({ ...base, legalBasisType: 'court_order', legalBasisReference: 'Order 24CR01234, Dept. 12' }, clerk);
    expect(ordered).toMatchObject({ legalBasisType: 'court_order', rightToKnow: null, needToKnow: null });

    const other = { ...base, recipientType: 'criminal_justice_agency' as const, legalBasisType: 'statute' as const, legalBasisReference: 'PC 11105(b)(3)' };
    await expect(service.prepare(other, clerk)).rejects.toMatchObject({ code: 'RELEASE_RIGHT_TO_KNOW_REQUIRED' });
    await expect(service.prepare({ ...other, rightToKnow: 'Probation officer supervising the subject (PC 11105(b)(3)).' }, clerk)).rejects.toMatchObject({
      code: 'RELEASE_NEED_TO_KNOW_REQUIRED',
    });
    // R3: a peace officer recipient changes nothing — the determination is still required (no field waives it).
    const ok = await service.prepare({ ...other, rightToKnow: 'Probation officer supervising the subject (PC 11105(b)(3)).', needToKnow: 'Violation hearing on 2026-12-01.' }, clerk);
    expect(ok.status).toBe('pending');
  });

  it('chosen parts release only the chosen arrests, and only criminal history of the operator’s own session can be released', async () => {
    const parts = await service.prepare({ ...daRequest, scope: { kind: 'parts', arrests: [1] }, method: 'print' }, clerk);
    expect(parts.scope).toMatch(/^Arrests 2 of 3/);
    await service.decide({ id: parts.id, decision: 'approve', reason: 'Charging request on case 24-001234.' }, sup1);
    const doc = await service.perform(parts.id, clerk);
    expect(doc.file).toBeNull();
    expect(doc.text.match(/MKE\/ARREST/g)).toHaveLength(1);
    expect(doc.text).not.toContain('MKE/CUSTODY');

    await expect(service.prepare({ ...daRequest, scope: { kind: 'parts', arrests: [7] } }, clerk)).rejects.toMatchObject({ code: 'RELEASE_SCOPE_INVALID' });
    await expect(service.prepare({ ...daRequest, inquiryRef: NO_RECORD_REF }, clerk)).rejects.toMatchObject({ code: 'RELEASE_NOT_CRIMINAL_HISTORY' });
    await expect(service.prepare(daRequest, { operatorId: 'TREC02', roles: ['records'] })).rejects.toMatchObject({ code: 'RELEASE_SOURCE_UNKNOWN' });
    await expect(service.prepare(daRequest, dispatcher)).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
  });

  it('fails closed: when the audit record cannot be written nothing is requested, decided or released', async () => {
    failAudit = true;
    await expect(service.prepare(daRequest, clerk)).rejects.toMatchObject({ code: expect.stringMatching(/^AUDIT_/) });
    expect(await db.query('SELECT 1 FROM release_requests')).toHaveLength(0);
    failAudit = false;
    const request = await service.prepare(daRequest, clerk);
    failAudit = true;
    await expect(service.decide({ id: request.id, decision: 'approve', reason: 'Charging request.' }, sup1)).rejects.toMatchObject({ code: expect.stringMatching(/^AUDIT_/) });
    expect((await service.pending({})).map((r) => r.id)).toEqual([request.id]);
    failAudit = false;
    await service.decide({ id: request.id, decision: 'approve', reason: 'Charging request.' }, sup1);
    failAudit = true;
    await expect(service.perform(request.id, clerk)).rejects.toMatchObject({ code: expect.stringMatching(/^AUDIT_/) });
    expect(await service.log({})).toEqual([]);
    const [row] = await db.query<{ status: string }>('SELECT status FROM release_requests WHERE release_id = $1', [request.id]);
    expect(row?.status).toBe('approved');
    expect(readdirSafe(copiesDir)).toEqual([]);
  });

  it('destruction of a returned copy is recorded once, with method and a witness other than the recorder', async () => {
    const request = await service.prepare({ ...daRequest, method: 'print' }, clerk);
    await service.decide({ id: request.id, decision: 'approve', reason: 'Charging request.' }, sup1);
    await service.perform(request.id, clerk);
    await expect(service.recordDestruction({ releaseId: request.id, method: 'shredded', witness: 'TREC01', destroyedOn: '2026-11-24' }, clerk)).rejects.toMatchObject({
      code: 'DESTRUCTION_WITNESS_REQUIRED',
    });
    const entry = await service.recordDestruction({ releaseId: request.id, method: 'shredded', witness: 'Sgt. Lee Park, SPD', destroyedOn: '2026-11-24' }, clerk);
    expect(entry).toMatchObject({ destructionMethod: 'shredded', destructionWitness: 'Sgt. Lee Park, SPD', destroyedAt: '2026-11-24T00:00:00.000Z' });
    await expect(service.recordDestruction({ releaseId: request.id, method: 'burned', witness: 'Sgt. Lee Park, SPD', destroyedOn: '2026-11-24' }, clerk)).rejects.toMatchObject({
      code: 'DESTRUCTION_ALREADY_RECORDED',
    });
    expect(events.at(-1)).toMatchObject({ type: 'release.destroyed', release: { destructionMethod: 'shredded', witness: 'Sgt. Lee Park, SPD' } });
  });

  it('the dissemination log is append-only in the database itself', async () => {
    const request = await service.prepare({ ...daRequest, method: 'print' }, clerk);
    await service.decide({ id: request.id, decision: 'approve', reason: 'Charging request.' }, sup1);
    await service.perform(request.id, clerk);
    await expect(db.query(`UPDATE dissemination_log SET recipient_name = 'someone else'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM dissemination_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`UPDATE release_requests SET status = 'pending'`)).rejects.toThrow(/cannot go from/);
    await expect(db.query(`UPDATE release_requests SET decided_by = requested_by`)).rejects.toThrow();
  });

  it('many simultaneous decisions on the same request leave exactly one', async () => {
    const request = await service.prepare(daRequest, clerk);
    // Several supervisors, each on their own workstation (PostgreSQL: their own connection pool).
    const handles: Db[] = [db];
    if (driver.name === 'postgres') {
      for (let i = 0; i < 4; i++) handles.push(await reopenSameDb(driver, db));
    }
    const deciders = Array.from({ length: 12 }, (_, i) => ({ operatorId: `TSUP${String(i + 10)}`, roles: ['supervisor'] as const }));
    const results = await Promise.allSettled(
      deciders.map((actor, i) => build(handles[i % handles.length] as Db, `WS-SUP-${i}`).decide({ id: request.id, decision: i % 2 === 0 ? 'approve' : 'deny', reason: `decision ${i}` }, actor)),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(11);
    for (const r of lost) expect(r.reason).toMatchObject({ code: 'RELEASE_ALREADY_DECIDED' });
    const decisions = events.filter((e) => e.type === 'release.approved' || e.type === 'release.denied');
    expect(decisions).toHaveLength(1);
  });

  it('a new request is announced to every workstation listening', async () => {
    const other = driver.name === 'postgres' ? await reopenSameDb(driver, db) : db;
    const seen: string[] = [];
    const stop = await build(other, 'WS-SUP-01').watch((change) => seen.push(change ? `${change.id}:${change.status}` : 'reload'));
    try {
      const request = await service.prepare(daRequest, clerk);
      await waitFor(() => seen.includes(`${request.id}:pending`));
      await service.decide({ id: request.id, decision: 'approve', reason: 'Charging request.' }, sup1);
      await waitFor(() => seen.includes(`${request.id}:approved`));
    } finally {
      await stop();
    }
  });
});

/** A second handle on the same PostgreSQL database, as another workstation would hold. */
async function reopenSameDb(driver: { name: string; server(): { ca: string } }, db: Db): Promise<Db> {
  const [row] = await db.query<{ db: string }>('SELECT current_database() AS db');
  const server = driver.server() as unknown as { url: string; ca: string };
  const url = server.url.replace(/\/[^/]+$/, `/${row?.db ?? 'postgres'}`);
  const { openPostgres } = await import('../../../electron/services/store/postgres');
  const handle = await openPostgres(url, { ssl: { ca: server.ca } });
  opened.push(handle);
  return handle;
}
const opened: Db[] = [];
afterAll(async () => {
  await Promise.allSettled(opened.map((h) => h.close()));
});

/** Polls a condition driven by a real server's notification (not a timer of ours): up to 2 s, the bound. */
async function waitFor(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the notification did not arrive within 2 seconds');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
