// The screen lock's promise in the renderer: every slice holding criminal justice information or
// personal data is registered with one clearSensitiveState(), which the lock, the sign-off and a
// change of operator run in the same update that changes the screen.
import { describe, expect, it } from 'vitest';
import { createAppStore, NON_SENSITIVE_KEYS, type AppState } from '../../../renderer/src/state/store';
import { activeState, crsoState, deferred, fakeApi, lockedState, reply, rosterEntry, SETTINGS, unsolicited } from './fake-api';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function dataKeys(state: AppState): string[] {
  return Object.entries(state)
    .filter(([, value]) => typeof value !== 'function')
    .map(([key]) => key)
    .sort();
}

/** A CRSO signed on with messages, the roster, settings and a copy notice on screen. */
async function populated() {
  const { api, backend } = fakeApi();
  reply(backend, 'roster.list', [rosterEntry(), rosterEntry({ id: 'TREC01', name: 'Robin Hale (training)' })]);
  reply(backend, 'settings.get', SETTINGS);
  reply(backend, 'clipboard.copy', { clearsAt: '2026-11-23T12:00:30.000Z' });
  const store = createAppStore(api);
  store.getState().applySessionState(crsoState());
  store.getState().receiveUnsolicited(unsolicited({ text: '$.A HIT: DOE, JOHN' }));
  store.getState().showView('operators');
  await store.getState().loadSettings();
  await store.getState().copyText('DOE, JOHN');
  store.getState().noteActivity();
  await flush();
  return { store, backend };
}

describe('clearSensitiveState', () => {
  it('empties every registered slice', async () => {
    const { store } = await populated();
    const registry = store.sensitive;
    const before = store.getState();
    expect(before.unsolicited.entries).toHaveLength(1);
    expect(before.roster.entries).toHaveLength(2);
    expect(before.settings.value).not.toBeNull();
    expect(before.clipboard.notice).not.toBeNull();
    expect(before.activity.lastReportAt).not.toBeNull();

    store.getState().clearSensitiveState();
    const after = store.getState() as unknown as Record<string, unknown>;
    for (const entry of registry.entries()) expect(after[entry.key], entry.key).toEqual(entry.initial);
  });

  it('covers the slices that hold switch messages, the roster, settings and copies', () => {
    const { store } = { store: createAppStore(fakeApi().api) };
    expect(store.sensitive.keys()).toEqual(expect.arrayContaining(['unsolicited', 'roster', 'settings', 'clipboard', 'activity']));
  });

  it('leaves no data key of the store unclassified: a new slice must register or be declared non-sensitive', () => {
    const store = createAppStore(fakeApi().api);
    const classified = [...store.sensitive.keys(), ...NON_SENSITIVE_KEYS].sort();
    expect(dataKeys(store.getState())).toEqual(classified);
  });

  it('refuses a key registered twice', () => {
    const store = createAppStore(fakeApi().api);
    expect(() => store.sensitive.register({ key: 'roster', initial: null })).toThrow(/twice/);
  });
});

describe('the lock clears in the same update that shows it', () => {
  it('never lets a listener see the locked phase with data still in the store', async () => {
    const { store } = await populated();
    const seen: string[] = [];
    store.subscribe((s) => {
      const leftovers = [s.unsolicited.entries.length > 0, s.roster.entries !== null, s.settings.value !== null, s.clipboard.notice !== null];
      seen.push(`${s.session.state?.phase}:${leftovers.some(Boolean)}`);
    });
    store.getState().applySessionState(lockedState('TCRSO01'));
    expect(seen).toEqual(['locked:false']);
  });

  it('clears before the main process answers a Lock request', async () => {
    const { store, backend } = await populated();
    const answer = deferred<unknown>();
    backend.replies.set('session.lock', () => answer.promise);
    const locking = store.getState().lock();
    expect(store.getState().session.locking).toBe(true);
    expect(store.getState().unsolicited.entries).toEqual([]);
    expect(store.getState().roster.entries).toBeNull();
    answer.resolve({ ok: true, value: lockedState('TCRSO01', 'operator') });
    await locking;
    expect(store.getState().session.state?.phase).toBe('locked');
    expect(store.getState().session.locking).toBe(false);
  });

  it('drops a roster reply that was in flight when the screen locked', async () => {
    const { api, backend } = fakeApi();
    const late = deferred<unknown>();
    backend.replies.set('roster.list', () => late.promise);
    const store = createAppStore(api);
    store.getState().applySessionState(crsoState());
    store.getState().showView('operators');
    store.getState().applySessionState(lockedState('TCRSO01'));
    late.resolve({ ok: true, value: [rosterEntry()] });
    await flush();
    expect(store.getState().roster.entries).toBeNull();
  });

  it('clears at sign-off and when the session goes back to the notice', async () => {
    const { store } = await populated();
    store.getState().applySessionState({ phase: 'credentials' });
    expect(store.getState().roster.entries).toBeNull();
    expect(store.getState().unsolicited.entries).toEqual([]);
  });
});

describe('after the lock', () => {
  it('fetches the current screen’s data again when the same operator unlocks', async () => {
    const { store, backend } = await populated();
    const lists = backend.count('roster.list');
    store.getState().applySessionState(lockedState('TCRSO01'));
    store.getState().applySessionState(crsoState());
    await flush();
    expect(backend.count('roster.list')).toBe(lists + 1);
    expect(store.getState().nav.view).toBe('operators');
    expect(store.getState().roster.entries).toHaveLength(2);
    // Nothing was restored from the renderer's memory: the messages come only from the switch again.
    expect(store.getState().unsolicited.entries).toEqual([]);
  });

  it('shows a different operator nothing of the first session, and starts them on the home screen', async () => {
    const { store, backend } = await populated();
    const lists = backend.count('roster.list');
    store.getState().applySessionState(lockedState('TCRSO01'));
    store.getState().applySessionState(activeState('TREC01'));
    await flush();
    const s = store.getState();
    expect(s.nav.view).toBe('home');
    expect(backend.count('roster.list')).toBe(lists);
    expect(s.roster).toEqual(store.sensitive.initialState().roster);
    expect(s.unsolicited.entries).toEqual([]);
    expect(s.session.operatorId).toBe('TREC01');
  });

  it('treats an active state for another operator without a lock in between as a new session too', async () => {
    const { store } = await populated();
    store.getState().applySessionState(activeState('TREC01'));
    expect(store.getState().roster.entries).toBeNull();
    expect(store.getState().unsolicited.entries).toEqual([]);
  });

  it('keeps data on a refresh of the same active session', async () => {
    const { store } = await populated();
    store.getState().applySessionState({ ...crsoState(), idleTimeoutMs: 300_000 });
    expect(store.getState().roster.entries).toHaveLength(2);
    expect(store.getState().session.idleTimeoutMs).toBe(300_000);
  });
});
