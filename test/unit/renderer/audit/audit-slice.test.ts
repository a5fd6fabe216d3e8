// The auditor's workspace slice: the form becomes the contract's filter (blanks left out, codes in
// capitals), pages append with the cursor, a review's refusal is shown and its success updates the week,
// the verification follows the progress events and stops listening when done, and everything is
// dropped at the lock — including a reply still in flight.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AuditRowView, AuditVerification, AuditWeek } from '../../../../shared/contract/audit-channels';
import { createAuditSlice, EMPTY_AUDIT, EMPTY_FILTER_FORM, filterFromForm, type AuditSlice } from '../../../../renderer/src/state/audit';
import { createSensitiveRegistry, createSensitiveSlice, type SensitiveSlice } from '../../../../renderer/src/state/sensitive';
import { deferred, fakeApi, reply } from '../fake-api';

type State = AuditSlice & SensitiveSlice;

function row(seq: number, overrides: Partial<AuditRowView> = {}): AuditRowView {
  return {
    workstationId: 'WS-TRAIN-01',
    seq,
    at: '2026-11-03T05:00:00.000Z',
    eventType: 'inquiry.sent',
    operator: 'TREC01',
    requestor: 'DET4711',
    outcome: 'success',
    reason: null,
    messageKey: 'IH.R.QH',
    messageRef: 'TRN1-00000001',
    purpose: 'C',
    requestPurpose: null,
    subjectKeys: { NAM: 'ROE,JANE A' },
    fields: [],
    hash: 'a'.repeat(64),
    ...overrides,
  };
}

const WEEK: AuditWeek = { weekStart: '2026-11-02', weekEnd: '2026-11-08', records: 36, inquiries: 35, review: null };
const VERIFIED: AuditVerification = { ok: true, records: 300, files: 60, summary: 'OK: 300 records in 60 file(s)', torn: false, checkpoint: { seq: 290, matched: true } };

function setup() {
  const { api, backend } = fakeApi();
  const registry = createSensitiveRegistry();
  const store = createStore<State>()((...a) => ({
    ...createSensitiveSlice(registry)(...a),
    ...createAuditSlice(api, registry)(...a),
  }));
  return { store, backend, registry };
}

describe('filterFromForm', () => {
  it('leaves blanks out, trims, and writes codes in capitals', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, subject: '  roe,  jane a ', operator: ' trec01', purpose: 'c', messageKey: 'ih.r.qh', eventType: 'inquiry.sent', from: '2026-11-02', to: '2026-11-08' })).toEqual({
      ok: true,
      filter: { subject: 'roe, jane a', operator: 'TREC01', purpose: 'C', messageKey: 'IH.R.QH', eventTypes: ['inquiry.sent'], from: '2026-11-02', to: '2026-11-08' },
    });
    expect(filterFromForm(EMPTY_FILTER_FORM)).toEqual({ ok: true, filter: {} });
  });

  it('refuses a first day after the last, and a malformed operator ID', () => {
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, from: '2026-11-09', to: '2026-11-02' })).toMatchObject({ ok: false });
    expect(filterFromForm({ ...EMPTY_FILTER_FORM, operator: 'x!' })).toMatchObject({ ok: false });
  });
});

