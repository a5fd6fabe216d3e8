// Returns of the inquiry workspace (issue #5): decoded from structure, confidential DMV addresses withheld
// (VC 1808.4), a record request from a candidate list carrying the need to know over, this session's list
// and reopening (recorded as a view), cleared at logout and never shown to another operator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../../shared/codec';
import { WITHHELD_ADDRESS } from '../../../electron/services/inquiry';
import { tempDataDirs } from '../../support/app-fixtures';
import { roeHistory, startInquiryApp, type InquiryApp } from './helpers';

const dataDir = tempDataDirs('clets-inquiry-returns-');

const dmvByOln = (oln: string) => ({ kind: 'dmv_licence_oln', fields: { oln }, needToKnow: { requestPurpose: 'C', reference: '24-000777', jurisdiction: 'local' } });
const dmvByPlate = (lic: string) => ({ kind: 'dmv_registration_plate', fields: { lic }, needToKnow: { requestPurpose: 'C', reference: 'C26-000123', jurisdiction: 'local' } });

describe('inquiry returns', () => {
  let t: InquiryApp;
  beforeAll(async () => {
    t = await startInquiryApp(dataDir());
  }, 60_000);
  afterAll(() => t?.close());

  it('withholds a confidential DMV address (PROTECTED, PAT) and leaves other returns exactly as received', async () => {
    await t.signOn('dispatcher');
    try {
      const licence = await t.call('inquiry.send', dmvByOln('T0000004'));
      expect(licence).toMatchObject({ ok: true, value: { replyKind: 'hit', reply: { withheld: true } } });
      const text = licence.value.reply.text as string;
      expect(text).toContain('PROTECTED, PAT');
      expect(text).toContain(`ADR/${WITHHELD_ADDRESS}`);
      expect(text).not.toContain('CONFIDENTIAL - VC 1808.4');
      // Still a well-formed reply, decided the same from structure.
      const redecoded = decodeReply(text);
      expect(redecoded.kind).toBe('hit');

      const registration = await t.call('inquiry.send', dmvByPlate('1TRN004'));
      expect(registration).toMatchObject({ ok: true, value: { replyKind: 'hit', reply: { withheld: true } } });
      expect(registration.value.reply.text).toContain(WITHHELD_ADDRESS);

      const clean = await t.call('inquiry.send', dmvByOln('T0000003'));
      expect(clean).toMatchObject({ ok: true, value: { replyKind: 'hit', reply: { withheld: false } } });
      expect(clean.value.reply.text).toContain('CLEAN, CARL');
      expect(clean.value.reply.text).toContain('ADR/');
      expect(clean.value.reply.text).not.toContain(WITHHELD_ADDRESS);
    } finally {
      await t.logout();
    }
  });

  it('carries the need to know of a candidate list over to the record request that follows it', async () => {
    await t.signOn('records');
    try {
      const search = await t.call('inquiry.send', {
        kind: 'ca_history_name',
        fields: { nam: 'SMITH, JOHN', sex: 'M' },
        needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '2026-00042', jurisdiction: 'local' },
      });
      expect(search).toMatchObject({ ok: true, value: { replyKind: 'candidates', subject: 'SMITH, JOHN · M' } });
      const listRef = search.value.ref as string;
      // The follow-up names no right to know of its own: the list's is used and recorded.
      const record = await t.call('inquiry.send', {
        kind: 'ca_history_cii',
        fields: { cii: 'T00000010' },
        needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '', jurisdiction: 'local' },
        followUpOf: listRef,
      });
      expect(record).toMatchObject({ ok: true, value: { replyKind: 'hit', needToKnow: { purpose: 'C', reference: '2026-00042' } } });
      expect(t.records().find((r) => r.type === 'inquiry.sent' && r.inquiry?.messageRef === record.value.ref)).toMatchObject({
        outcome: 'success',
        inquiry: { followUpOf: listRef, rightToKnow: '2026-00042', subjectKeys: { CII: 'T00000010' } },
      });
      // A follow-up of something that is not this session's candidate list is refused.
      expect(await t.call('inquiry.send', { ...roeHistory(), followUpOf: record.value.ref })).toMatchObject({ ok: false, error: { code: 'FOLLOW_UP_UNKNOWN' } });
    } finally {
      await t.logout();
    }
  });

  it('lists this session’s returns, reopens one as a recorded view, and forgets them at logout', async () => {
    await t.signOn('records');
    const first = await t.call('inquiry.send', roeHistory());
    const second = await t.call('inquiry.send', dmvByOln('T0000003'));
    const list = await t.call('inquiry.list');
    expect(list).toMatchObject({ ok: true });
    expect(list.value.map((s: { ref: string }) => s.ref)).toEqual([second.value.ref, first.value.ref]);
    expect(list.value[0]).not.toHaveProperty('reply');

    const opened = await t.call('inquiry.open', { ref: first.value.ref });
    expect(opened).toMatchObject({ ok: true, value: { ref: first.value.ref, reply: { kind: 'hit' } } });
    expect(t.records().at(-1)).toMatchObject({ type: 'record.viewed', operator: 'TREC01', outcome: 'success', target: { messageRef: first.value.ref } });

    // A view that cannot be recorded is not shown.
    t.audit.failing = true;
    expect(await t.call('inquiry.open', { ref: first.value.ref })).toMatchObject({ ok: false, error: { code: 'AUDIT_WRITE_FAILED' } });
    t.audit.failing = false;
    expect(await t.call('inquiry.open', { ref: 'TRN1-20261123120000-00ZZ-ABCD' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    // Locked: the list stays for the same operator after unlock.
    t.app.session.lock('shortcut');
    expect(await t.call('session.unlock', { badge: 'TRN-B-1002', pin: '573024' })).toMatchObject({ ok: true });
    expect((await t.call('inquiry.list')).value).toHaveLength(2);

    await t.logout();
    // Another operator never sees them; the same operator's next session starts empty.
    await t.signOn('supervisor');
    expect(await t.call('inquiry.list')).toEqual({ ok: true, value: [] });
    expect(await t.call('inquiry.open', { ref: first.value.ref })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await t.logout();
    await t.signOn('records');
    expect(await t.call('inquiry.list')).toEqual({ ok: true, value: [] });
    await t.logout();
  });

  it('link: a reserved reference goes on the wire, once; a made-up one is refused', async () => {
    const ref = t.app.link.nextRef();
    const text = 'AM.CA0349999.CA0340400.TXT\nTRAINING TEST MESSAGE';
    const reply = await t.app.link.send(text, { operator: 'TREC01', ref });
    expect(reply.ref).toBe(ref);
    await expect(t.app.link.send(text, { operator: 'TREC01', ref })).rejects.toMatchObject({ code: 'INVALID_INQUIRY' });
    await expect(t.app.link.send(text, { operator: 'TREC01', ref: 'TRN1-20261123120000-ZZZZ-ABCD' })).rejects.toMatchObject({ code: 'INVALID_INQUIRY' });
  });

  it('returns a failed inquiry in the list when the switch does not answer (recorded as inquiry.failed)', async () => {
    await t.signOn('records');
    try {
      t.app.trainingSwitch.setFaults({ errorReplyNext: 1 });
      const er = await t.call('inquiry.send', roeHistory());
      expect(er).toMatchObject({ ok: true, value: { status: 'replied', replyKind: 'error' } });
      await t.app.link.stop();
      const failed = await t.call('inquiry.send', roeHistory());
      expect(failed).toMatchObject({ ok: true, value: { status: 'failed', reply: null, error: { code: 'NOT_CONNECTED' } } });
      await expect.poll(() => t.records().at(-1)).toMatchObject({ type: 'inquiry.failed', outcome: 'failure', reason: 'NOT_CONNECTED', inquiry: { messageRef: failed.value.ref } });
      expect((await t.call('inquiry.list')).value[0]).toMatchObject({ ref: failed.value.ref, status: 'failed' });
    } finally {
      await t.logout();
    }
  });
});
