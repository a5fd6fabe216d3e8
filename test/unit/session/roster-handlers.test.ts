// The CRSO screens' channels (U2–U6): the roster's refusals reach the CRSO in plain words, every change is
// reported for the audit journal, and disabling an operator ends their session wherever it runs (U4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openHarness, signOn, type Harness, type Login, type Workstation } from './harness';

let h: Harness;
let ws: Workstation;
let crso: Login;
beforeAll(async () => {
  h = await openHarness();
  ws = h.workstation({ id: 'WS-CRSO-01' });
  crso = await h.newOperator({ roles: ['crso'] });
  await signOn(ws, crso);
});
afterAll(async () => {
  await h?.close();
});

const newOperator = (operatorId: string, extra: Record<string, unknown> = {}) => ({
  operatorId,
  name: 'Morgan Reyes',
  roles: ['dispatcher'],
  password: 'copper kettle 58 orchard',
  badge: `BDG-${operatorId}`,
  pin: '583017',
  statementSignedOn: '2026-02-01',
  certifiedUntil: '2028-01-31',
  ...extra,
});

describe('roster channels (CRSO)', () => {
  it('adds an operator and lists them with their dates, lock and disabled state, never a hash', async () => {
    const created = await ws.call('roster.create', newOperator('d2001'));
    expect(created).toEqual({
      ok: true,
      value: {
        id: 'D2001',
        name: 'Morgan Reyes',
        roles: ['dispatcher'],
        statementSignedOn: '2026-02-01',
        certifiedUntil: '2028-01-31',
        lastLogonAt: null,
        locked: false,
        lockedReason: null,
        disabled: false,
      },
    });
    const listed = await ws.call('roster.list');
    expect(listed.value).toEqual(expect.arrayContaining([created.value]));
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|hmac|hash/i);
    expect(ws.security.find((e) => e.type === 'roster-change' && e.action === 'create')).toMatchObject({ actor: crso.operatorId, operatorId: 'D2001' });
  });

  it.each([
    ['an ID that was used before', newOperator('D2001'), 'OPERATOR_ID_USED', /never reused/],
    ['a common password', newOperator('D2002', { password: 'password123' }), 'PASSWORD_REJECTED', /^The password was not accepted: .*common passwords/],
    ['a password with the operator ID', newOperator('D2003', { password: 'my d2003 secret key' }), 'PASSWORD_REJECTED', /operator ID/],
    ['a PIN that is a run', newOperator('D2004', { pin: '123456' }), 'PIN_REJECTED', /^The PIN was not accepted: .*too easy/],
    ['a badge already issued', newOperator('D2005', { badge: 'BDG-D2001' }), 'BADGE_IN_USE', /already assigned to another operator/],
  ])('refuses %s with a plain reason', async (_title, request, code, words) => {
    expect(await ws.call('roster.create', request)).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(words) } });
  });

  it('records the statement form and certification dates', async () => {
    const updated = await ws.call('roster.setDates', { operatorId: 'D2001', statementSignedOn: '2026-03-01', certifiedUntil: null });
    expect(updated).toMatchObject({ ok: true, value: { id: 'D2001', statementSignedOn: '2026-03-01', certifiedUntil: null } });
    expect(await ws.call('roster.setDates', { operatorId: 'NOBODY1', statementSignedOn: null, certifiedUntil: null })).toMatchObject({
      ok: false,
      error: { code: 'OPERATOR_NOT_FOUND' },
    });
  });

  it('disables an operator, ending their session at another workstation at its next heartbeat (U4)', async () => {
    const other = h.workstation({ id: 'WS-FLOOR-07' });
    const login = await h.newOperator();
    await signOn(other, login);
    const disabled = await ws.call('roster.disable', { operatorId: login.operatorId, reason: 'Transferred to another agency.' });
    expect(disabled).toMatchObject({ ok: true, value: { id: login.operatorId, disabled: true } });
    expect(ws.security.find((e) => e.type === 'roster-change' && e.action === 'disable')).toMatchObject({ note: 'Transferred to another agency.' });

    h.clock.advance(30_000);
    await other.session.settle();
    expect(other.session.state().phase).toBe('notice');
    expect(other.ended).toEqual([expect.objectContaining({ operatorId: login.operatorId, reason: 'disabled' })]);
    await other.close();
  });

  it('will not let a CRSO disable their own account', async () => {
    expect(await ws.call('roster.disable', { operatorId: crso.operatorId, reason: 'Testing.' })).toMatchObject({ ok: false, error: { code: 'CANNOT_DISABLE_SELF' } });
  });

  it('is closed to operators without the CRSO role (the full table is in test/unit/ipc)', async () => {
    const other = h.workstation({ id: 'WS-FLOOR-08' });
    await signOn(other, await h.newOperator({ roles: ['supervisor', 'records', 'dispatcher'] }));
    expect(await other.call('roster.list')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await other.call('roster.releaseLock', { operatorId: crso.operatorId, note: 'Let me in.' })).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    await other.close();
  });
});
