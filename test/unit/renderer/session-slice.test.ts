// The session slice shows what the main process says and puts each refusal on the field it is about.
import { describe, expect, it } from 'vitest';
import { fieldForRefusal, isSessionState } from '../../../renderer/src/state/session';
import { createAppStore, startAppStore } from '../../../renderer/src/state/store';
import { activeState, deferred, fakeApi, lockedState, manualTimers, NOTICE_STATE, reply } from './fake-api';

const flush = () => new Promise((resolve) => setImmediate(resolve));
const WRONG_PASSWORD = { code: 'LOGON_REFUSED', message: 'Operator ID or password is not correct.' };
const LOCKED = { code: 'ACCOUNT_LOCKED', message: 'Your account is locked after too many failed sign-on attempts. Ask your CRSO or a workstation administrator to release it.' };

function setup() {
  const { api, backend } = fakeApi();
  const store = createAppStore(api, { timers: manualTimers() });
  return { store, backend };
}

describe('session state', () => {
  it('reads the state at start and follows session.state events', async () => {
    const { api, backend } = fakeApi();
    const store = createAppStore(api, { timers: manualTimers() });
    startAppStore(store, api, manualTimers());
    await flush();
    expect(store.getState().session.state?.phase).toBe('notice');
    backend.emit('session.state', { phase: 'credentials' });
    expect(store.getState().session.state).toEqual({ phase: 'credentials' });
  });

  it('ignores payloads that are not session states', () => {
    const { store } = setup();
    for (const bad of [null, 'active', { phase: 'root' }, { phase: 'active', operator: { id: 'X' } }, { phase: 'locked', operatorId: 'X', reason: 'because', since: 'now' }]) {
      store.getState().applySessionState(bad);
    }
    expect(store.getState().session.state).toBeNull();
    expect(isSessionState(activeState())).toBe(true);
    expect(isSessionState(lockedState())).toBe(true);
    expect(isSessionState(NOTICE_STATE)).toBe(true);
  });

  it('remembers the idle timeout for the lock screen and only the operator ID while locked', () => {
    const { store } = setup();
    store.getState().applySessionState(activeState('TDISP01', { idleTimeoutMs: 300_000 }));
    store.getState().applySessionState(lockedState());
    expect(store.getState().session).toMatchObject({ operatorId: 'TDISP01', idleTimeoutMs: 300_000 });
    store.getState().applySessionState(NOTICE_STATE);
    expect(store.getState().session).toMatchObject({ operatorId: null, idleTimeoutMs: null });
  });
});

