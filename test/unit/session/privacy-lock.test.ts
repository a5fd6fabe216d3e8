// The privacy lock (L3–L6, L11), owned by the main process: idle (renderer activity and OS idle time),
// OS lock, suspend, shortcut; a lock screen with the operator ID only; unlock by badge and PIN; another
// operator's badge ends the first session; re-authentication at 12 hours; the link dropped after an hour.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_REASONS } from '../../../shared/contract/session-schemas';
import { HOUR, MINUTE, codeOf, openHarness, signOn, wrongPin, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
});
afterAll(async () => {
  await h?.close();
});

const iso = (ms: number) => new Date(ms).toISOString();

describe('idle lock (L3)', () => {
  it('locks after 10 minutes without activity, not before, and says why and since when', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    h.clock.advance(10 * MINUTE - 1);
    expect(ws.session.state().phase).toBe('active');
    h.clock.advance(1);
    expect(ws.session.state()).toEqual({ phase: 'locked', operatorId: login.operatorId, reason: 'idle', since: iso(h.clock.now()) });
    expect(ws.session.view()).toMatchObject({ signedOn: true, locked: true, operatorId: login.operatorId });
    await ws.close();
  });

  it('starts the 10 minutes again at every activity report', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator());
    h.clock.advance(8 * MINUTE);
    expect(await ws.call('session.activity')).toEqual({ ok: true, value: { idleLockAt: iso(h.clock.now() + 10 * MINUTE) } });
    h.clock.advance(8 * MINUTE);
    expect(ws.session.state().phase).toBe('active');
    h.clock.advance(2 * MINUTE);
    expect(ws.session.state()).toMatchObject({ phase: 'locked', reason: 'idle' });
    await ws.close();
  });

  it('asks the OS before locking: input elsewhere on the machine since the last report keeps it open', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator());
    const start = h.clock.now();
    ws.osInput.lastAt = start + 7 * MINUTE; // typing in the dispatch system beside us
    h.clock.advance(10 * MINUTE);
    expect(ws.session.state().phase).toBe('active');
    h.clock.advance(7 * MINUTE - 1);
    expect(ws.session.state().phase).toBe('active');
    h.clock.advance(1);
    expect(ws.session.state()).toMatchObject({ phase: 'locked', reason: 'idle', since: iso(start + 17 * MINUTE) });
    await ws.close();
  });

  it('locks on the renderer’s reports alone when the OS cannot tell', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator());
    ws.osInput.lastAt = null;
    h.clock.advance(10 * MINUTE);
    expect(ws.session.state().phase).toBe('locked');
    await ws.close();
  });

  it('follows the per-workstation timeout, and a change made while signed on', async () => {
    const ws = h.workstation({ settings: { idleTimeoutMinutes: 30 } });
    const admin = await h.newOperator({ roles: ['admin'] });
    const active = await signOn(ws, admin);
    expect(active).toMatchObject({ idleTimeoutMs: 30 * MINUTE });
    h.clock.advance(20 * MINUTE);
    expect(ws.session.state().phase).toBe('active');
    await ws.call('session.activity');
    // More than 30 minutes is refused by the contract (L3).
    expect(await codeOf(ws.call('settings.update', { ...ws.settings.current(), idleTimeoutMinutes: 31 }))).toBe('BAD_REQUEST');
    const updated = await ws.call('settings.update', { ...ws.settings.current(), idleTimeoutMinutes: 5 });
    expect(updated).toMatchObject({ ok: true, value: { idleTimeoutMinutes: 5 } });
    expect(ws.states.at(-1)).toMatchObject({ phase: 'active', idleTimeoutMs: 5 * MINUTE });
    h.clock.advance(5 * MINUTE);
    expect(ws.session.state().phase).toBe('locked');
    await ws.close();
  });
});

