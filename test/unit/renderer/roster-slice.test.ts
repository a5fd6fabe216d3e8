// The CRSO's roster slice: every change goes to the main process; its answer replaces the row; its
// refusal lands on the field it is about; nothing is sent that the contract would refuse for its shape.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../renderer/src/state/store';
import type { NewOperatorInput } from '../../../renderer/src/state/roster';
import { crsoState, fakeApi, manualTimers, reply, rosterEntry } from './fake-api';

function setup() {
  const { api, backend } = fakeApi();
  reply(backend, 'roster.list', [rosterEntry(), rosterEntry({ id: 'TREC01', locked: true, lockedReason: 'Locked after repeated failed sign-on attempts.' })]);
  const store = createAppStore(api, { timers: manualTimers() });
  store.getState().applySessionState(crsoState());
  return { store, backend };
}

const NEW: NewOperatorInput = {
  operatorId: ' tnew01 ',
  name: ' Jordan Reyes ',
  roles: ['records'],
  password: 'quartz-meadow-97',
  badge: ' TRN-B-2001 ',
  pin: '246813',
  statementSignedOn: '2026-11-20',
  certifiedUntil: null,
};

describe('roster slice', () => {
  it('loads the roster when the Operators screen opens', async () => {
    const { store, backend } = setup();
    store.getState().showView('operators');
    await expect.poll(() => store.getState().roster.entries?.length).toBe(2);
    expect(backend.count('roster.list')).toBe(1);
  });

  it('releases a lock with a note and shows the main process’s row', async () => {
    const { store, backend } = setup();
    await store.getState().loadRoster();
    reply(backend, 'roster.releaseLock', rosterEntry({ id: 'TREC01', locked: false }));
    expect(await store.getState().releaseOperatorLock('TREC01', '  Confirmed in person  ')).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ operatorId: 'TREC01', note: 'Confirmed in person' });
    expect(store.getState().roster.entries?.find((e) => e.id === 'TREC01')?.locked).toBe(false);
    expect(store.getState().roster.outcome).toMatchObject({ ok: true, message: 'Lock released for TREC01. The operator can sign on again.' });
  });

  it('asks for a reason before disabling, and sends nothing without one', async () => {
    const { store, backend } = setup();
    expect(await store.getState().disableOperator('TREC01', ' x ')).toBe(false);
    expect(store.getState().roster.outcome).toMatchObject({ ok: false, field: 'reason' });
    expect(backend.count('roster.disable')).toBe(0);
  });

  it('adds an operator, normalising ID, name and badge; the new row joins the list', async () => {
    const { store, backend } = setup();
    await store.getState().loadRoster();
    reply(backend, 'roster.create', rosterEntry({ id: 'TNEW01', name: 'Jordan Reyes' }));
    expect(await store.getState().createOperator(NEW)).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ ...NEW, operatorId: 'TNEW01', name: 'Jordan Reyes', badge: 'TRN-B-2001' });
    expect(store.getState().roster.entries?.map((e) => e.id)).toEqual(['TDISP01', 'TREC01', 'TNEW01']);
  });

  it('checks the new operator’s fields before sending', async () => {
    const { store, backend } = setup();
    expect(await store.getState().createOperator({ ...NEW, roles: [] })).toBe(false);
    expect(store.getState().roster.outcome).toMatchObject({ field: 'roles', message: 'Choose at least one role.' });
    expect(await store.getState().createOperator({ ...NEW, pin: '12' })).toBe(false);
    expect(store.getState().roster.outcome).toMatchObject({ field: 'pin' });
    expect(backend.count('roster.create')).toBe(0);
  });

  it.each([
    ['BADGE_IN_USE', 'badge'],
    ['PASSWORD_REJECTED', 'password'],
    ['OPERATOR_ID_USED', 'operatorId'],
  ])('puts a %s refusal on the %s field, in the main process’s words', async (code, field) => {
    const { store, backend } = setup();
    reply(backend, 'roster.create', null, { code, message: `Refused: ${code}` });
    expect(await store.getState().createOperator(NEW)).toBe(false);
    expect(store.getState().roster.outcome).toMatchObject({ ok: false, field, message: `Refused: ${code}` });
  });

  it('records dates, a cleared date sent as null', async () => {
    const { store, backend } = setup();
    reply(backend, 'roster.setDates', rosterEntry({ certifiedUntil: null }));
    expect(await store.getState().setOperatorDates('TDISP01', '2026-11-23', null)).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ operatorId: 'TDISP01', statementSignedOn: '2026-11-23', certifiedUntil: null });
  });
});