describe('sign-on steps', () => {
  it('acknowledges the version of the notice it showed', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState(NOTICE_STATE);
    reply(backend, 'session.acknowledgeNotice', { phase: 'credentials' });
    await store.getState().acknowledgeNotice();
    expect(backend.payloads.at(-1)).toEqual({ channel: 'session.acknowledgeNotice', payload: { noticeVersion: NOTICE_STATE.phase === 'notice' ? NOTICE_STATE.notice.version : '' } });
    expect(store.getState().session.state?.phase).toBe('credentials');
  });

  it('checks the fields before sending and points at the one to fix', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'credentials' });
    await store.getState().submitPassword('  ', 'secret');
    expect(store.getState().session.error).toMatchObject({ step: 'credentials', field: 'operatorId', message: 'Enter your operator ID.' });
    await store.getState().submitPassword('tdisp01', '');
    expect(store.getState().session.error).toMatchObject({ field: 'password', message: 'Enter your password.' });
    expect(backend.count('session.submitPassword')).toBe(0);
  });

  it('sends the operator ID in capitals and trimmed', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'credentials' });
    reply(backend, 'session.submitPassword', { phase: 'second-factor', operatorId: 'TDISP01' });
    await store.getState().submitPassword(' tdisp01 ', 'amber-lantern-41');
    expect(backend.payloads.at(-1)?.payload).toEqual({ operatorId: 'TDISP01', password: 'amber-lantern-41' });
    expect(store.getState().session.state).toEqual({ phase: 'second-factor', operatorId: 'TDISP01' });
    expect(store.getState().session.error).toBeNull();
  });

  it('puts a wrong password on the password field, with the main process’s words', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'credentials' });
    reply(backend, 'session.submitPassword', null, WRONG_PASSWORD);
    reply(backend, 'session.state', { phase: 'credentials' });
    await store.getState().submitPassword('TDISP01', 'wrong');
    const first = store.getState().session.error;
    expect(first).toMatchObject({ step: 'credentials', field: 'password', code: 'LOGON_REFUSED', message: WRONG_PASSWORD.message });
    await store.getState().submitPassword('TDISP01', 'wrong');
    expect(store.getState().session.error?.seq).toBeGreaterThan(first!.seq);
  });

  it('puts a locked account on the operator ID field', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'credentials' });
    reply(backend, 'session.submitPassword', null, LOCKED);
    reply(backend, 'session.state', { phase: 'credentials' });
    await store.getState().submitPassword('TDISP01', 'amber-lantern-41');
    expect(store.getState().session.error).toMatchObject({ field: 'operatorId', code: 'ACCOUNT_LOCKED', message: LOCKED.message });
  });

  it('moves a refusal to the form now on screen when the session went back a step', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'second-factor', operatorId: 'TDISP01' });
    const lapsed = { code: 'CERTIFICATION_LAPSED', message: 'Your CLETS operator certification ran out on 2026-01-01.' };
    reply(backend, 'session.submitBadge', null, lapsed);
    reply(backend, 'session.state', { phase: 'credentials' });
    await store.getState().submitBadge('TRN-B-1001', '482913');
    expect(store.getState().session.state?.phase).toBe('credentials');
    expect(store.getState().session.error).toMatchObject({ step: 'credentials', field: 'operatorId', message: lapsed.message });
  });

  it('sends nothing twice while a call is in flight', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState({ phase: 'second-factor', operatorId: 'TDISP01' });
    const answer = deferred<unknown>();
    backend.replies.set('session.submitBadge', () => answer.promise);
    const first = store.getState().submitBadge('TRN-B-1001', '482913');
    await store.getState().submitBadge('TRN-B-1001', '482913');
    expect(backend.count('session.submitBadge')).toBe(1);
    answer.resolve({ ok: true, value: activeState() });
    await first;
    expect(store.getState().session).toMatchObject({ pending: false, state: { phase: 'active' } });
  });

  it('checks the PIN format before unlocking', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState(lockedState());
    await store.getState().unlock('TRN-B-1001', '12');
    expect(store.getState().session.error).toMatchObject({ step: 'unlock', field: 'pin', message: 'PIN is 6 to 12 digits.' });
    expect(backend.count('session.unlock')).toBe(0);
  });

  it('clears a refusal when the operator presses Esc, and when the phase changes', async () => {
    const { store } = setup();
    store.getState().applySessionState({ phase: 'credentials' });
    await store.getState().submitPassword('', '');
    store.getState().dismissSessionError();
    expect(store.getState().session.error).toBeNull();
    await store.getState().submitPassword('', '');
    store.getState().applySessionState({ phase: 'second-factor', operatorId: 'TDISP01' });
    expect(store.getState().session.error).toBeNull();
  });
});

describe('fieldForRefusal', () => {
  it.each([
    ['credentials', 'LOGON_REFUSED', 'password'],
    ['credentials', 'ACCOUNT_LOCKED', 'operatorId'],
    ['credentials', 'ACCOUNT_DISABLED', 'operatorId'],
    ['credentials', 'STATEMENT_MISSING', 'operatorId'],
    ['credentials', 'ALREADY_SIGNED_ON', 'operatorId'],
    ['second-factor', 'LOGON_REFUSED', 'pin'],
    ['unlock', 'LOGON_REFUSED', 'pin'],
    ['unlock', 'ACCOUNT_LOCKED', 'badge'],
    ['unlock', 'REAUTH_REQUIRED', 'badge'],
  ] as const)('%s %s → %s', (step, code, field) => {
    expect(fieldForRefusal(step, { code, message: '' })).toBe(field);
  });

  it('follows the field a parse error names', () => {
    expect(fieldForRefusal('second-factor', { code: 'BAD_REQUEST', message: 'The request was not understood (badge): Enter or swipe your badge.' })).toBe('badge');
  });
});
