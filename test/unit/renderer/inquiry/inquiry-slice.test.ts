// The inquiry slice: what the main process answers is what the screen shows; its refusal is shown
// with its code; a candidate's record goes with the same need to know; the lock empties everything
// and the same operator gets it back from the main process; hit confirmations follow the events.
import { describe, expect, it } from 'vitest';
import { DEFAULT_REFERENCE_FORMATS, FORM_KINDS } from '../../../../shared/policy/inquiry-policy';
import type { HitConfirmationView, InquiryResult } from '../../../../shared/contract/inquiry-channels';
import { COUNTDOWN_TICK_MS, createAppStore, startAppStore } from '../../../../renderer/src/state/store';
import { activeState, deferred, fakeApi, lockedState, manualTimers, reply } from '../fake-api';

const REF = 'TRN1-20261123120000-0001-ABCD';
const POLICY = { kinds: [...FORM_KINDS], referenceFormats: DEFAULT_REFERENCE_FORMATS.map((f) => ({ ...f })), dmvReferenceRequired: true, ori: 'CA0349999' };
const NTK = { purpose: 'C' as const, requestPurpose: 'C' as const, reference: '24-000123', jurisdiction: 'local' as const };

function result(overrides: Partial<InquiryResult> = {}): InquiryResult {
  return {
    ref: REF,
    kind: 'ca_history_name',
    messageKey: 'IH.QH',
    subject: 'SMITH, JOHN · M',
    sentAt: '2026-11-23T12:00:00.000Z',
    repliedAt: '2026-11-23T12:00:01.000Z',
    status: 'replied',
    replyKind: 'candidates',
    needToKnow: NTK,
    reply: { kind: 'candidates', text: 'IH.QH.CA0349999\n…', training: true, withheld: false },
    error: null,
    ...overrides,
  };
}

function confirmation(overrides: Partial<HitConfirmationView> = {}): HitConfirmationView {
  return {
    id: 'TRN1-20261123120100-0003-ABCD',
    hitRef: REF,
    recordIndex: 0,
    operatorId: 'TREC01',
    subject: 'DOE, JOHN · 19800115',
    rty: 'W',
    nic: 'W000000001',
    oca: '24-001234',
    destination: 'CA0340400',
    priority: 'U',
    requestNumber: '1',
    sentAt: '2026-11-23T12:01:00.000Z',
    dueAt: '2026-11-23T12:11:00.000Z',
    status: 'waiting',
    closedAt: null,
    replyText: null,
    error: null,
    ...overrides,
  };
}

function setup(roles: ('records' | 'supervisor' | 'admin')[] = ['records']) {
  const { api, backend } = fakeApi();
  reply(backend, 'inquiry.policy', POLICY);
  reply(backend, 'inquiry.list', []);
  reply(backend, 'inquiry.hitConfirmations', []);
  const store = createAppStore(api, { timers: manualTimers() });
  const active = activeState('TREC01', { operator: { id: 'TREC01', name: 'Robin Hale (training)', roles } });
  store.getState().applySessionState(active);
  return { store, backend, active };
}

