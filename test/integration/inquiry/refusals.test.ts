// Need to know enforced in the main process (issue #5, requirements Q1–Q5, A1/A5): the renderer is bypassed —
// every call goes straight to the router — and each refusal is recorded (outcome refused) while nothing
// reaches the switch. An inquiry is sent only once its `inquiry.sent` record is durable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_IS_NOT_ENOUGH } from '../../../shared/policy/inquiry-policy';
import { AUDIT_REFUSED_MESSAGE } from '../../../electron/services/session/audit';
import { tempDataDirs } from '../../support/app-fixtures';
import { roeHistory, startInquiryApp, type InquiryApp } from './helpers';

const dataDir = tempDataDirs('clets-inquiry-refusals-');

describe('inquiry refusals in the main process', () => {
  let t: InquiryApp;
  beforeAll(async () => {
    t = await startInquiryApp(dataDir());
    // Two employees who may not receive CLETS information: certification lapsed, statement not signed.
    await t.signOn('crso');
    const base = { roles: ['records'], password: 'willow-beacon-96', pin: '902417' };
    expect(
      await t.call('roster.create', { ...base, operatorId: 'TLAPSED1', name: 'Lee Lapsed (training)', badge: 'TRN-B-9001', statementSignedOn: '2024-01-05', certifiedUntil: '2025-01-05' }),
    ).toMatchObject({ ok: true });
    expect(
      await t.call('roster.create', { ...base, operatorId: 'TNOSTMT1', name: 'Noa Nostatement (training)', badge: 'TRN-B-9002', statementSignedOn: null, certifiedUntil: '2027-06-30' }),
    ).toMatchObject({ ok: true });
    await t.logout();
  }, 60_000);
  afterAll(() => t?.close());

  /** Sends as the signed-on operator and checks the refusal, its record, and that the switch saw nothing. */
  async function refused(payload: unknown, code: string) {
    const before = t.app.trainingSwitch.stats().inquiries;
    const recordsBefore = t.records().length;
    const result = await t.call('inquiry.send', payload);
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(t.app.trainingSwitch.stats().inquiries).toBe(before);
    const added = t.records().slice(recordsBefore);
    return { result, added };
  }

  it('refuses a name, a free phrase or a number in none of the formats as the right to know, with the seeds’ words', async () => {
    await t.signOn('records');
    try {
      for (const reference of ['TREC01', 'Jones', 'checking him out', '12345']) {
        const { result, added } = await refused(roeHistory(reference), 'REFERENCE_NOT_A_NUMBER');
        expect(result.error!.message).toContain(NAME_IS_NOT_ENOUGH);
        expect(added).toEqual([
          expect.objectContaining({
            type: 'inquiry.sent',
            operator: 'TREC01',
            outcome: 'refused',
            reason: 'REFERENCE_NOT_A_NUMBER',
            inquiry: expect.objectContaining({ messageKey: 'IH.QR', purpose: 'C', requestPurpose: 'C', subjectKeys: { CII: 'T00000002' } }),
          }),
        ]);
        expect(added[0]!.inquiry).not.toHaveProperty('messageRef');
      }
      // No reference at all, and no purpose: every problem at once, the first one's code.
      const { result } = await refused({ ...roeHistory(''), needToKnow: { requestPurpose: 'C', reference: '', jurisdiction: 'local' } }, 'PURPOSE_REQUIRED');
      expect(result.error!.message.split('\n')).toHaveLength(2);
      expect(result.error!.message).toContain(NAME_IS_NOT_ENOUGH);
    } finally {
      await t.logout();
    }
  });

  it('refuses a requestor who is not on the roster, not certified, without a statement, or not verified', async () => {
    await t.signOn('records');
    try {
      const forRequestor = (requestor: string, requestorVerified = true) => ({
        ...roeHistory(),
        needToKnow: { ...roeHistory().needToKnow, requestor, requestorVerified },
      });
      const unknown = await refused(forRequestor('TNOBODY9'), 'REQUESTOR_UNKNOWN');
      expect(unknown.added).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'REQUESTOR_UNKNOWN', requestor: 'TNOBODY9', inquiry: expect.objectContaining({ requestorVerified: true }) })]);
      const lapsed = await refused(forRequestor('TLAPSED1'), 'REQUESTOR_NOT_CERTIFIED');
      expect(lapsed.added).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'REQUESTOR_NOT_CERTIFIED', requestor: 'TLAPSED1' })]);
      const noStatement = await refused(forRequestor('tnostmt1'), 'REQUESTOR_NO_STATEMENT');
      expect(noStatement.added).toEqual([expect.objectContaining({ reason: 'REQUESTOR_NO_STATEMENT', requestor: 'TNOSTMT1' })]);
      // A certified employee on the roster, but the operator did not confirm verifying their need to know.
      const unverified = await refused(forRequestor('TSUP01', false), 'REQUESTOR_NOT_VERIFIED');
      expect(unverified.added).toEqual([expect.objectContaining({ reason: 'REQUESTOR_NOT_VERIFIED', requestor: 'TSUP01', inquiry: expect.objectContaining({ requestorVerified: false }) })]);

      // The same certified employee, verified: sent, and the requestor is recorded.
      const ok = await t.call('inquiry.send', forRequestor('TSUP01'));
      expect(ok).toMatchObject({ ok: true, value: { status: 'replied', replyKind: 'hit', needToKnow: { requestor: 'TSUP01', requestorVerified: true } } });
      expect(t.records().filter((r) => r.type === 'inquiry.sent' && r.outcome === 'success').at(-1)).toMatchObject({ requestor: 'TSUP01', inquiry: { requestorVerified: true } });
    } finally {
      await t.logout();
    }
  });

  it('refuses out-of-county and out-of-state inquiries without a stated agency action, and DMV without a reference', async () => {
    await t.signOn('dispatcher');
    try {
      const outOfCounty = await refused(
        { kind: 'wanted_person', fields: { nam: 'DOE, JOHN', dob: '19800115' }, needToKnow: { requestPurpose: 'C', reference: '24-001234', jurisdiction: 'out-of-county' } },
        'AGENCY_ACTION_REQUIRED',
      );
      expect(outOfCounty.added).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'AGENCY_ACTION_REQUIRED', inquiry: expect.objectContaining({ jurisdiction: 'out-of-county' }) })]);
      await refused(
        { kind: 'nlets_licence', fields: { oln: 'T0000003' }, destinations: ['NV'], needToKnow: { requestPurpose: 'C', reference: '24-001234', jurisdiction: 'out-of-state' } },
        'AGENCY_ACTION_REQUIRED',
      );
      await refused({ kind: 'dmv_licence_oln', fields: { oln: 'T0000003' }, needToKnow: { requestPurpose: 'C', reference: '', jurisdiction: 'local' } }, 'REFERENCE_REQUIRED');
      // With the action stated, the out-of-county inquiry goes.
      expect(
        await t.call('inquiry.send', {
          kind: 'wanted_person',
          fields: { nam: 'DOE, JOHN', dob: '19800115' },
          needToKnow: { requestPurpose: 'C', reference: '24-001234', jurisdiction: 'out-of-county', agencyAction: 'warrant service for case 24-001234' },
        }),
      ).toMatchObject({ ok: true, value: { status: 'replied', replyKind: 'hit' } });
    } finally {
      await t.logout();
    }
  });

  it('refuses criminal history to a dispatcher (per kind, recorded) and every inquiry to the administrator (channel)', async () => {
    await t.signOn('dispatcher');
    try {
      const { added } = await refused(roeHistory(), 'ROLE_REQUIRED');
      expect(added).toEqual([expect.objectContaining({ operator: 'TDISP01', outcome: 'refused', reason: 'ROLE_REQUIRED', inquiry: expect.objectContaining({ messageKey: 'IH.QR' }) })]);
      const policy = await t.call('inquiry.policy');
      expect(policy).toMatchObject({ ok: true, value: { ori: 'CA0349999', dmvReferenceRequired: true } });
      expect(policy.value.kinds).toContain('wanted_person');
      expect(policy.value.kinds).not.toContain('ca_history_cii');
    } finally {
      await t.logout();
    }
    await t.signOn('admin');
    try {
      await refused(roeHistory(), 'ROLE_REQUIRED');
      expect(await t.call('inquiry.policy')).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    } finally {
      await t.logout();
    }
  });

  it('refuses a field that is not on the inquiry’s form, so the audit never names a subject that was not asked for', async () => {
    await t.signOn('records');
    try {
      const payload = { ...roeHistory(), fields: { cii: 'T00000002', nam: 'SOMEONE, ELSE' } };
      const { result, added } = await refused(payload, 'FIELD_NOT_IN_FORM');
      expect(result.error!.message).toContain('NAM');
      expect(added).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'FIELD_NOT_IN_FORM' })]);
    } finally {
      await t.logout();
    }
  });

  it('refuses while the session is locked, and when signed off', async () => {
    await t.signOn('records');
    t.app.session.lock('shortcut');
    await refused(roeHistory(), 'LOCKED');
    expect(await t.call('inquiry.list')).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    await t.logout();
    await refused(roeHistory(), 'NOT_SIGNED_ON');
  });

  it('sends only after the inquiry.sent record is durable, with the reference that went on the wire', async () => {
    await t.signOn('records');
    try {
      const before = t.app.trainingSwitch.stats().inquiries;
      const result = await t.call('inquiry.send', roeHistory());
      expect(result).toMatchObject({ ok: true, value: { status: 'replied', replyKind: 'hit', kind: 'ca_history_cii', messageKey: 'IH.QR', subject: 'CII T00000002' } });
      expect(result.value.reply).toMatchObject({ kind: 'hit', training: true, withheld: false });
      expect(result.value.reply.text).toContain('ROE, JANE');
      expect(t.app.trainingSwitch.stats().inquiries).toBe(before + 1);
      const ref = result.value.ref as string;
      const sent = t.durable.find((d) => d.event.type === 'inquiry.sent' && d.event.inquiry?.messageRef === ref)!;
      expect(sent).toBeDefined();
      // Durable while the switch had not yet seen the inquiry.
      expect(sent.switchInquiries).toBe(before);
      expect(sent.event).toMatchObject({
        operator: 'TREC01',
        outcome: 'success',
        inquiry: { messageKey: 'IH.QR', purpose: 'C', requestPurpose: 'C', rightToKnow: '24-001234', jurisdiction: 'local', subjectKeys: { CII: 'T00000002' } },
      });
      const received = t.durable.find((d) => d.event.type === 'reply.received' && d.event.reply?.messageRef === ref)!;
      expect(received.event).toMatchObject({ outcome: 'success', reply: { messageKey: 'IH.QR', records: 1, training: true } });
      // Never the reply's text in the trail.
      expect(JSON.stringify(t.records())).not.toContain('ROE, JANE');
    } finally {
      await t.logout();
    }
  });

  it('refuses the inquiry when its record cannot be written: AUDIT_*, nothing reaches the switch', async () => {
    await t.signOn('records');
    try {
      const before = t.app.trainingSwitch.stats().inquiries;
      t.audit.failing = true;
      const result = await t.call('inquiry.send', roeHistory());
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'AUDIT_WRITE_FAILED', message: AUDIT_REFUSED_MESSAGE }) });
      // A refusal whose own record cannot be written is refused with the audit refusal too.
      expect(await t.call('inquiry.send', roeHistory('TREC01'))).toMatchObject({ ok: false, error: { code: 'AUDIT_WRITE_FAILED' } });
      expect(t.app.trainingSwitch.stats().inquiries).toBe(before);
      t.audit.failing = false;
      expect(await t.call('inquiry.list')).toMatchObject({ ok: true, value: [] });
    } finally {
      t.audit.failing = false;
      await t.logout();
    }
  });
});
