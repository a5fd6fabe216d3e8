// Hit confirmation (issue #5, requirements Q7): from DOE, JOHN's want the operator sends a YQ; the training
// switch acknowledges it and the YR comes later as an unsolicited message (switch clock), which closes the
// request — never on the message board. A request never answered is flagged overdue at its due time
// (inquiry clock): to the operator (event), in the audit trail, and in the agency store for supervisors.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeReply } from '../../../shared/codec';
import type { HitConfirmationView } from '../../../shared/contract/inquiry-channels';
import { tempDataDirs } from '../../support/app-fixtures';
import { startInquiryApp, type InquiryApp } from './helpers';

const dataDir = tempDataDirs('clets-inquiry-yq-');
let dir: string;

const doeWants = { kind: 'wanted_person', fields: { nam: 'DOE, JOHN', dob: '19800115' }, needToKnow: { requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' } };

describe('hit confirmation', () => {
  let t: InquiryApp;
  const events: HitConfirmationView[] = [];
  beforeAll(async () => {
    dir = dataDir();
    t = await startInquiryApp(dir);
    t.app.events.subscribe((name, payload) => {
      if (name === 'inquiry.hitConfirmation') events.push(payload as HitConfirmationView);
    });
  }, 60_000);
  afterAll(() => t?.close());

  async function sendDoe(): Promise<{ ref: string; index: number }> {
    const hit = await t.call('inquiry.send', doeWants);
    expect(hit).toMatchObject({ ok: true, value: { replyKind: 'hit' } });
    const decoded = decodeReply(hit.value.reply.text);
    const index = decoded.kind === 'hit' ? decoded.records.findIndex((r) => r.type === 'person' && r.category === 'WANTED PERSON') : -1;
    expect(index).toBeGreaterThanOrEqual(0);
    return { ref: hit.value.ref, index };
  }

  it('sends a YQ for DOE, JOHN’s want, waits, and closes it with the YR that comes later', async () => {
    await t.signOn('records');
    try {
      const { ref, index } = await sendDoe();
      const before = t.durable.length;
      const sent = await t.call('inquiry.confirmHit', { hitRef: ref, recordIndex: index, priority: 'U' });
      expect(sent).toMatchObject({
        ok: true,
        value: { hitRef: ref, rty: 'W', nic: 'W000000001', oca: '24-001234', priority: 'U', requestNumber: '1', status: 'waiting', closedAt: null, replyText: null },
      });
      const view = sent.value as HitConfirmationView;
      expect(Date.parse(view.dueAt) - Date.parse(view.sentAt)).toBe(10 * 60_000);
      // Recorded (durable) before it went out, with the confirmation block. (The event as appended: the
      // journal's line format does not carry `confirmation` yet — see the report.)
      expect(t.durable.slice(before)[0]?.event).toMatchObject({
        type: 'inquiry.sent',
        outcome: 'success',
        inquiry: { messageKey: 'YQ', messageRef: view.id, destinations: [view.destination], followUpOf: ref },
        confirmation: { messageRef: view.id, hitRef: ref, nic: 'W000000001', priority: 'U', dueAt: view.dueAt },
      });
      expect(await t.call('inquiry.hitConfirmations')).toMatchObject({ ok: true, value: [{ id: view.id, status: 'waiting' }] });

      // The holding agency answers after the switch's delay.
      t.switchClock.advance(45_000);
      await vi.waitFor(() => expect(events.at(-1)).toMatchObject({ id: view.id, status: 'confirmed' }), { timeout: 5_000, interval: 10 });
      const closed = (await t.call('inquiry.hitConfirmations')).value[0] as HitConfirmationView;
      expect(closed).toMatchObject({ id: view.id, status: 'confirmed' });
      expect(closed.closedAt).not.toBeNull();
      expect(decodeReply(closed.replyText!)).toMatchObject({ kind: 'hit_confirmation', confirmed: true });
      // Not on the message board, and no overdue flag later.
      expect(await t.call('link.messages')).toEqual({ ok: true, value: [] });
      t.inquiryClock.advance(11 * 60_000);
      expect(events.at(-1)).toMatchObject({ id: view.id, status: 'confirmed' });
      await expect.poll(() => t.records().some((r) => r.type === 'reply.received' && r.reply?.messageRef === view.id && r.reply.messageKey === 'YR')).toBe(true);
    } finally {
      await t.logout();
    }
  });

  it('refuses a YQ for a record that is not a want or vehicle hit', async () => {
    await t.signOn('records');
    try {
      const history = await t.call('inquiry.send', {
        kind: 'ca_history_cii',
        fields: { cii: 'T00000002' },
        needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' },
      });
      expect(await t.call('inquiry.confirmHit', { hitRef: history.value.ref, recordIndex: 0, priority: 'R' })).toMatchObject({ ok: false, error: { code: 'NOT_CONFIRMABLE' } });
      expect(await t.call('inquiry.confirmHit', { hitRef: 'TRN1-20261123120000-00ZZ-ABCD', recordIndex: 0, priority: 'R' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    } finally {
      await t.logout();
    }
  });

  it('flags a request never answered as overdue: operator event, audit record, agency store for supervisors', async () => {
    await t.signOn('records');
    let id: string;
    try {
      const { ref, index } = await sendDoe();
      t.app.trainingSwitch.setFaults({ withholdConfirmations: 1 });
      const sent = await t.call('inquiry.confirmHit', { hitRef: ref, recordIndex: index, priority: 'R' });
      expect(sent).toMatchObject({ ok: true, value: { status: 'waiting' } });
      id = sent.value.id;
      expect(Date.parse(sent.value.dueAt) - Date.parse(sent.value.sentAt)).toBe(60 * 60_000);
      t.inquiryClock.advance(59 * 60_000);
      expect((await t.call('inquiry.hitConfirmations')).value[0]).toMatchObject({ id, status: 'waiting' });
      t.inquiryClock.advance(60_000);
      expect(events.at(-1)).toMatchObject({ id, status: 'overdue', operatorId: 'TREC01' });
      expect((await t.call('inquiry.hitConfirmations')).value[0]).toMatchObject({ id, status: 'overdue' });
      await expect
        .poll(() => t.durable.find((d) => d.event.type === 'confirmation.overdue')?.event)
        .toMatchObject({ operator: 'TREC01', outcome: 'failure', reason: 'CONFIRMATION_OVERDUE', confirmation: { messageRef: id, nic: 'W000000001', priority: 'R' } });
      // Records staff may not read the supervisors' list.
      expect(await t.call('supervision.overdueConfirmations')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    } finally {
      await t.logout();
    }
    // The supervisor sees it, agency-wide, after the operator has signed off (their own list is gone).
    await t.signOn('supervisor');
    try {
      await expect
        .poll(async () => (await t.call('supervision.overdueConfirmations')).value)
        .toEqual([expect.objectContaining({ id: id!, operatorId: 'TREC01', status: 'overdue', nic: 'W000000001', oca: '24-001234', subject: 'DOE, JOHN Q · 1980-01-15', replyText: null })]);
      expect(await t.call('inquiry.hitConfirmations')).toEqual({ ok: true, value: [] });
    } finally {
      await t.logout();
    }
  });

  it('after a restart, a request the previous run left waiting still falls due and is listed for supervisors', async () => {
    await t.signOn('records');
    let id: string;
    let dueAt: number;
    try {
      const { ref, index } = await sendDoe();
      t.app.trainingSwitch.setFaults({ withholdConfirmations: 1 });
      const sent = (await t.call('inquiry.confirmHit', { hitRef: ref, recordIndex: index, priority: 'U' })).value as HitConfirmationView;
      id = sent.id;
      dueAt = Date.parse(sent.dueAt);
    } finally {
      await t.logout();
    }
    const keychain = t.keychain;
    await t.close();
    t = await startInquiryApp(dir, keychain);
    t.inquiryClock.advance(dueAt! - 1 - t.inquiryClock.now());
    await t.signOn('supervisor');
    try {
      expect((await t.call('supervision.overdueConfirmations')).value.map((c: HitConfirmationView) => c.id)).not.toContain(id!);
      // The new run's inquiry clock reaches the request's due time (its timer is armed once the store is read).
      await expect
        .poll(async () => {
          t.inquiryClock.advance(1);
          return (await t.call('supervision.overdueConfirmations')).value.map((c: HitConfirmationView) => c.id);
        })
        .toContain(id!);
      await expect.poll(() => t.durable.some((d) => d.event.type === 'confirmation.overdue' && d.event.confirmation?.messageRef === id)).toBe(true);
    } finally {
      await t.logout();
    }
  });
});