describe('audit slice', () => {
  it('searches, then appends the next page with the cursor', async () => {
    const { store, backend } = setup();
    const next = { at: '2026-11-03T05:00:00.000Z', workstationId: 'WS-TRAIN-01', seq: 2 };
    reply(backend, 'audit.search', { rows: [row(3), row(2)], next });
    expect(await store.getState().searchAudit({ ...EMPTY_FILTER_FORM, subject: 'ROE, JANE A' })).toBe(true);
    expect(backend.payloads.at(-1)).toEqual({ channel: 'audit.search', payload: { filter: { subject: 'ROE, JANE A' }, after: null, limit: 50 } });
    expect(store.getState().audit.rows?.map((r) => r.seq)).toEqual([3, 2]);
    reply(backend, 'audit.search', { rows: [row(1)], next: null });
    await store.getState().moreAudit();
    expect(backend.payloads.at(-1)?.payload).toEqual({ filter: { subject: 'ROE, JANE A' }, after: next, limit: 50 });
    expect(store.getState().audit.rows?.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect(store.getState().audit.next).toBeNull();
    await store.getState().moreAudit();
    expect(backend.count('audit.search')).toBe(2);
  });

  it('shows a refused search and sends nothing for a refused form', async () => {
    const { store, backend } = setup();
    expect(await store.getState().searchAudit({ ...EMPTY_FILTER_FORM, from: '2026-11-09', to: '2026-11-02' })).toBe(false);
    expect(backend.count('audit.search')).toBe(0);
    expect(store.getState().audit.searchError?.message).toMatch(/first day/);
    reply(backend, 'audit.search', null, { code: 'AUDIT_WRITE_FAILED', message: 'The audit trail could not be written, so nothing was done. Tell your CRSO.' });
    expect(await store.getState().searchAudit(EMPTY_FILTER_FORM)).toBe(false);
    expect(store.getState().audit.searchError?.code).toBe('AUDIT_WRITE_FAILED');
  });

  it('opens a record with its neighbours', async () => {
    const { store, backend } = setup();
    reply(backend, 'audit.record', { before: [row(1)], record: row(2), after: [row(3)] });
    await store.getState().openAuditRecord('WS-TRAIN-01', 2);
    expect(backend.payloads.at(-1)?.payload).toEqual({ workstationId: 'WS-TRAIN-01', seq: 2, neighbours: 5 });
    expect(store.getState().audit.opened?.record?.seq).toBe(2);
    store.getState().closeAuditRecord();
    expect(store.getState().audit.opened).toBeNull();
  });

  it('marks a week reviewed, and shows the refusal of a second marking', async () => {
    const { store, backend } = setup();
    reply(backend, 'audit.reviews', [WEEK]);
    await store.getState().loadAuditReviews();
    expect(await store.getState().markAuditWeekReviewed(WEEK.weekStart, ' x ')).toBe(false);
    expect(backend.count('audit.markReviewed')).toBe(0);
    const review = { weekStart: WEEK.weekStart, reviewedBy: 'TCRSO01', reviewedAt: '2026-11-10T18:00:00.000Z', note: 'All inquiries checked.', recordsCount: 36 };
    reply(backend, 'audit.markReviewed', review);
    expect(await store.getState().markAuditWeekReviewed(WEEK.weekStart, '  All inquiries checked. ')).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ weekStart: '2026-11-02', note: 'All inquiries checked.' });
    expect(store.getState().audit.weeks?.[0]?.review).toEqual(review);
    expect(store.getState().audit.reviewOutcome).toMatchObject({ ok: true });
    reply(backend, 'audit.markReviewed', null, { code: 'AUDIT_WEEK_REVIEWED', message: 'The week of 2026-11-02 was already reviewed by TCRSO01.' });
    expect(await store.getState().markAuditWeekReviewed(WEEK.weekStart, 'Again')).toBe(false);
    expect(store.getState().audit.reviewOutcome).toMatchObject({ ok: false, message: expect.stringMatching(/already reviewed/) });
  });

  it('exports the current filter', async () => {
    const { store, backend } = setup();
    reply(backend, 'audit.search', { rows: [row(2)], next: null });
    await store.getState().searchAudit({ ...EMPTY_FILTER_FORM, subject: 'ROE,JANE A' });
    const exported = {
      csvFile: '/data/exports/audit-x.csv',
      manifestFile: '/data/exports/audit-x.manifest.json',
      rows: 1,
      sha256: 'b'.repeat(64),
      manifestSha256: 'c'.repeat(64),
      verification: { journal: VERIFIED, rowsChecked: 1, rowsMismatched: 0 },
      truncated: false,
    };
    reply(backend, 'audit.export', exported);
    await store.getState().exportAudit();
    expect(backend.payloads.at(-1)).toEqual({ channel: 'audit.export', payload: { filter: { subject: 'ROE,JANE A' } } });
    expect(store.getState().audit.exported).toEqual(exported);
  });

  it('checks the chart range before asking', async () => {
    const { store, backend } = setup();
    await store.getState().loadAuditStats('2026-11-08', '2026-11-02', '');
    expect(backend.count('audit.stats')).toBe(0);
    expect(store.getState().audit.statsError).not.toBeNull();
    reply(backend, 'audit.stats', { from: '2026-11-02', to: '2026-11-08', timeZone: 'America/Los_Angeles', perOperatorDay: [], byPurpose: [], offHours: { total: 0, offHours: 0, share: 0, rule: 'r' }, pattern: null, truncated: false });
    await store.getState().loadAuditStats('2026-11-02', '2026-11-08', ' tdisp01 ');
    expect(backend.payloads.at(-1)?.payload).toEqual({ from: '2026-11-02', to: '2026-11-08', operator: 'TDISP01' });
    expect(store.getState().audit.stats?.from).toBe('2026-11-02');
  });

  it('follows the verification’s progress, then stops listening', async () => {
    const { store, backend } = setup();
    const held = deferred<unknown>();
    backend.replies.set('audit.verify', () => held.promise);
    const running = store.getState().verifyAudit();
    expect(backend.listenerCount('audit.verifyProgress')).toBe(1);
    expect(store.getState().audit.verify.running).toBe(true);
    backend.emit('audit.verifyProgress', { done: 512, total: 2048, phase: 'checking' });
    expect(store.getState().audit.verify).toMatchObject({ done: 512, total: 2048, phase: 'checking' });
    void store.getState().verifyAudit();
    expect(backend.count('audit.verify')).toBe(1);
    held.resolve({ ok: true, value: VERIFIED });
    await running;
    expect(store.getState().audit.verify).toMatchObject({ running: false, result: VERIFIED, phase: 'done' });
    expect(backend.listenerCount('audit.verifyProgress')).toBe(0);
  });

  it('drops everything at the lock, a reply still in flight and the progress listener included', async () => {
    const { store, backend } = setup();
    reply(backend, 'audit.search', { rows: [row(2)], next: null });
    await store.getState().searchAudit(EMPTY_FILTER_FORM);
    const held = deferred<unknown>();
    backend.replies.set('audit.verify', () => held.promise);
    const running = store.getState().verifyAudit();
    const heldSearch = deferred<unknown>();
    backend.replies.set('audit.search', () => heldSearch.promise);
    const searching = store.getState().searchAudit(EMPTY_FILTER_FORM);
    store.getState().clearSensitiveState();
    expect(store.getState().audit).toEqual(EMPTY_AUDIT);
    expect(backend.listenerCount('audit.verifyProgress')).toBe(0);
    heldSearch.resolve({ ok: true, value: { rows: [row(9)], next: null } });
    held.resolve({ ok: true, value: VERIFIED });
    await Promise.all([running, searching]);
    expect(store.getState().audit).toEqual(EMPTY_AUDIT);
  });

  it('fetches nothing by itself after the same operator unlocks (each read is an audit record)', async () => {
    const { store, backend } = setup();
    reply(backend, 'audit.reviews', [WEEK]);
    store.getState().reloadSensitiveState();
    await Promise.resolve();
    expect(backend.count('audit.reviews')).toBe(0);
  });
});
