// The inquiry service with a fake link answering from the training data set (switch/replies), a fake audit
// recorder and a manual clock: the order of record and send, withholding by role, refusals that list every
// problem, hit confirmations closed by a later YR or flagged overdue.
import { beforeEach, describe, expect, it } from 'vitest';
import { dateToCcyymmdd, decodeReply, type HitRecord } from '../../../shared/codec';
import type { HitConfirmationView, InquiryRequest } from '../../../shared/contract/inquiry-channels';
import { DEFAULT_INQUIRY_POLICY, type InquiryPolicy } from '../../../shared/policy/inquiry-policy';
import type { AuditEvent } from '../../../electron/services/audit/schema';
import { ManualClock } from '../../../electron/services/clock';
import { isAppError } from '../../../electron/services/errors';
import { createInquiryService, recordTypeOf, WITHHELD_ADDRESS, type InquiryService } from '../../../electron/services/inquiry';
import { LinkError } from '../../../electron/services/link';
import { silentLogger } from '../../../electron/services/log';
import type { HitConfirmationRow, HitConfirmationStore } from '../../../electron/services/store/hit-confirmations';
import { createDataset } from '../../../switch/dataset';
import { deferredHitConfirmation, respondToInquiry } from '../../../switch/replies';

const ORI = 'CA0349999';
const dataset = createDataset({ persons: 200, vehicles: 200 });

interface Harness {
  service: InquiryService;
  clock: ManualClock;
  log: string[];
  events: AuditEvent[];
  emitted: HitConfirmationView[];
  rows: Map<string, HitConfirmationRow>;
  audit: { failing: boolean };
  link: { down: boolean; deferYq: boolean; later: string[] };
}

function harness(policy: InquiryPolicy = DEFAULT_INQUIRY_POLICY): Harness {
  const clock = new ManualClock();
  const log: string[] = [];
  const events: AuditEvent[] = [];
  const emitted: HitConfirmationView[] = [];
  const rows = new Map<string, HitConfirmationRow>();
  const audit = { failing: false };
  const link = { down: false, deferYq: false, later: [] as string[] };
  let n = 0;
  const ctx = () => {
    const now = new Date(clock.now());
    return { destOri: ORI, now, seq: ++n, today: dateToCcyymmdd(now) };
  };
  const store: HitConfirmationStore = {
    insert: async (row) => void rows.set(row.id, { ...row }),
    setStatus: async (id, status, closedAt) => void rows.set(id, { ...rows.get(id)!, status, closedAt }),
    listWaiting: async (ws) => [...rows.values()].filter((r) => r.status === 'waiting' && r.workstationId === ws),
    listOverdue: async () => [...rows.values()].filter((r) => r.status === 'overdue'),
  };
  const service = createInquiryService({
    link: {
      nextRef: () => `TRN1-20261123120000-${(++n).toString().padStart(4, '0')}-ABCD`,
      send: async (text, meta) => {
        log.push(`send ${meta.ref}`);
        if (link.down) throw new LinkError('NOT_CONNECTED', 'The link to the message switch is not connected.');
        let reply = respondToInquiry(dataset, text, ORI, ctx());
        if (link.deferYq) {
          const deferred = deferredHitConfirmation(dataset, text, ORI, ctx());
          if (deferred) {
            reply = deferred.ack;
            link.later.push(deferred.confirmation(ctx()));
          }
        }
        return { ref: meta.ref!, text: reply, training: true, sentAt: new Date(clock.now()).toISOString(), ackedAt: null, repliedAt: new Date(clock.now()).toISOString() };
      },
    },
    audit: {
      record: async (event) => {
        if (audit.failing) throw Object.assign(new Error('disk full'), { code: 'AUDIT_WRITE_FAILED' });
        log.push(`${event.type} ${event.outcome}`);
        events.push(event);
      },
    },
    roster: {
      getOperator: async (id) =>
        id === 'TSUP01'
          ? { operatorId: id, name: 'S', roles: ['supervisor'], hasBadge: true, hasPin: true, statementSignedOn: '2026-01-01', certifiedUntil: '2027-01-01', lastLogonAt: null, lockedAt: null, lockedReason: null, disabledAt: null, createdAt: 0 }
          : null,
    },
    hitConfirmations: store,
    clock,
    workstation: { ori: ORI, id: 'WS-TRAIN-01' },
    policy: () => policy,
    logger: silentLogger,
    emit: (view) => emitted.push(view),
    currentOperator: () => 'TREC01',
  });
  return { service, clock, log, events, emitted, rows, audit, link };
}

