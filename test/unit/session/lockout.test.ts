// The account lockout (L2): 5 consecutive failures within 15 minutes lock the account in the store until a
// CRSO or administrator releases it; under the CJIS 5.8 setting the lock lifts after 10 minutes. Failed
// passwords, failed badge/PIN at logon and failed unlocks all count; a full sign-on starts the count again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { AGENCY_TIME_ZONE, localDateTime } from '../../../electron/services/session/eligibility';
import { MINUTE, codeOf, openHarness, signOn, wrongPin, type Harness, type Login, type Workstation } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const BAD = 'not the password at all';

async function atCredentials(ws: Workstation): Promise<void> {
  if (ws.session.state().phase === 'notice') await ws.call('session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version });
}
const tryPassword = async (ws: Workstation, login: Login, password: string) => {
  await atCredentials(ws);
  return codeOf(ws.call('session.submitPassword', { operatorId: login.operatorId, password }));
};
const isLocked = async (login: Login) => (await h.roster.getOperator(login.operatorId))?.lockedAt !== null;

describe('lockout after failed sign-ons (L2)', () => {
  it('locks the account at the 5th failure within 15 minutes, and says so only to the right password', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    for (let i = 0; i < 4; i++) {
      expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
      h.clock.advance(3 * MINUTE);
    }
    expect(await isLocked(login)).toBe(false);
    expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(true);
    expect(ws.security.filter((e) => e.type === 'account-locked')).toEqual([
      expect.objectContaining({ operatorId: login.operatorId, failures: 5, rule: 'cjis-5.9.4' }),
    ]);
    // Further wrong passwords look the same as ever; the right one learns why it cannot sign on.
    expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await tryPassword(ws, login, login.password)).toBe('ACCOUNT_LOCKED');
    // 5.9.4: it stays locked however long one waits.
    h.clock.advance(24 * 60 * MINUTE);
    expect(await tryPassword(ws, login, login.password)).toBe('ACCOUNT_LOCKED');
    await ws.close();
  });

  it('does not lock for 5 failures spread over more than 15 minutes', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    for (let i = 0; i < 5; i++) {
      expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
      h.clock.advance(4 * MINUTE); // failures at 0, 4, 8, 12, 16 minutes: never 5 inside 15
    }
    expect(await isLocked(login)).toBe(false);
    expect(await tryPassword(ws, login, login.password)).toBe('OK');
    await ws.close();
  });

  it('counts wrong badge or PIN at logon, and a full sign-on starts the count again', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    for (let i = 0; i < 3; i++) expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await tryPassword(ws, login, login.password)).toBe('OK');
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: wrongPin(login.pin) }))).toBe('LOGON_REFUSED');
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('OK');
    await ws.call('session.logout');
    // 4 failures before the good sign-on do not carry over: 4 more do not lock.
    for (let i = 0; i < 4; i++) expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(false);
    expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(true);
    await ws.close();
  });

  it('counts failed unlocks, against the badge’s owner or, for an unknown badge, the session’s operator', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    const other = await h.newOperator();
    await signOn(ws, login);
    ws.session.lock('shortcut');
    expect(await codeOf(ws.call('session.unlock', { badge: 'UNKNOWN-BADGE', pin: login.pin }))).toBe('LOGON_REFUSED');
    expect(await codeOf(ws.call('session.unlock', { badge: other.badge, pin: wrongPin(other.pin) }))).toBe('LOGON_REFUSED');
    for (let i = 0; i < 4; i++) expect(await codeOf(ws.call('session.unlock', { badge: login.badge, pin: wrongPin(login.pin) }))).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(true);
    expect(await isLocked(other)).toBe(false);
    // Locked out: even the right badge and PIN do not unlock now.
    expect(await ws.call('session.unlock', { badge: login.badge, pin: login.pin })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
    expect(ws.session.state().phase).toBe('locked');
    await ws.close();
  });

  it('is released by a CRSO (and by an administrator), after which the operator signs on', async () => {
    const ws = h.workstation();
    const crsoWs = h.workstation({ id: 'WS-CRSO-01' });
    const login = await h.newOperator();
    const crso = await h.newOperator({ roles: ['crso'] });
    for (let i = 0; i < 5; i++) await tryPassword(ws, login, BAD);
    expect(await tryPassword(ws, login, login.password)).toBe('ACCOUNT_LOCKED');

    await signOn(crsoWs, crso);
    const listed = await crsoWs.call('roster.list');
    expect((listed.value as Array<{ id: string; locked: boolean; lockedReason: string | null }>).find((e) => e.id === login.operatorId)).toMatchObject({
      locked: true,
      lockedReason: expect.stringMatching(/failed sign-on/),
    });
    const released = await crsoWs.call('roster.releaseLock', { operatorId: login.operatorId, note: 'Verified by phone.' });
    expect(released).toMatchObject({ ok: true, value: { id: login.operatorId, locked: false, lockedReason: null } });
    expect(crsoWs.security.find((e) => e.type === 'roster-change')).toMatchObject({ actor: crso.operatorId, operatorId: login.operatorId, action: 'release-lock', note: 'Verified by phone.' });

    expect(await tryPassword(ws, login, login.password)).toBe('OK');
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('OK');
    // The release cleared the count too: one more failure does not lock again.
    await ws.call('session.logout');
    expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(false);

    const admin = await h.newOperator({ roles: ['admin'] });
    for (let i = 0; i < 5; i++) await tryPassword(ws, login, BAD);
    await crsoWs.call('session.logout');
    await signOn(crsoWs, admin);
    expect(await codeOf(crsoWs.call('roster.releaseLock', { operatorId: login.operatorId, note: 'Admin release.' }))).toBe('OK');
    expect(await isLocked(login)).toBe(false);
    await ws.close();
    await crsoWs.close();
  });

  it('under the CJIS 5.8 setting, lifts the lock after 10 minutes', async () => {
    const ws = h.workstation({ settings: { lockoutRule: 'cjis-5.8' } });
    const login = await h.newOperator();
    for (let i = 0; i < 5; i++) await tryPassword(ws, login, BAD);
    expect(await isLocked(login)).toBe(true);
    expect(ws.security.find((e) => e.type === 'account-locked')).toMatchObject({ rule: 'cjis-5.8' });
    const refused = await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    const liftsAt = localDateTime(h.clock.now() + 10 * MINUTE, AGENCY_TIME_ZONE);
    expect(refused).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', message: expect.stringContaining(`or try again after ${liftsAt}.`) } });

    h.clock.advance(9 * MINUTE + 59_000);
    expect(await tryPassword(ws, login, login.password)).toBe('ACCOUNT_LOCKED');
    h.clock.advance(1_000);
    // A wrong password right after the lift starts a new count rather than re-locking on the old one.
    expect(await tryPassword(ws, login, BAD)).toBe('LOGON_REFUSED');
    expect(await isLocked(login)).toBe(false);
    expect(await tryPassword(ws, login, login.password)).toBe('OK');
    await ws.close();
  });

  it('does not count attempts against an operator ID that does not exist', async () => {
    const ws = h.workstation();
    for (let i = 0; i < 6; i++) expect(await tryPassword(ws, { operatorId: 'GHOST42' } as Login, BAD)).toBe('LOGON_REFUSED');
    expect(await h.db.query("SELECT count(*) AS n FROM logon_failures WHERE operator_id = 'GHOST42'")).toEqual([{ n: '0' }]);
    await ws.close();
  });
});
