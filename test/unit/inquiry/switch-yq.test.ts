// The training switch's hit confirmation answered later (option hitConfirmationDelayMs): an AM now, the YR
// afterwards; a NIC not on file (or an invalid YQ) is answered at once as before.
import { describe, expect, it } from 'vitest';
import { dateToCcyymmdd, decodeReply, encodeInquiry } from '../../../shared/codec';
import { createDataset } from '../../../switch/dataset';
import { deferredHitConfirmation } from '../../../switch/replies';

const ORI = 'CA0349999';
const dataset = createDataset({ persons: 100, vehicles: 100 });
const now = new Date(Date.UTC(2026, 10, 23, 12));
const ctx = { destOri: ORI, now, seq: 1, today: dateToCcyymmdd(now) };
const yq = (nic: string, oca: string, rty: 'W' | 'V' = 'W') =>
  encodeInquiry({ kind: 'hit_confirmation_request', ori: ORI, destinations: ['CA0340400'], rty, rno: '1', pri: 'U', oca, nic }, { today: ctx.today });

describe('deferredHitConfirmation', () => {
  it('acknowledges a YQ for a NIC on file with an AM and writes the YR for later', () => {
    const deferred = deferredHitConfirmation(dataset, yq('W000000001', '24-001234'), ORI, ctx)!;
    expect(deferred).not.toBeNull();
    const ack = decodeReply(deferred.ack);
    expect(ack).toMatchObject({ kind: 'admin', training: true });
    expect(ack.kind === 'admin' && ack.text).toContain('FORWARDED TO CA0340400');
    expect(decodeReply(deferred.confirmation({ ...ctx, seq: 2 }))).toMatchObject({ kind: 'hit_confirmation', confirmed: true, fields: { NIC: 'W000000001', OCA: '24-001234' } });
    // The holding agency says no when the OCA does not match.
    expect(decodeReply(deferredHitConfirmation(dataset, yq('W000000001', '99-999999'), ORI, ctx)!.confirmation(ctx))).toMatchObject({ confirmed: false });
  });

  it('leaves a NIC not on file, another ORI’s YQ and other messages to the immediate answer', () => {
    expect(deferredHitConfirmation(dataset, yq('W999999990', '24-001234'), ORI, ctx)).toBeNull();
    expect(deferredHitConfirmation(dataset, yq('W000000001', '24-001234'), 'CA0340000', ctx)).toBeNull();
    expect(deferredHitConfirmation(dataset, 'YQ.garbage', ORI, ctx)).toBeNull();
    expect(deferredHitConfirmation(dataset, 'IW.QW.CA0349999.TXT\nNAM/DOE, JOHN.DOB/19800115', ORI, ctx)).toBeNull();
  });
});
