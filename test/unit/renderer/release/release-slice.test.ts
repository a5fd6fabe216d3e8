// The CORI release slice over the real client API and a scripted transport: what it sends, what it
// refuses before sending (mirroring the service's codes), how it shows the main process's refusals, the
// live queue, and that every piece is gone at the lock (a reply in flight then never lands).
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { DisseminationEntry, ReleaseDocument, ReleaseRequestInput } from '../../../../shared/contract/release-channels';
import type { Role } from '../../../../shared/contract/roles';
import type { SessionState } from '../../../../shared/contract/session-schemas';
import { createReleaseSlice, type ReleaseSlice } from '../../../../renderer/src/state/release';
import { createSensitiveRegistry, createSensitiveSlice, type SensitiveSlice } from '../../../../renderer/src/state/sensitive';
import { activeState, deferred, fakeApi, reply } from '../fake-api';
import { REF, releaseView } from './support';

type TestState = ReleaseSlice & SensitiveSlice & { nav: { view: string }; session: { state: SessionState | null }; clock: { now: number } };

const NOW = Date.parse('2026-11-24T17:30:00.000Z');

function setup(operatorId = 'TSUP01', roles: Role[] = ['supervisor'], view = 'releases') {
  const { api, backend } = fakeApi();
  const registry = createSensitiveRegistry();
  const session = activeState(operatorId, { operator: { id: operatorId, name: `Name of ${operatorId}`, roles } });
  const store = createStore<TestState>()((set, get, store) => ({
    ...createSensitiveSlice(registry)(set, get, store),
    ...createReleaseSlice(api, registry)(set, get, store),
    nav: { view },
    session: { state: session },
    clock: { now: NOW },
  }));
  return { store, backend, registry };
}

const COURT_ORDER: ReleaseRequestInput = {
  inquiryRef: REF,
  recipientName: 'Clerk of Dept. 12',
  recipientAgency: 'Sacramento Superior Court',
  recipientType: 'court',
  legalBasisType: 'court_order',
  legalBasisReference: '24CR012345',
  scope: { kind: 'whole' },
  method: 'print',
};