describe('the dispatch exemption (L4)', () => {
  it('needs a justification, is recorded, and turns the idle lock off; the link still drops after an hour idle', async () => {
    const ws = h.workstation();
    const admin = await h.newOperator({ roles: ['admin'] });
    const recorded: unknown[] = [];
    ws.settings.onRecordedChange((change) => recorded.push(change));
    await signOn(ws, admin);

    const withoutReason = await ws.call('settings.update', { ...ws.settings.current(), dispatchIdleExemption: { enabled: true, justification: 'x' } });
    expect(withoutReason).toMatchObject({ ok: false, error: { code: 'JUSTIFICATION_REQUIRED' } });
    expect(recorded).toEqual([]);

    const justification = 'Dispatch floor, badge-controlled room (GO 54.3)';
    expect(await codeOf(ws.call('settings.update', { ...ws.settings.current(), dispatchIdleExemption: { enabled: true, justification } }))).toBe('OK');
    expect(recorded).toEqual([
      expect.objectContaining({ actor: admin.operatorId, action: 'update', changed: ['dispatchIdleExemption'], after: expect.objectContaining({ dispatchIdleExemption: { enabled: true, justification } }) }),
    ]);
    expect(ws.session.state()).toMatchObject({ phase: 'active', idleTimeoutMs: null });
    expect(await ws.call('session.activity')).toEqual({ ok: true, value: { idleLockAt: null } });

    h.clock.advance(59 * MINUTE);
    expect(ws.session.state().phase).toBe('active');
    expect(ws.link.running).toBe(true);
    h.clock.advance(1 * MINUTE);
    expect(ws.session.state().phase).toBe('active');
    expect(ws.link).toMatchObject({ running: false, stops: 1 });
    // The operator comes back: the link is started again.
    await ws.call('session.activity');
    expect(ws.link).toMatchObject({ running: true, starts: 1 });
    await ws.close();
  });

  it('is never the default', () => {
    const ws = h.workstation();
    expect(ws.settings.current()).toMatchObject({
      idleTimeoutMinutes: 10,
      dispatchIdleExemption: { enabled: false },
      accessibilityCaptureExemption: { enabled: false },
      lockoutRule: 'cjis-5.9.4',
    });
  });
});

describe('locking at once (L3, L11)', () => {
  it.each(['os-lock', 'suspend', 'shortcut'] as const)('locks on %s and clears our text from the clipboard', async (reason) => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    await ws.call('clipboard.copy', { text: 'NAM/DOE,JANE' });
    ws.session.lock(reason);
    expect(ws.session.state()).toEqual({ phase: 'locked', operatorId: login.operatorId, reason, since: iso(h.clock.now()) });
    await expect.poll(() => ws.clipboardPort.peek()).toBe('');
    // The event the renderer gets while locked carries the operator ID, the reason and the time only.
    expect(Object.keys(ws.states.at(-1)!).sort()).toEqual(['operatorId', 'phase', 'reason', 'since']);
    await ws.close();
  });

  it('locks from the Lock button (session.lock), and a second lock changes nothing', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator());
    expect(await ws.call('session.lock')).toMatchObject({ ok: true, value: { phase: 'locked', reason: 'operator' } });
    const since = ws.session.state();
    h.clock.advance(MINUTE);
    ws.session.lock('os-lock');
    expect(await ws.call('session.lock')).toEqual({ ok: true, value: since });
    await ws.close();
  });

  it('is harmless before anyone signs on', () => {
    const ws = h.workstation();
    for (const reason of LOCK_REASONS) ws.session.lock(reason);
    expect(ws.session.state().phase).toBe('notice');
  });

  it('refuses every data channel while locked', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator({ roles: ['crso', 'admin', 'records'] }));
    ws.session.lock('shortcut');
    for (const [channel, payload] of [
      ['roster.list', {}],
      ['settings.get', {}],
      ['clipboard.copy', { text: 'x' }],
      ['session.activity', {}],
      ['session.submitPassword', { operatorId: 'ABC', password: 'x' }],
    ] as const) {
      expect(await codeOf(ws.call(channel, payload)), channel).toBe('LOCKED');
    }
    await ws.close();
  });
});

