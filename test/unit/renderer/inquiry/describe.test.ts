// Hit confirmation rows against the store's clock: the countdown, OVERDUE the moment time runs out
// (or when the main process says so), and the outcome when the YR arrives.
import { describe, expect, it } from 'vitest';
import type { HitConfirmationView } from '../../../../shared/contract/inquiry-channels';
import { countdown, describeConfirmation, describeInquiry } from '../../../../renderer/src/components/inquiry/describe';

const SENT = Date.UTC(2026, 10, 23, 12, 0, 0);
function hc(overrides: Partial<HitConfirmationView> = {}): HitConfirmationView {
  return {
    id: 'TRN1-20261123120000-0002-ABCD',
    hitRef: 'TRN1-20261123115900-0001-ABCD',
    recordIndex: 0,
    operatorId: 'TDISP01',
    subject: 'DOE, JOHN · 19800115',
    rty: 'W',
    nic: 'W000000001',
    oca: '24-001234',
    destination: 'CA0340400',
    priority: 'U',
    requestNumber: '1',
    sentAt: new Date(SENT).toISOString(),
    dueAt: new Date(SENT + 10 * 60_000).toISOString(),
    status: 'waiting',
    closedAt: null,
    replyText: null,
    error: null,
    ...overrides,
  };
}

describe('hit confirmation rows', () => {
  it('counts down in minutes and seconds, then says OVERDUE as soon as the time is up', () => {
    expect(describeConfirmation(hc(), SENT)).toMatchObject({ tone: 'waiting', time: '10:00 left' });
    // A clock a tick behind the request never shows more than the full time.
    expect(describeConfirmation(hc(), SENT - 14_000).time).toBe('10:00 left');
    expect(describeConfirmation(hc(), SENT + 9 * 60_000 + 15_500).time).toBe('0:45 left');
    expect(describeConfirmation(hc(), SENT + 10 * 60_000)).toMatchObject({ tone: 'overdue', status: 'OVERDUE', time: 'Due now' });
    expect(describeConfirmation(hc(), SENT + 13 * 60_000).time).toBe('3 minutes past due');
    expect(countdown(new Date(SENT + 60 * 60_000).toISOString(), SENT + 60_000)).toEqual({ overdue: false, text: '59:00 left' });
  });

  it('takes the main process’s overdue status even when the local clock disagrees', () => {
    const row = describeConfirmation(hc({ status: 'overdue' }), SENT);
    expect(row).toMatchObject({ tone: 'overdue', status: 'OVERDUE' });
    expect(row.time).toMatch(/^Was due at \d\d:\d\d:\d\d$/);
  });

  it('closes with the answer: confirmed, not confirmed, or failed to send', () => {
    expect(describeConfirmation(hc({ status: 'confirmed', closedAt: new Date(SENT + 60_000).toISOString(), replyText: 'YR…CON/Y' }), SENT + 20 * 60_000)).toMatchObject({ tone: 'confirmed', status: 'Confirmed', detail: 'YR…CON/Y' });
    expect(describeConfirmation(hc({ status: 'not_confirmed' }), SENT)).toMatchObject({ tone: 'not-confirmed', status: 'Not confirmed' });
    expect(describeConfirmation(hc({ status: 'failed', error: { code: 'NOT_CONNECTED', message: 'The link is down.' } }), SENT)).toMatchObject({ tone: 'failed', detail: 'The link is down. (NOT_CONNECTED)' });
  });

  it('describes a session inquiry in one line', () => {
    const line = describeInquiry({ ref: 'TRN1-20261123120000-0001-ABCD', kind: 'stolen_vehicle', messageKey: 'IA.QV', subject: 'Plate 1TRN001 CA', sentAt: new Date(SENT).toISOString(), repliedAt: null, status: 'failed', replyKind: null });
    expect(line).toMatchObject({ title: 'Stolen vehicle', subject: 'Plate 1TRN001 CA', outcome: 'Failed', failed: true });
  });
});
