// One session per operator across workstations (L10) and a lockout that counts failures from every
// workstation (L2): two workstations sharing one agency store, on the embedded PGlite and on a real
// PostgreSQL server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { ManualClock } from '../../../electron/services/clock';
import { MINUTE, T0, codeOf, openHarness, signOn, type Harness, type Login, type Workstation } from '../../unit/session/harness';
import { describeEachDriver } from '../store/drivers';

describeEachDriver('one session per operator', (driver) => {
  let h: Harness;
  beforeAll(async () => {
    const { db } = await driver.fresh();
    h = await openHarness({ db });
  });
  afterAll(async () => {
    await h?.close();
  });

  const password = async (ws: Workstation, login: Login, secret = login.password) => {
    if (ws.session.state().phase === 'notice') await ws.call('session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version });
    return ws.call('session.submitPassword', { operatorId: login.operatorId, password: secret });
  };

  it('refuses a second workstation while the first holds the session, and allows it after sign-off', async () => {
    const a = h.workstation({ id: 'WS-A' });
    const b = h.workstation({ id: 'WS-B' });
    const login = await h.newOperator();
    await signOn(a, login);
    expect(await password(b, login)).toMatchObject({ ok: false, error: { code: 'ALREADY_SIGNED_ON', message: expect.stringContaining('workstation WS-A') } });
    // A wrong password learns nothing, not even that the operator is signed on somewhere.
    expect(await password(b, login, 'not the password at all')).toMatchObject({ ok: false, error: { code: 'LOGON_REFUSED' } });
    // Heartbeats keep the row alive for as long as the session lasts.
    h.clock.advance(5 * MINUTE);
    await a.call('session.activity');
    await a.session.settle();
    expect(await codeOf(password(b, login))).toBe('ALREADY_SIGNED_ON');
    // A locked session is still a session.
    a.session.lock('shortcut');
    expect(await codeOf(password(b, login))).toBe('ALREADY_SIGNED_ON');

    await a.call('session.logout');
    expect(await signOn(b, login)).toMatchObject({ phase: 'active' });
    await a.close();
    await b.close();
  });

  it('lets exactly one of two simultaneous sign-ons win', async () => {
    const a = h.workstation({ id: 'WS-C' });
    const b = h.workstation({ id: 'WS-D' });
    const login = await h.newOperator();
    expect(await codeOf(password(a, login))).toBe('OK');
    expect(await codeOf(password(b, login))).toBe('OK');
    const results = await Promise.all([a, b].map((ws) => codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))));
    expect(results.sort()).toEqual(['ALREADY_SIGNED_ON', 'OK']);
    await a.close();
    await b.close();
  });

  it('stops blocking when the first workstation is gone (no heartbeat for 2 minutes), and the first learns it lost the session', async () => {
    // WS-E's clock stands still: it has crashed or slept, and renews nothing.
    const frozen = new ManualClock(h.clock.now());
    const a = h.workstation({ id: 'WS-E', clock: frozen });
    const b = h.workstation({ id: 'WS-F' });
    const login = await h.newOperator();
    await signOn(a, login);
    h.clock.advance(2 * MINUTE - 1);
    expect(await codeOf(password(b, login))).toBe('ALREADY_SIGNED_ON');
    h.clock.advance(1);
    expect(await signOn(b, login)).toMatchObject({ phase: 'active' });

    // WS-E wakes up: its next heartbeat finds the row taken and ends its session.
    frozen.advance(30_000);
    await a.session.settle();
    expect(a.session.state().phase).toBe('notice');
    expect(a.ended).toEqual([expect.objectContaining({ operatorId: login.operatorId, reason: 'claim-lost' })]);
    // …without removing WS-F's row.
    await b.session.settle();
    expect(await h.db.query('SELECT workstation_id FROM active_sessions WHERE operator_id = $1', [login.operatorId])).toEqual([{ workstation_id: 'WS-F' }]);
    await a.close();
    await b.close();
  });

  it('lets the same workstation sign the operator on again after a restart', async () => {
    const before = h.workstation({ id: 'WS-G' });
    const login = await h.newOperator();
    await signOn(before, login);
    // A new service on the same workstation (the app restarted without signing off).
    const after = h.workstation({ id: 'WS-G' });
    expect(await signOn(after, login)).toMatchObject({ phase: 'active' });
    await after.close();
  });

  it('removes the row when the app closes', async () => {
    const ws = h.workstation({ id: 'WS-H' });
    const login = await h.newOperator();
    await signOn(ws, login);
    await ws.close();
    expect(await h.db.query('SELECT operator_id FROM active_sessions WHERE operator_id = $1', [login.operatorId])).toEqual([]);
  });

  it('counts failures from every workstation toward one lockout', async () => {
    const a = h.workstation({ id: 'WS-I' });
    const b = h.workstation({ id: 'WS-J' });
    const login = await h.newOperator();
    for (let i = 0; i < 3; i++) await password(a, login, 'not the password at all');
    for (let i = 0; i < 2; i++) await password(b, login, 'not the password at all');
    expect((await h.roster.getOperator(login.operatorId))?.lockedAt).toBe(h.clock.now());
    expect(await codeOf(password(a, login))).toBe('ACCOUNT_LOCKED');
    expect(await h.db.query('SELECT workstation_id, kind FROM logon_failures WHERE operator_id = $1 ORDER BY failure_id', [login.operatorId])).toEqual([
      ...Array(3).fill({ workstation_id: 'WS-I', kind: 'password' }),
      ...Array(2).fill({ workstation_id: 'WS-J', kind: 'password' }),
    ]);
    await a.close();
    await b.close();
  });

  it('started its clock where the harness says', () => {
    expect(h.clock.now()).toBeGreaterThanOrEqual(T0);
  });
});
