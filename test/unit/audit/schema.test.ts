// What a record may hold (A2, A4 / AU-3(3)): the schema refuses reply text, secrets and anything unlisted.
import { describe, expect, it } from 'vitest';
import { auditEventSchema, type AuditEvent } from '../../../electron/services/audit/schema';
import { RECORD_KEY_ORDER } from '../../../electron/services/audit/canonical';
import { inquiry } from './helpers';

const ok = (e: unknown) => auditEventSchema.safeParse(e).success;

describe('the audit record schema', () => {
  it('accepts each kind of event the issue lists', () => {
    const events: AuditEvent[] = [
      { type: 'logon.success', operator: 'OPR123', outcome: 'success' },
      { type: 'logon.failure', operator: null, outcome: 'failure', reason: 'PASSWORD_WRONG' },
      { type: 'logoff', operator: 'OPR123', outcome: 'success' },
      { type: 'session.lock', operator: 'OPR123', outcome: 'success', reason: 'idle 30 min' },
      { type: 'session.unlock', operator: 'OPR123', outcome: 'success' },
      { type: 'setting.change', operator: 'ADM001', outcome: 'success', change: { item: 'lock.idleMinutes', from: 30, to: 15 } },
      { type: 'roster.change', operator: 'ADM001', outcome: 'success', change: { item: 'operator.disabled', target: 'OPR999', to: true } },
      { type: 'password.change', operator: 'OPR123', outcome: 'success', change: { item: 'password', target: 'OPR123' } },
      inquiry(1),
      { type: 'reply.received', operator: 'OPR123', outcome: 'success', reply: { messageRef: 'WSTEST01-00000001', messageKey: 'IH.R.QH', records: 2 } },
      { type: 'record.viewed', operator: 'OPR123', outcome: 'success', target: { messageRef: 'WSTEST01-00000001', recordIndex: 0 } },
      { type: 'record.printed', operator: 'OPR123', outcome: 'success', target: { messageRef: 'WSTEST01-00000001', format: 'print', copies: 1 } },
      { type: 'record.exported', operator: 'OPR123', outcome: 'success', target: { messageRef: 'WSTEST01-00000001', format: 'pdf' } },
      {
        type: 'record.released',
        operator: 'SUP001',
        outcome: 'success',
        release: { releaseId: 'R2026-000001', messageRef: 'WSTEST01-00000001', recipientName: 'J. Smith', recipientAgency: 'Sacramento DA', purpose: 'charging', legalBasis: 'PC 11105(b)(4)' },
      },
    ];
    for (const e of events) expect(auditEventSchema.safeParse(e).error?.issues, e.type).toBeUndefined();
  });

  it('refuses reply text and any other unlisted field, at every level', () => {
    expect(ok({ ...inquiry(1), text: 'IH.R.QH …' })).toBe(false);
    expect(ok({ ...inquiry(1), inquiry: { ...inquiry(1).inquiry, reply: 'X' } })).toBe(false);
    expect(ok({ type: 'reply.received', operator: 'OPR123', outcome: 'success', reply: { messageRef: 'WSTEST01-00000001', text: 'RAP SHEET' } })).toBe(false);
  });

  it('keeps only the minimal subject keys: at most four, from the allowed list (no SSN)', () => {
    const withKeys = (subjectKeys: Record<string, string>) => ({ ...inquiry(1), inquiry: { ...inquiry(1).inquiry, subjectKeys } });
    expect(ok(withKeys({ NAM: 'A', DOB: '1', SEX: 'M', OLN: 'X' }))).toBe(true);
    expect(ok(withKeys({ NAM: 'A', DOB: '1', SEX: 'M', OLN: 'X', LIC: 'Y' }))).toBe(false);
    expect(ok(withKeys({ SOC: '123456789' }))).toBe(false);
    expect(ok(withKeys({ NAM: 'X'.repeat(41) }))).toBe(false);
  });

  it('records that a secret changed, never its value', () => {
    expect(ok({ type: 'password.change', operator: 'OPR123', outcome: 'success', change: { item: 'password', to: 'hunter2' } })).toBe(false);
    expect(ok({ type: 'setting.change', operator: 'ADM001', outcome: 'success', change: { item: 'badgeKey', from: 'a', to: 'b' } })).toBe(false);
  });

  it('refuses malformed identities, codes and control characters', () => {
    expect(ok({ type: 'logon.success', operator: 'opr 1', outcome: 'success' })).toBe(false);
    expect(ok({ type: 'logon.success', operator: 'OPR123', outcome: 'maybe' })).toBe(false);
    expect(ok({ type: 'journal.sealed', operator: null, outcome: 'success' })).toBe(false);
    expect(ok({ ...inquiry(1), inquiry: { ...inquiry(1).inquiry, purpose: 'Q' } })).toBe(false);
    expect(ok({ ...inquiry(1), requestor: 'DET\u0007' })).toBe(false);
    expect(ok({ ...inquiry(1), inquiry: { ...inquiry(1).inquiry, messageRef: 'short' } })).toBe(false);
  });
});

describe('the record line carries every field an event may have', () => {
  it('lists each event field in RECORD_KEY_ORDER, so none is dropped silently when the line is written', () => {
    const missing = Object.keys(auditEventSchema.shape).filter((key) => !(RECORD_KEY_ORDER as readonly string[]).includes(key));
    expect(missing).toEqual([]);
  });
});
