// Logging on (L1, L7, U2, U3, L10): the notice first, then operator ID and password, then badge and PIN.
// Each refusal has its stable code; nothing about an account is told before its password verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { WRONG_BADGE, WRONG_PASSWORD } from '../../../electron/services/session/refusals';
import { MINUTE, codeOf, openHarness, signOn, wrongPin, type Harness, type Workstation } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const ack = (ws: Workstation, version: string = SYSTEM_USE_NOTICE.version) => ws.call('session.acknowledgeNotice', { noticeVersion: version });

describe('the system use notice (L1)', () => {
  it('comes first, with the full text, and nothing else is accepted until it is acknowledged', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    expect(ws.session.state()).toEqual({
      phase: 'notice',
      notice: { version: SYSTEM_USE_NOTICE.version, title: SYSTEM_USE_NOTICE.title, paragraphs: [...SYSTEM_USE_NOTICE.paragraphs] },
    });
    expect(await codeOf(ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password }))).toBe('NOTICE_REQUIRED');
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('NOTICE_REQUIRED');
    expect(ws.session.state().phase).toBe('notice');
    await ws.close();
  });

  it('must be acknowledged in its current version', async () => {
    const ws = h.workstation();
    expect(await ack(ws, '2019-1')).toMatchObject({ ok: false, error: { code: 'NOTICE_REQUIRED', message: expect.stringMatching(/changed/) } });
    expect(ws.session.state().phase).toBe('notice');
    expect(await ack(ws)).toEqual({ ok: true, value: { phase: 'credentials' } });
    expect(ws.security.map((e) => e.type)).toEqual(['notice-acknowledged']);
    await ws.close();
  });
});

describe('two factors (L7)', () => {
  it('signs on with password, then badge and PIN, and shows the active session', async () => {
    const ws = h.workstation();
    const login = await h.newOperator({ roles: ['records', 'dispatcher'] });
    await ack(ws);
    const second = await ws.call('session.submitPassword', { operatorId: login.operatorId.toLowerCase(), password: login.password });
    expect(second).toEqual({ ok: true, value: { phase: 'second-factor', operatorId: login.operatorId } });
    // A badge reader types the badge like a keyboard: surrounding spaces and lower case are fine.
    const active = await ws.call('session.submitBadge', { badge: ` ${login.badge.toLowerCase()} `, pin: login.pin });
    expect(active).toEqual({
      ok: true,
      value: {
        phase: 'active',
        operator: { id: login.operatorId, name: login.name, roles: ['dispatcher', 'records'] },
        signedOnAt: new Date(h.clock.now()).toISOString(),
        reauthDueAt: new Date(h.clock.now() + 12 * 60 * MINUTE).toISOString(),
        idleTimeoutMs: 10 * MINUTE,
        watermark: { operatorId: login.operatorId, workstationId: ws.id },
      },
    });
    expect(ws.session.view()).toEqual({ signedOn: true, locked: false, roles: ['dispatcher', 'records'], operatorId: login.operatorId });
    expect(ws.states.map((s) => s.phase)).toEqual(['credentials', 'second-factor', 'active']);
    expect((await h.roster.getOperator(login.operatorId))?.lastLogonAt).toBe(h.clock.now());
    await ws.close();
  });

  it('gives an unknown operator ID and a wrong password the same answer', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    const unknown = await ws.call('session.submitPassword', { operatorId: 'NOSUCH99', password: login.password });
    const wrong = await ws.call('session.submitPassword', { operatorId: login.operatorId, password: 'not the password at all' });
    expect(unknown).toEqual({ ok: false, error: { code: 'LOGON_REFUSED', message: WRONG_PASSWORD } });
    expect(wrong).toEqual(unknown);
    expect(ws.session.state()).toEqual({ phase: 'credentials' });
    // The audit event never echoes an ID that is not on the roster.
    expect(ws.security.filter((e) => e.type === 'logon-failed')).toEqual([
      expect.objectContaining({ step: 'password', operatorId: null }),
      expect.objectContaining({ step: 'password', operatorId: login.operatorId }),
    ]);
    await ws.close();
  });

  it('refuses a wrong PIN, an unknown badge and another operator’s badge with one message', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    const other = await h.newOperator();
    await ack(ws);
    await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    const refusals = [
      await ws.call('session.submitBadge', { badge: login.badge, pin: wrongPin(login.pin) }),
      await ws.call('session.submitBadge', { badge: 'NO-SUCH-BADGE', pin: login.pin }),
      await ws.call('session.submitBadge', { badge: other.badge, pin: other.pin }),
    ];
    for (const refusal of refusals) expect(refusal).toEqual({ ok: false, error: { code: 'LOGON_REFUSED', message: WRONG_BADGE } });
    expect(ws.session.state()).toEqual({ phase: 'second-factor', operatorId: login.operatorId });
    expect(ws.session.view().signedOn).toBe(false);
    await ws.close();
  });

  it('starts over when the badge does not come within 2 minutes', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    h.clock.advance(2 * MINUTE);
    expect(ws.session.state()).toEqual({ phase: 'credentials' });
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('WRONG_STEP');
    await ws.close();
  });

  it('drops a half-finished logon when the screen locks', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    ws.session.lock('os-lock');
    expect(ws.session.state()).toEqual({ phase: 'credentials' });
    await ws.close();
  });

  it('lets a lock that lands while the badge is being checked win: no session starts', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    const pending = ws.call('session.submitBadge', { badge: login.badge, pin: login.pin });
    ws.session.lock('suspend');
    expect(await pending).toMatchObject({ ok: false, error: { code: 'WRONG_STEP' } });
    expect(ws.session.state()).toEqual({ phase: 'credentials' });
    await ws.session.settle();
    expect(await h.db.query('SELECT operator_id FROM active_sessions WHERE operator_id = $1', [login.operatorId])).toEqual([]);
    await ws.close();
  });

  it('refuses steps out of order with WRONG_STEP', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('WRONG_STEP');
    await signOn(ws, login);
    expect(await codeOf(ack(ws))).toBe('WRONG_STEP');
    expect(await codeOf(ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password }))).toBe('WRONG_STEP');
    await ws.close();
  });
});