const records = { operatorId: 'TREC01', roles: ['records'] as const };
const dispatcher = { operatorId: 'TDISP01', roles: ['dispatcher'] as const };
const roe: InquiryRequest = { kind: 'ca_history_cii', fields: { cii: 'T00000002' }, needToKnow: { purpose: 'C', requestPurpose: 'C', reference: '24-001234', jurisdiction: 'local' } };
const protectedPat: InquiryRequest = { kind: 'dmv_licence_oln', fields: { oln: 'T0000004' }, needToKnow: { requestPurpose: 'C', reference: '24-000001', jurisdiction: 'local' } };
const doe: InquiryRequest = { kind: 'wanted_person', fields: { nam: 'DOE, JOHN', dob: '19800115' }, needToKnow: { requestPurpose: 'C', reference: '', jurisdiction: 'local' } };

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the inquiry service', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  it('records inquiry.sent before the send, with the reference that goes on the wire, then reply.received', async () => {
    const result = await h.service.send(roe, records);
    expect(h.log).toEqual(['inquiry.sent success', `send ${result.ref}`, 'reply.received success']);
    expect(h.events[0]!.inquiry).toMatchObject({ messageRef: result.ref });
    expect(result).toMatchObject({ status: 'replied', replyKind: 'hit', subject: 'CII T00000002', reply: { withheld: false } });
  });

  it('sends nothing when the record cannot be written', async () => {
    h.audit.failing = true;
    expect(await refusal(h.service.send(roe, records))).toMatchObject({ code: 'AUDIT_WRITE_FAILED' });
    expect(h.log.filter((l) => l.startsWith('send'))).toEqual([]);
  });

  it('lists every problem, the first one’s code, and records one refusal', async () => {
    const r = await refusal(
      h.service.send({ ...roe, needToKnow: { requestPurpose: 'C', reference: 'Officer Jones', jurisdiction: 'out-of-county', requestor: 'TNOBODY9' } }, records),
    );
    expect(r.code).toBe('PURPOSE_REQUIRED');
    expect(r.message.split('\n').length).toBeGreaterThanOrEqual(4);
    expect(h.events).toEqual([expect.objectContaining({ type: 'inquiry.sent', outcome: 'refused', reason: 'PURPOSE_REQUIRED', requestor: 'TNOBODY9' })]);
    expect(h.log.some((l) => l.startsWith('send'))).toBe(false);
  });

  it('refuses a field the codec refuses, with its message', async () => {
    const r = await refusal(h.service.send({ ...roe, fields: { cii: 'not a cii' } }, records));
    expect(r.code).toBe('INQUIRY_INVALID');
    expect(h.events.at(-1)).toMatchObject({ outcome: 'refused', reason: 'INQUIRY_INVALID' });
  });

  it('withholds a confidential address unless the role may see it, and then keeps the text exactly as received', async () => {
    const withheld = await h.service.send(protectedPat, dispatcher);
    expect(withheld.reply).toMatchObject({ withheld: true });
    expect(withheld.reply!.text).toContain(WITHHELD_ADDRESS);
    expect(withheld.reply!.text).not.toContain('CONFIDENTIAL - VC 1808.4');

    const allowed = harness({ ...DEFAULT_INQUIRY_POLICY, confidentialAddressRoles: ['dispatcher'] });
    const shown = await allowed.service.send(protectedPat, dispatcher);
    const raw = shown.reply!.text;
    expect(shown.reply!.withheld).toBe(false);
    expect(raw).toContain('CONFIDENTIAL - VC 1808.4');
    expect(decodeReply(raw).kind).toBe('hit');
  });

  it('returns a failed inquiry (not a throw) when the link fails, recorded as inquiry.failed', async () => {
    h.link.down = true;
    const result = await h.service.send(roe, records);
    expect(result).toMatchObject({ status: 'failed', reply: null, error: { code: 'NOT_CONNECTED' } });
    await Promise.resolve();
    expect(h.events.at(-1)).toMatchObject({ type: 'inquiry.failed', outcome: 'failure', reason: 'NOT_CONNECTED' });
    expect(h.service.list(records)).toEqual([expect.objectContaining({ ref: result.ref, status: 'failed' })]);
  });

  it('keeps returns per operator, and forgets them when the session ends', async () => {
    const result = await h.service.send(roe, records);
    expect(h.service.list(records)).toHaveLength(1);
    expect(h.service.list({ operatorId: 'TSUP01', roles: ['supervisor'] })).toEqual([]);
    await expect(h.service.open(result.ref, { operatorId: 'TSUP01', roles: ['supervisor'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(h.service.criminalHistory(result.ref, 'TREC01')).toMatchObject({ subject: 'CII T00000002' });
    h.service.endSession('TREC01');
    expect(h.service.list(records)).toEqual([]);
    expect(h.service.criminalHistory(result.ref, 'TREC01')).toBeNull();
  });

  it('closes a hit confirmation with the YR that comes later; flags one never answered overdue', async () => {
    h.link.deferYq = true;
    const hit = await h.service.send(doe, records);
    const index = (() => {
      const d = decodeReply(hit.reply!.text);
      return d.kind === 'hit' ? d.records.findIndex((r) => r.type === 'person') : -1;
    })();
    const first = await h.service.confirmHit({ hitRef: hit.ref, recordIndex: index, priority: 'U' }, records);
    expect(first).toMatchObject({ status: 'waiting', rty: 'W', nic: 'W000000001', oca: '24-001234' });
    expect(h.rows.get(first.id)).toMatchObject({ status: 'waiting', workstationId: 'WS-TRAIN-01' });
    expect(h.service.handleUnsolicited(h.link.later.shift()!)).toBe(true);
    expect(h.service.hitConfirmations(records)[0]).toMatchObject({ id: first.id, status: 'confirmed' });

    const second = await h.service.confirmHit({ hitRef: hit.ref, recordIndex: index, priority: 'U', requestNumber: '2' }, records);
    h.link.later.length = 0; // the YR never comes
    h.clock.advance(10 * 60_000 - 1);
    expect(h.service.hitConfirmations(records)[0]).toMatchObject({ id: second.id, status: 'waiting' });
    h.clock.advance(1);
    expect(h.emitted.at(-1)).toMatchObject({ id: second.id, status: 'overdue' });
    await Promise.resolve();
    expect(h.rows.get(second.id)).toMatchObject({ status: 'overdue' });
    expect(await h.service.overdueConfirmations()).toEqual([expect.objectContaining({ id: second.id, status: 'overdue', replyText: null })]);
    expect(h.events.some((e) => e.type === 'confirmation.overdue' && e.confirmation?.messageRef === second.id)).toBe(true);
    // An unrelated YR is left for the message board.
    expect(h.service.handleUnsolicited('not a reply')).toBe(false);
  });
});

describe('recordTypeOf', () => {
  const person = (category: string) => ({ type: 'person', category, fields: {}, extra: [] }) as unknown as HitRecord;
  const vehicle = (category: string) => ({ type: 'vehicle', category, fields: {}, extra: [] }) as unknown as HitRecord;
  it('maps the record category to the YQ record type', () => {
    expect(recordTypeOf(person('WANTED PERSON'))).toBe('W');
    expect(recordTypeOf(person('MISSING PERSON'))).toBe('M');
    expect(recordTypeOf(person('PROTECTION ORDER'))).toBe('P');
    expect(recordTypeOf(person('SEX OFFENDER'))).toBeNull();
    expect(recordTypeOf(vehicle('STOLEN VEHICLE'))).toBe('V');
    expect(recordTypeOf(vehicle('FELONY VEHICLE'))).toBe('V');
    expect(recordTypeOf(vehicle('STOLEN PLATE'))).toBe('L');
    expect(recordTypeOf({ type: 'licence', fields: {}, extra: [] } as unknown as HitRecord)).toBeNull();
  });
});

describe('resumeWaiting', () => {
  it('arms the overdue timer again for this workstation’s waiting requests after a restart', async () => {
    const h = harness();
    const sentAt = h.clock.now() - 5 * 60_000;
    h.rows.set('TRN1-20261123115500-0001-ABCD', {
      id: 'TRN1-20261123115500-0001-ABCD',
      workstationId: 'WS-TRAIN-01',
      operatorId: 'TREC01',
      hitRef: 'TRN1-20261123115400-0001-ABCD',
      recordIndex: 0,
      subject: 'DOE, JOHN Q · 1980-01-15',
      rty: 'W',
      nic: 'W000000001',
      oca: '24-001234',
      destination: 'CA0340400',
      priority: 'U',
      requestNumber: '1',
      sentAt,
      dueAt: sentAt + 10 * 60_000,
      status: 'waiting',
      closedAt: null,
    });
    expect(await h.service.resumeWaiting()).toBe(1);
    h.clock.advance(5 * 60_000 - 1);
    expect(h.rows.get('TRN1-20261123115500-0001-ABCD')!.status).toBe('waiting');
    h.clock.advance(1);
    await Promise.resolve();
    expect(h.rows.get('TRN1-20261123115500-0001-ABCD')!.status).toBe('overdue');
    // No session of that operator here: nothing is shown or emitted, the audit records it.
    expect(h.emitted).toEqual([]);
    expect(h.service.hitConfirmations(records)).toEqual([]);
    expect(h.events).toEqual([expect.objectContaining({ type: 'confirmation.overdue', operator: 'TREC01' })]);
  });
});
