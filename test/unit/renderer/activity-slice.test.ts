// Activity reports reset the main process's idle-lock timer: at most one every 5 seconds, the first
// at once and the rest folded into one trailing report; none unless the session is active.
import { describe, expect, it } from 'vitest';
import { ACTIVITY_REPORT_MS } from '../../../renderer/src/state/activity';
import { createAppStore } from '../../../renderer/src/state/store';
import { activeState, fakeApi, lockedState, manualTimers, reply } from './fake-api';

const flush = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const { api, backend } = fakeApi();
  const timers = manualTimers();
  const store = createAppStore(api, { timers });
  return { store, backend, timers, reports: () => backend.count('session.activity') };
}

describe('activity slice', () => {
  it('reports the first input at once and then at most once every 5 seconds', () => {
    const { store, timers, reports } = setup();
    store.getState().applySessionState(activeState());
    store.getState().noteActivity();
    expect(reports()).toBe(1);
    for (let i = 0; i < 20; i++) {
      timers.advance(200);
      store.getState().noteActivity();
    }
    // 4 s of constant typing after the first report: nothing more yet.
    expect(reports()).toBe(1);
    timers.advance(ACTIVITY_REPORT_MS - 4_000);
    expect(reports()).toBe(2);
    timers.advance(60_000);
    expect(reports()).toBe(2);
  });

  it('sends the trailing report exactly 5 s after the previous one', () => {
    const { store, timers, reports } = setup();
    store.getState().applySessionState(activeState());
    store.getState().noteActivity();
    timers.advance(1_000);
    store.getState().noteActivity();
    timers.advance(3_999);
    expect(reports()).toBe(1);
    timers.advance(1);
    expect(reports()).toBe(2);
  });

  it('reports again at once after a quiet interval', () => {
    const { store, timers, reports } = setup();
    store.getState().applySessionState(activeState());
    store.getState().noteActivity();
    timers.advance(ACTIVITY_REPORT_MS);
    store.getState().noteActivity();
    expect(reports()).toBe(2);
  });

  it('reports nothing before sign-on or while locked', () => {
    const { store, timers, reports } = setup();
    store.getState().noteActivity();
    store.getState().applySessionState(lockedState());
    store.getState().noteActivity();
    timers.advance(60_000);
    expect(reports()).toBe(0);
  });

  it('drops a pending trailing report when the screen locks', () => {
    const { store, timers, reports } = setup();
    store.getState().applySessionState(activeState());
    store.getState().noteActivity();
    timers.advance(1_000);
    store.getState().noteActivity();
    store.getState().applySessionState(lockedState());
    timers.advance(60_000);
    expect(reports()).toBe(1);
    expect(timers.pending()).toBe(0);
  });

  it('starts afresh for the next session: the first input after unlock is reported at once', () => {
    const { store, timers, reports } = setup();
    store.getState().applySessionState(activeState());
    store.getState().noteActivity();
    store.getState().applySessionState(lockedState());
    store.getState().applySessionState(activeState());
    timers.advance(100);
    store.getState().noteActivity();
    expect(reports()).toBe(2);
  });

  it('reads the session again when a report is refused (it locked meanwhile)', async () => {
    const { store, backend } = setup();
    store.getState().applySessionState(activeState());
    reply(backend, 'session.activity', null, { code: 'WRONG_STEP', message: 'Activity is not expected now.' });
    reply(backend, 'session.state', lockedState());
    store.getState().noteActivity();
    await flush();
    await flush();
    expect(store.getState().session.state?.phase).toBe('locked');
  });
});