describe('unlocking', () => {
  it('resumes the same session for the same operator’s badge and PIN', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    const active = await signOn(ws, login);
    const sessionId = ws.session.current()!.sessionId;
    ws.session.lock('shortcut');
    expect(await codeOf(ws.call('session.unlock', { badge: login.badge, pin: wrongPin(login.pin) }))).toBe('LOGON_REFUSED');
    expect(ws.session.state().phase).toBe('locked');
    h.clock.advance(MINUTE);
    expect(await ws.call('session.unlock', { badge: login.badge, pin: login.pin })).toEqual({ ok: true, value: active });
    expect(ws.session.current()!.sessionId).toBe(sessionId);
    expect(ws.ended).toEqual([]);
    // The idle timer runs again from the unlock.
    h.clock.advance(10 * MINUTE);
    expect(ws.session.state()).toMatchObject({ phase: 'locked', reason: 'idle' });
    await ws.close();
  });

  it('ends the first session when another operator unlocks with their own badge and PIN, and starts theirs', async () => {
    const ws = h.workstation();
    const first = await h.newOperator({ roles: ['dispatcher'] });
    const second = await h.newOperator({ roles: ['records'] });
    await signOn(ws, first);
    const firstId = ws.session.current()!.sessionId;
    ws.session.lock('os-lock');

    const result = await ws.call('session.unlock', { badge: second.badge, pin: second.pin });
    expect(result).toMatchObject({ ok: true, value: { phase: 'active', operator: { id: second.operatorId, roles: ['records'] } } });
    expect(ws.ended).toEqual([{ sessionId: firstId, operatorId: first.operatorId, reason: 'replaced', at: h.clock.now() }]);
    expect(ws.session.current()).toMatchObject({ operatorId: second.operatorId, roles: ['records'] });
    expect(ws.session.current()!.sessionId).not.toBe(firstId);
    // No notice phase in between: the first operator's data is never shown to the second.
    expect(ws.states.slice(-2).map((s) => s.phase)).toEqual(['locked', 'active']);
    await ws.session.settle();
    expect(await h.db.query('SELECT operator_id FROM active_sessions WHERE operator_id = ANY($1) ORDER BY operator_id', [[first.operatorId, second.operatorId]])).toEqual([
      { operator_id: second.operatorId },
    ]);
    await ws.close();
  });

  it('applies every logon check to the other operator, and the first session stays locked when refused', async () => {
    const ws = h.workstation();
    const first = await h.newOperator();
    const unsigned = await h.newOperator({ statementSignedOn: null });
    const lapsed = await h.newOperator({ certifiedUntil: '2025-01-01' });
    const elsewhere = await h.newOperator();
    const other = h.workstation({ id: 'WS-OTHER-02' });
    await signOn(other, elsewhere);
    await signOn(ws, first);
    ws.session.lock('shortcut');
    expect(await codeOf(ws.call('session.unlock', { badge: unsigned.badge, pin: unsigned.pin }))).toBe('STATEMENT_MISSING');
    expect(await codeOf(ws.call('session.unlock', { badge: lapsed.badge, pin: lapsed.pin }))).toBe('CERTIFICATION_LAPSED');
    expect(await codeOf(ws.call('session.unlock', { badge: elsewhere.badge, pin: elsewhere.pin }))).toBe('ALREADY_SIGNED_ON');
    expect(ws.session.state()).toMatchObject({ phase: 'locked', operatorId: first.operatorId });
    expect(ws.ended).toEqual([]);
    await other.close();
    await ws.close();
  });

  it('is refused outside the lock screen', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    expect(await codeOf(ws.call('session.unlock', { badge: login.badge, pin: login.pin }))).toBe('WRONG_STEP');
  });
});

describe('re-authentication every 12 hours (L5)', () => {
  it('locks with reason reauth-due at 12 hours, and then needs the full logon', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    const step = 10 * MINUTE - 1;
    for (let i = 0; i < 72; i++) {
      h.clock.advance(step);
      await ws.call('session.activity'); // busy all along: never idle
    }
    const left = 12 * HOUR - 72 * step;
    h.clock.advance(left - 1);
    expect(ws.session.state().phase).toBe('active');
    h.clock.advance(1);
    expect(ws.session.state()).toMatchObject({ phase: 'locked', reason: 'reauth-due' });
    expect(await ws.call('session.unlock', { badge: login.badge, pin: login.pin })).toMatchObject({
      ok: false,
      error: { code: 'REAUTH_REQUIRED', message: expect.stringMatching(/password, badge and PIN/) },
    });
    await ws.call('session.logout');
    expect(await signOn(ws, login)).toMatchObject({ phase: 'active' });
    await ws.close();
  });

  it('turns an earlier lock into a reauth-due lock when the 12 hours pass', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    h.clock.advance(11 * HOUR);
    const locked = ws.session.state();
    expect(locked).toMatchObject({ phase: 'locked', reason: 'idle' });
    h.clock.advance(1 * HOUR);
    expect(ws.session.state()).toEqual({ ...locked, reason: 'reauth-due' });
    expect(await codeOf(ws.call('session.unlock', { badge: login.badge, pin: login.pin }))).toBe('REAUTH_REQUIRED');
    await ws.close();
  });
});

describe('the network session (L6)', () => {
  it('is dropped after an hour locked and started again at unlock', async () => {
    const ws = h.workstation();
    const login = await h.newOperator();
    await signOn(ws, login);
    ws.session.lock('shortcut');
    h.clock.advance(HOUR - 1);
    expect(ws.link).toMatchObject({ running: true, stops: 0 });
    h.clock.advance(1);
    expect(ws.link).toMatchObject({ running: false, stops: 1 });
    expect(ws.security.filter((e) => e.type === 'network-dropped')).toHaveLength(1);
    h.clock.advance(3 * HOUR);
    expect(ws.link.stops).toBe(1);
    expect(await codeOf(ws.call('session.unlock', { badge: login.badge, pin: login.pin }))).toBe('OK');
    expect(ws.link).toMatchObject({ running: true, starts: 1 });
    await ws.close();
  });

  it('counts the hour from the last activity, so an idle lock at 10 minutes drops it 50 minutes later', async () => {
    const ws = h.workstation();
    await signOn(ws, await h.newOperator());
    h.clock.advance(10 * MINUTE);
    expect(ws.session.state().phase).toBe('locked');
    h.clock.advance(50 * MINUTE);
    expect(ws.link.running).toBe(false);
    await ws.close();
  });
});