describe('inquiry slice', () => {
  it('loads the policy, the session’s list and the confirmations when a session starts', async () => {
    const { store, backend } = setup();
    await expect.poll(() => store.getState().inquiry.policy).toEqual(POLICY);
    expect(store.getState().inquiry.list).toEqual([]);
    expect(backend.count('inquiry.hitConfirmations')).toBe(1);
  });

  it('asks nothing for an administrator, who makes no inquiries', async () => {
    const { store, backend } = setup(['admin']);
    await Promise.resolve();
    expect(backend.count('inquiry.policy')).toBe(0);
    expect(store.getState().inquiry.policy).toBeNull();
  });

  it('shows the return and puts it first in the session’s list', async () => {
    const { store, backend } = setup();
    await expect.poll(() => store.getState().inquiry.list).toEqual([]);
    reply(backend, 'inquiry.send', result());
    expect(await store.getState().sendInquiry({ kind: 'ca_history_name', fields: { nam: 'SMITH, JOHN', sex: 'M' }, needToKnow: NTK })).toBe(true);
    expect(store.getState().inquiry.current?.ref).toBe(REF);
    expect(store.getState().inquiry.currentSeq).toBe(1);
    expect(store.getState().inquiry.list?.map((s) => s.ref)).toEqual([REF]);
  });

  it('shows the main process’s refusal with its code, and no return', async () => {
    const { store, backend } = setup();
    reply(backend, 'inquiry.send', null, { code: 'REQUESTOR_NOT_CERTIFIED', message: 'TDISP01’s certification lapsed on 2026-01-01.' });
    expect(await store.getState().sendInquiry({ kind: 'wanted_person', fields: { nam: 'DOE, JOHN', sex: 'M' }, needToKnow: { ...NTK, requestor: 'TDISP01', requestorVerified: true } })).toBe(false);
    expect(store.getState().inquiry.refusal).toMatchObject({ ok: false, code: 'REQUESTOR_NOT_CERTIFIED', message: 'TDISP01’s certification lapsed on 2026-01-01.' });
    expect(store.getState().inquiry.current).toBeNull();
  });

  it('requests a candidate’s record with the same need to know, following the candidate list', async () => {
    const { store, backend } = setup();
    reply(backend, 'inquiry.send', result());
    await store.getState().sendInquiry({ kind: 'ca_history_name', fields: { nam: 'SMITH, JOHN' }, needToKnow: NTK });
    reply(backend, 'inquiry.send', result({ ref: 'TRN1-20261123120005-0002-ABCD', kind: 'ca_history_cii', replyKind: 'hit' }));
    await store.getState().requestRecord({ code: 'CII', value: 't00000010' });
    expect(backend.payloads.at(-1)).toEqual({ channel: 'inquiry.send', payload: { kind: 'ca_history_cii', fields: { cii: 'T00000010' }, needToKnow: NTK, followUpOf: REF } });
    reply(backend, 'inquiry.open', result());
    await store.getState().openInquiry(REF);
    expect(store.getState().inquiry.current?.kind).toBe('ca_history_name');
    reply(backend, 'inquiry.send', result({ ref: 'TRN1-20261123120006-0003-ABCD', kind: 'iii_record' }));
    await store.getState().requestRecord({ code: 'FBI', value: '000002TR2' });
    expect(backend.payloads.at(-1)?.payload).toMatchObject({ kind: 'iii_record', fields: { fbi: '000002TR2' }, followUpOf: REF });
  });

  it('drops a return that arrives after the lock, empties the slice at the lock, and reloads the list after the same operator unlocks', async () => {
    const { store, backend, active } = setup();
    await expect.poll(() => store.getState().inquiry.policy).not.toBeNull();
    const held = deferred<unknown>();
    backend.replies.set('inquiry.send', () => held.promise);
    const sending = store.getState().sendInquiry({ kind: 'wanted_person', fields: { nam: 'DOE, JOHN', sex: 'M' }, needToKnow: NTK });
    store.getState().applySessionState(lockedState('TREC01'));
    held.resolve({ ok: true, value: result() });
    expect(await sending).toBe(false);
    expect(store.getState().inquiry).toMatchObject({ current: null, list: null, policy: null, confirmations: null });
    reply(backend, 'inquiry.list', [{ ref: REF, kind: 'wanted_person', messageKey: 'IW.QW', subject: 'DOE, JOHN · M', sentAt: '2026-11-23T12:00:00.000Z', repliedAt: null, status: 'replied', replyKind: 'hit' }]);
    const lists = backend.count('inquiry.list');
    store.getState().applySessionState(active);
    await expect.poll(() => store.getState().inquiry.list?.length).toBe(1);
    expect(backend.count('inquiry.list')).toBe(lists + 1);
  });

  it('sends a hit confirmation for the return on screen and follows its events until the YR', async () => {
    const { store, backend } = setup();
    reply(backend, 'inquiry.send', result({ kind: 'wanted_person', replyKind: 'hit' }));
    await store.getState().sendInquiry({ kind: 'wanted_person', fields: { nam: 'DOE, JOHN', dob: '19800115' }, needToKnow: NTK });
    reply(backend, 'inquiry.confirmHit', confirmation());
    expect(await store.getState().confirmHit(0, 'U', '1')).toBe(true);
    expect(backend.payloads.at(-1)).toEqual({ channel: 'inquiry.confirmHit', payload: { hitRef: REF, recordIndex: 0, priority: 'U', requestNumber: '1' } });
    expect(store.getState().inquiry.confirmations?.map((c) => c.status)).toEqual(['waiting']);
    // startAppStore is not running here: apply the event the way it does.
    store.getState().applyHitConfirmation(confirmation({ status: 'confirmed', closedAt: '2026-11-23T12:02:00.000Z', replyText: 'YR' }));
    expect(store.getState().inquiry.confirmations?.map((c) => c.status)).toEqual(['confirmed']);
    // Hostile or malformed events change nothing.
    store.getState().applyHitConfirmation({ ...confirmation(), status: 'hacked' });
    expect(store.getState().inquiry.confirmations?.length).toBe(1);
  });

  it('loads the agency’s overdue confirmations for a supervisor opening Supervision, and only for them', async () => {
    const { store, backend } = setup(['supervisor']);
    reply(backend, 'supervision.overdueConfirmations', [confirmation({ status: 'overdue', operatorId: 'TDISP01' })]);
    store.getState().showView('supervision');
    await expect.poll(() => store.getState().inquiry.overdue?.length).toBe(1);
    const records = setup(['records']);
    records.store.getState().showView('supervision');
    await Promise.resolve();
    expect(records.backend.count('supervision.overdueConfirmations')).toBe(0);
  });

  it('ticks the clock every second while a confirmation waits (the countdown is live), and subscribes to its events', async () => {
    const { api, backend } = fakeApi();
    reply(backend, 'inquiry.policy', POLICY);
    reply(backend, 'inquiry.list', []);
    reply(backend, 'inquiry.hitConfirmations', [confirmation()]);
    reply(backend, 'session.state', activeState('TREC01', { operator: { id: 'TREC01', name: 'Robin Hale (training)', roles: ['records'] } }));
    const timers = manualTimers();
    const store = createAppStore(api, { timers });
    const stop = startAppStore(store, api, timers);
    await expect.poll(() => store.getState().inquiry.confirmations?.length).toBe(1);
    const before = store.getState().clock.now;
    timers.advance(COUNTDOWN_TICK_MS);
    expect(store.getState().clock.now).toBe(before + COUNTDOWN_TICK_MS);
    backend.emit('inquiry.hitConfirmation', confirmation({ status: 'not_confirmed', closedAt: '2026-11-23T12:02:00.000Z', replyText: 'YR' }));
    expect(store.getState().inquiry.confirmations?.map((c) => c.status)).toEqual(['not_confirmed']);
    // Nothing waits: the one-second tick stops moving the clock (the 15-second one still runs).
    const at = store.getState().clock.now;
    timers.advance(COUNTDOWN_TICK_MS);
    expect(store.getState().clock.now).toBe(at);
    stop();
  });

  it('remembers a form asked for from another screen until the workspace opens it, and forgets it at the lock', () => {
    const { store } = setup();
    store.getState().setPendingForm('iii_name');
    expect(store.getState().inquiry.pendingForm).toBe('iii_name');
    store.getState().applySessionState(lockedState('TREC01'));
    expect(store.getState().inquiry.pendingForm).toBeNull();
  });
});
