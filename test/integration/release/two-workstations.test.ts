// Issue #6, "Done means": two app instances — a records clerk's workstation and a supervisor's — against one
// real PostgreSQL server. The request made on one appears on the other within 2 seconds (LISTEN/NOTIFY), is
// decided there, released on the first, and the dissemination log shows it on both.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServices } from '../../../electron/services/app';
import { TRAINING_WORKSTATION } from '../../../electron/services/config';
import { silentLogger } from '../../../electron/services/log';
import { openPostgres } from '../../../electron/services/store/postgres';
import type { Db } from '../../../electron/services/store/db';
import { TRAINING_LOGINS, type TrainingLogin } from '../../../electron/services/store/training-roster';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { memoryKeychain, tempDataDirs } from '../../support/app-fixtures';
import { postgresAvailableOrSkip, startPostgres, type PostgresServer } from '../../support/postgres';
import { describe } from 'vitest';

const here = postgresAvailableOrSkip();
const dataDir = tempDataDirs('clets-release-ws-');

type Result = { ok: boolean; value?: any; error?: { code: string; message: string } };

interface Station {
  app: AppServices;
  events: Array<{ name: string; payload: any }>;
  call(channel: string, payload?: unknown): Promise<Result>;
  signOn(role: TrainingLogin['role']): Promise<void>;
}

describe.skipIf(!here)('CORI release across two workstations on one PostgreSQL server', () => {
  let server: PostgresServer;
  const dbs: Db[] = [];
  const stations: Station[] = [];
  // The agency's keys are the same on every workstation (the badge key is checked against the store).
  const keychain = memoryKeychain();

  async function station(id: string): Promise<Station> {
    const url = await urlOf(server);
    const db = await openPostgres(url, { ssl: { ca: server.ca } });
    dbs.push(db);
    const app = await startApp(
      { dataDir: dataDir(), mode: 'training', workstation: { ...TRAINING_WORKSTATION, id }, version: '0.0.0-test' },
      { logger: silentLogger, keychain, store: db },
    );
    const events: Station['events'] = [];
    app.events.subscribe((name, payload) => events.push({ name, payload }));
    await vi.waitFor(() => expect(app.link.status().state).toBe('connected'), { timeout: 10_000, interval: 20 });
    const call = (channel: string, payload: unknown = {}) => app.router.dispatch(channel, payload, { senderVerified: true }) as Promise<Result>;
    const s: Station = {
      app,
      events,
      call,
      async signOn(role) {
        const who = TRAINING_LOGINS.find((l) => l.role === role)!;
        expect(await call('session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version })).toMatchObject({ ok: true });
        expect(await call('session.submitPassword', { operatorId: who.operatorId, password: who.password })).toMatchObject({ ok: true });
        expect(await call('session.submitBadge', { badge: who.badge, pin: who.pin })).toMatchObject({ ok: true, value: { phase: 'active' } });
      },
    };
    stations.push(s);
    return s;
  }

  let database: string;
  async function urlOf(s: PostgresServer): Promise<string> {
    database ??= await s.createDatabase();
    return database;
  }

  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    for (const s of stations) await s.app.close();
    await Promise.allSettled(dbs.map((d) => d.close()));
    await server?.stop();
  });

  it('a request made on the clerk’s workstation is decided on the supervisor’s, and the log shows it on both', async () => {
    const clerk = await station('WS-RECORDS-01');
    const supervisor = await station('WS-SUPERVISOR-01');
    await clerk.signOn('records');
    await supervisor.signOn('supervisor');

    const inquiry = await clerk.call('inquiry.send', {
      kind: 'ca_history_cii',
      fields: { cii: 'T00000002' },
      needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' },
    });
    expect(inquiry).toMatchObject({ ok: true, value: { status: 'replied', reply: { kind: 'hit' } } });

    const prepared = await clerk.call('release.prepare', {
      inquiryRef: inquiry.value.ref,
      recipientName: 'Deputy DA Alex Moreno',
      recipientAgency: 'Sacramento County District Attorney',
      recipientType: 'da_charging',
      legalBasisType: 'statute',
      legalBasisReference: 'PC 13300(b)(1)',
      scope: { kind: 'whole' },
      method: 'print',
      chargingCase: '24-001234',
    });
    expect(prepared).toMatchObject({ ok: true, value: { status: 'pending', requestedBy: 'TREC01', requestingWorkstation: 'WS-RECORDS-01' } });
    const id: string = prepared.value.id;

    // Live on the supervisor's workstation within 2 seconds (the bound), from PostgreSQL NOTIFY.
    await vi.waitFor(() => expect(supervisor.events).toContainEqual({ name: 'release.queue', payload: { id, status: 'pending', pending: 1 } }), {
      timeout: 2_000,
      interval: 10,
    });
    const queue = await supervisor.call('release.pending', {});
    expect(queue.value.map((r: { id: string }) => r.id)).toEqual([id]);

    // The clerk cannot decide; the supervisor can.
    expect(await clerk.call('release.decide', { id, decision: 'approve', reason: 'my own' })).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await supervisor.call('release.decide', { id, decision: 'approve', reason: 'Charges requested on case 24-001234.' })).toMatchObject({
      ok: true,
      value: { status: 'approved', decidedBy: 'TSUP01' },
    });
    await vi.waitFor(() => expect(clerk.events).toContainEqual({ name: 'release.queue', payload: { id, status: 'approved', pending: 0 } }), { timeout: 2_000, interval: 10 });

    const doc = await clerk.call('release.perform', { id });
    expect(doc).toMatchObject({ ok: true, value: { release: { status: 'released', releasedBy: 'TREC01' } } });
    expect(doc.value.watermark).toContain(id);
    expect(doc.value.text).toContain('ROE, JANE A');

    const onSupervisor = await supervisor.call('release.log', {});
    expect(onSupervisor).toMatchObject({
      ok: true,
      value: [{ releaseId: id, requestingWorkstation: 'WS-RECORDS-01', requestedBy: 'TREC01', approvedBy: 'TSUP01', releasedBy: 'TREC01', releasingWorkstation: 'WS-RECORDS-01' }],
    });
    // The clerk's workstation shows the same log to its CRSO.
    expect(await clerk.call('session.logout')).toMatchObject({ ok: true });
    await clerk.signOn('crso');
    const onClerk = await clerk.call('release.log', {});
    expect(onClerk.value).toEqual(onSupervisor.value);
  });
});