describe('account checks after the password (U2, U3, L2, U4)', () => {
  async function refusalFor(extra: Parameters<Harness['newOperator']>[0], prepare?: (id: string) => Promise<void>) {
    const ws = h.workstation();
    const login = await h.newOperator(extra);
    await prepare?.(login.operatorId);
    await ack(ws);
    const wrong = await ws.call('session.submitPassword', { operatorId: login.operatorId, password: 'not the password at all' });
    const right = await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    await ws.close();
    return { wrong, right };
  }

  it.each([
    ['no statement form on file', { statementSignedOn: null }, 'STATEMENT_MISSING', /Statement form/],
    ['no certification on file', { certifiedUntil: null }, 'CERTIFICATION_LAPSED', /certification/],
    ['a certification that ran out yesterday', { certifiedUntil: '2026-11-22' }, 'CERTIFICATION_LAPSED', /ran out on 2026-11-22/],
    ['no badge and PIN issued', { withBadge: false }, 'SECOND_FACTOR_MISSING', /badge and PIN/],
  ] as const)('refuses %s, but only to someone who knows the password', async (_title, extra, code, words) => {
    const { wrong, right } = await refusalFor(extra);
    expect(wrong).toEqual({ ok: false, error: { code: 'LOGON_REFUSED', message: WRONG_PASSWORD } });
    expect(right).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(words) } });
  });

  it('accepts a certification on its last day', async () => {
    const { right } = await refusalFor({ certifiedUntil: '2026-11-23' });
    expect(right).toMatchObject({ ok: true, value: { phase: 'second-factor' } });
  });

  it('refuses a disabled account', async () => {
    const { wrong, right } = await refusalFor({}, async (id) => void (await h.roster.disableOperator(id)));
    expect(wrong).toMatchObject({ error: { code: 'LOGON_REFUSED' } });
    expect(right).toMatchObject({ ok: false, error: { code: 'ACCOUNT_DISABLED' } });
  });

  it('says a locked account is locked and how to get it released', async () => {
    const { wrong, right } = await refusalFor({}, async (id) => void (await h.roster.lockOperator(id, 'Locked by the CRSO.')));
    expect(wrong).toMatchObject({ error: { code: 'LOGON_REFUSED', message: WRONG_PASSWORD } });
    expect(right).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/CRSO or a workstation administrator to release/) } });
  });

  it('checks the account again when the badge completes the logon', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await ack(ws);
    await ws.call('session.submitPassword', { operatorId: login.operatorId, password: login.password });
    await h.roster.setStatementSigned(login.operatorId, null);
    expect(await codeOf(ws.call('session.submitBadge', { badge: login.badge, pin: login.pin }))).toBe('STATEMENT_MISSING');
    expect(ws.session.state()).toEqual({ phase: 'credentials' });
    await ws.close();
  });
});

describe('sign-off', () => {
  it('returns to the notice, clears the guarded clipboard and ends the session', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    const sessionId = ws.session.current()?.sessionId;
    expect(sessionId).toMatch(/^[0-9a-f]{32}$/);
    await ws.call('clipboard.copy', { text: 'NAM/DOE,JOHN' });
    await expect.poll(() => ws.clipboardPort.peek()).toBe('NAM/DOE,JOHN');

    expect(await ws.call('session.logout')).toMatchObject({ ok: true, value: { phase: 'notice' } });
    await expect.poll(() => ws.clipboardPort.peek()).toBe('');
    expect(ws.session.current()).toBeNull();
    expect(ws.session.view()).toEqual({ signedOn: false, locked: false, roles: [], operatorId: null });
    expect(ws.ended).toEqual([{ sessionId, operatorId: login.operatorId, reason: 'logout', at: h.clock.now() }]);
    expect(await h.db.query('SELECT operator_id FROM active_sessions WHERE operator_id = $1', [login.operatorId])).toEqual([]);
    await ws.close();
  });

  it('gives every session a new 128-bit ID', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      await signOn(ws, login);
      ids.add(ws.session.current()!.sessionId);
      await ws.call('session.logout');
    }
    expect(ids.size).toBe(3);
    await ws.close();
  });
});