describe('release slice', () => {
  it('reads a supervisor’s own requests and the pending queue; a records user’s own requests only', async () => {
    const sup = setup();
    reply(sup.backend, 'release.mine', []);
    reply(sup.backend, 'release.pending', [releaseView()]);
    await sup.store.getState().loadReleases();
    expect(sup.store.getState().release.pending).toHaveLength(1);
    expect(sup.store.getState().release.pendingCount).toBe(1);
    expect(sup.backend.count('release.mine')).toBe(1);

    const clerk = setup('TREC01', ['records']);
    reply(clerk.backend, 'release.mine', [releaseView()]);
    await clerk.store.getState().loadReleases();
    expect(clerk.store.getState().release.mine).toHaveLength(1);
    expect(clerk.backend.count('release.pending')).toBe(0);
  });

  it('filters the queue by recipient type through the main process', async () => {
    const { store, backend } = setup();
    reply(backend, 'release.pending', []);
    await store.getState().setPendingFilter('court');
    expect(backend.payloads.at(-1)).toEqual({ channel: 'release.pending', payload: { recipientType: 'court' } });
    expect(store.getState().release.pendingFilter).toBe('court');
  });

  it('refuses locally, with the service’s codes, what the main process would refuse — nothing is sent', async () => {
    const { store, backend } = setup('TREC01', ['records']);
    const noDigit = await store.getState().prepareRelease({ ...COURT_ORDER, legalBasisReference: 'the judge said so' });
    expect(noDigit).toMatchObject({ ok: false, code: 'RELEASE_ORDER_REFERENCE_REQUIRED', field: 'legalBasisReference' });
    const noDetermination = await store.getState().prepareRelease({ ...COURT_ORDER, legalBasisType: 'statute', legalBasisReference: 'PC 13300' });
    expect(noDetermination).toMatchObject({ ok: false, code: 'RELEASE_RIGHT_TO_KNOW_REQUIRED', field: 'rightToKnow' });
    const noCase = await store.getState().prepareRelease({ ...COURT_ORDER, recipientType: 'da_charging' });
    expect(noCase).toMatchObject({ ok: false, code: 'RELEASE_CHARGING_CASE_REQUIRED' });
    expect(store.getState().release.outcome).toMatchObject({ ok: false, step: 'prepare', code: 'RELEASE_CHARGING_CASE_REQUIRED' });
    expect(backend.count('release.prepare')).toBe(0);
  });

  it('sends a court-order request without a determination and lists the new request first', async () => {
    const { store, backend } = setup('TREC01', ['records']);
    reply(backend, 'release.mine', [releaseView({ id: 'R2026-000001', status: 'denied' })]);
    await store.getState().loadReleases();
    const created = releaseView({ id: 'R2026-000002', recipientType: 'court', legalBasisType: 'court_order', legalBasisReference: '24CR012345', rightToKnow: null, needToKnow: null, chargingCase: null });
    reply(backend, 'release.prepare', created);
    const result = await store.getState().prepareRelease(COURT_ORDER);
    expect(result).toEqual({ ok: true, release: created });
    expect(backend.payloads.at(-1)?.payload).toEqual(COURT_ORDER);
    expect(store.getState().release.mine?.map((r) => r.id)).toEqual(['R2026-000002', 'R2026-000001']);
    expect(store.getState().release.outcome).toMatchObject({ ok: true, step: 'prepare', releaseId: 'R2026-000002' });
  });

  it('shows the main process’s refusal of a prepare as given, with its code', async () => {
    const { store, backend } = setup('TREC01', ['records']);
    reply(backend, 'release.prepare', null, { code: 'RELEASE_SOURCE_UNKNOWN', message: 'That criminal history return is not one of your inquiries in this session.' });
    const result = await store.getState().prepareRelease(COURT_ORDER);
    expect(result).toEqual({ ok: false, code: 'RELEASE_SOURCE_UNKNOWN', message: 'That criminal history return is not one of your inquiries in this session.', field: null });
  });

  it('asks for a decision’s reason before sending; an approval leaves the queue', async () => {
    const { store, backend } = setup();
    reply(backend, 'release.mine', []);
    reply(backend, 'release.pending', [releaseView(), releaseView({ id: 'R2026-000002' })]);
    await store.getState().loadReleases();
    expect(await store.getState().decideRelease('R2026-000001', 'approve', ' ok ')).toBe(false);
    expect(store.getState().release.outcome).toMatchObject({ ok: false, field: 'reason', step: 'decide' });
    expect(backend.count('release.decide')).toBe(0);

    reply(backend, 'release.decide', releaseView({ status: 'approved', decidedBy: 'TSUP01', decisionReason: 'Charges requested.' }));
    expect(await store.getState().decideRelease('R2026-000001', 'approve', '  Charges requested.  ')).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ id: 'R2026-000001', decision: 'approve', reason: 'Charges requested.' });
    expect(store.getState().release.pending?.map((r) => r.id)).toEqual(['R2026-000002']);
    expect(store.getState().release.pendingCount).toBe(1);
    expect(store.getState().release.outcome).toMatchObject({ ok: true, message: 'Release R2026-000001 approved. TREC01 is told on their workstation.' });
  });

  it('shows a self-decision refusal and, when another supervisor decided first, says so and reads the queue again', async () => {
    const { store, backend } = setup();
    reply(backend, 'release.pending', [releaseView()]);
    reply(backend, 'release.decide', null, { code: 'RELEASE_SELF_DECISION', message: 'You prepared this release: another supervisor must decide it.' });
    expect(await store.getState().decideRelease('R2026-000001', 'approve', 'Looks right')).toBe(false);
    expect(store.getState().release.outcome).toMatchObject({ ok: false, code: 'RELEASE_SELF_DECISION', releaseId: 'R2026-000001' });
    expect(backend.count('release.pending')).toBe(0);

    reply(backend, 'release.decide', null, { code: 'RELEASE_ALREADY_DECIDED', message: 'Release R2026-000001 was already approved by TSUP02 at 2026-11-24T17:10:00.000Z. Your decision was not recorded.' });
    reply(backend, 'release.pending', []);
    expect(await store.getState().decideRelease('R2026-000001', 'deny', 'Not enough')).toBe(false);
    expect(store.getState().release.outcome?.message).toMatch(/already approved by TSUP02/);
    await expect.poll(() => store.getState().release.pending).toEqual([]);
  });

  it('performs an approved release once and holds its document until closed or locked', async () => {
    const { store, backend } = setup('TREC01', ['records']);
    const doc: ReleaseDocument = {
      release: releaseView({ status: 'released', releasedBy: 'TREC01', releasedAt: '2026-11-24T17:20:00.000Z' }),
      watermark: 'CORI RELEASE R2026-000001 · TO Deputy DA Alex Moreno (Sacramento County District Attorney) · RELEASED BY TREC01 · 2026-11-24',
      text: 'MKE/CRIMINAL HISTORY',
      file: null,
    };
    reply(backend, 'release.perform', doc);
    expect(await store.getState().performRelease('R2026-000001')).toBe(true);
    expect(store.getState().release.document).toEqual(doc);
    expect(store.getState().release.mine?.[0]?.status).toBe('released');
    store.getState().closeReleaseDocument();
    expect(store.getState().release.document).toBeNull();

    expect(await store.getState().performRelease('R2026-000001')).toBe(true);
    store.getState().clearSensitiveState();
    expect(store.getState().release.document).toBeNull();
    expect(store.getState().release.mine).toBeNull();
  });

  it('drops a reply that was in flight when the workstation locked', async () => {
    const { store, backend } = setup('TREC01', ['records']);
    const held = deferred<unknown>();
    backend.replies.set('release.perform', () => held.promise);
    const performing = store.getState().performRelease('R2026-000001');
    store.getState().clearSensitiveState();
    held.resolve({ ok: true, value: { release: releaseView({ status: 'released' }), watermark: 'W', text: 'T', file: null } });
    expect(await performing).toBe(false);
    expect(store.getState().release.document).toBeNull();
  });

  it('a queue event re-reads the open Releases screen; a malformed one is ignored; elsewhere only the count changes', async () => {
    const { store, backend } = setup();
    reply(backend, 'release.mine', []);
    reply(backend, 'release.pending', [releaseView()]);
    store.getState().applyReleaseQueue({ id: 'not an id', status: 'pending', pending: 1 });
    expect(backend.count('release.pending')).toBe(0);
    backend.emit('release.queue', null);
    store.getState().applyReleaseQueue({ id: 'R2026-000001', status: 'pending', pending: 1 });
    expect(store.getState().release.pendingCount).toBe(1);
    await expect.poll(() => store.getState().release.pending?.length).toBe(1);

    const other = setup('TSUP01', ['supervisor'], 'home');
    other.store.getState().applyReleaseQueue({ id: 'R2026-000001', status: 'pending', pending: 3 });
    expect(other.store.getState().release.pendingCount).toBe(3);
    expect(other.backend.count('release.pending')).toBe(0);
  });

  it('coalesces queue events that arrive while a read is in flight into one more read', async () => {
    const { store, backend } = setup();
    const held = deferred<unknown>();
    let reads = 0;
    backend.replies.set('release.pending', () => {
      reads += 1;
      return reads === 1 ? held.promise : Promise.resolve({ ok: true, value: [releaseView(), releaseView({ id: 'R2026-000002' })] });
    });
    reply(backend, 'release.mine', []);
    const event = { id: 'R2026-000002', status: 'pending', pending: 2 };
    store.getState().applyReleaseQueue(event);
    store.getState().applyReleaseQueue(event);
    store.getState().applyReleaseQueue(event);
    held.resolve({ ok: true, value: [releaseView()] });
    await expect.poll(() => store.getState().release.pending?.length).toBe(2);
    expect(reads).toBe(2);
  });

  it('checks the log filter, searches, exports with the file and hash, and records a witnessed destruction', async () => {
    const { store, backend } = setup('TCRSO01', ['crso'], 'dissemination');
    expect(await store.getState().searchDisseminationLog({ from: '2026-11-25', to: '2026-11-24' })).toBe(false);
    expect(await store.getState().searchDisseminationLog({ releaseId: 'R26-1' })).toBe(false);
    expect(backend.count('release.log')).toBe(0);

    const entry: DisseminationEntry = {
      releaseId: 'R2026-000001',
      releasedAt: '2026-11-24T17:20:00.000Z',
      requestingWorkstation: 'WS-TRAIN-01',
      requestedBy: 'TREC01',
      approvedBy: 'TSUP01',
      releasedBy: 'TREC01',
      releasingWorkstation: 'WS-TRAIN-01',
      recipientName: 'Deputy DA Alex Moreno',
      recipientAgency: 'Sacramento County District Attorney',
      recipientOri: null,
      recipientType: 'da_charging',
      purpose: 'District Attorney — charging request',
      legalBasis: 'Statute: PC 13300',
      released: 'ROE, JANE A — Whole record',
      method: 'print',
      destroyedAt: null,
      destructionMethod: null,
      destructionWitness: null,
    };
    reply(backend, 'release.log', [entry]);
    expect(await store.getState().searchDisseminationLog({ operator: ' trec01 ', recipient: '  ' })).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ operator: 'TREC01' });
    expect(store.getState().release.log).toHaveLength(1);

    const sha = 'a'.repeat(64);
    reply(backend, 'release.exportLog', { file: '/data/exports/dissemination-log-20261124T173000Z.csv', rows: 1, sha256: sha });
    expect(await store.getState().exportDisseminationLog({})).toBe(true);
    expect(store.getState().release.exported).toEqual({ file: '/data/exports/dissemination-log-20261124T173000Z.csv', rows: 1, sha256: sha });
    expect(store.getState().release.outcome?.message).toContain(sha);

    expect(await store.getState().recordReleaseDestruction({ releaseId: 'R2026-000001', method: 'shredded', witness: 'TCRSO01', destroyedOn: '2026-11-24' })).toBe(false);
    expect(store.getState().release.outcome).toMatchObject({ ok: false, code: 'DESTRUCTION_WITNESS_REQUIRED', field: 'witness' });
    expect(await store.getState().recordReleaseDestruction({ releaseId: 'R2026-000001', method: 'shredded', witness: 'Sgt. Lee, Records', destroyedOn: '2026-12-30' })).toBe(false);
    expect(store.getState().release.outcome).toMatchObject({ code: 'DESTRUCTION_DATE_FUTURE' });
    expect(backend.count('release.recordDestruction')).toBe(0);

    const destroyed = { ...entry, destroyedAt: '2026-11-24T00:00:00.000Z', destructionMethod: 'shredded' as const, destructionWitness: 'Sgt. Lee, Records' };
    reply(backend, 'release.recordDestruction', destroyed);
    expect(await store.getState().recordReleaseDestruction({ releaseId: 'r2026-000001', method: 'shredded', witness: ' Sgt. Lee, Records ', destroyedOn: '2026-11-24' })).toBe(true);
    expect(backend.payloads.at(-1)?.payload).toEqual({ releaseId: 'R2026-000001', method: 'shredded', witness: 'Sgt. Lee, Records', destroyedOn: '2026-11-24' });
    expect(store.getState().release.log?.[0]?.destructionWitness).toBe('Sgt. Lee, Records');
  });

  it('reloads the open screen after the same operator unlocks (never the document)', async () => {
    const { store, backend } = setup();
    reply(backend, 'release.mine', []);
    reply(backend, 'release.pending', []);
    store.getState().clearSensitiveState();
    store.getState().reloadSensitiveState();
    await expect.poll(() => store.getState().release.pending).toEqual([]);
    expect(backend.count('release.perform')).toBe(0);
  });
});
