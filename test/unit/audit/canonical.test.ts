// The record's canonical form, hash and HMAC: what an auditor needs to re-check a line by hand.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bodyOfLine, canonicalJson, HMAC_SUFFIX_LENGTH, recordBodyJson, sealRecord } from '../../../electron/services/audit/canonical';
import { createRecordMac, GENESIS_HASH } from '../../../electron/services/audit/mac';
import type { RecordBody } from '../../../electron/services/audit/schema';
import { KEY } from './helpers';

const body: RecordBody = {
  v: 1,
  seq: 42,
  prevHash: GENESIS_HASH,
  at: '2026-11-23T12:00:00.123Z',
  type: 'inquiry.sent',
  ws: 'WS-TEST-01',
  ori: 'CA0349999',
  operator: 'OPR123',
  requestor: 'DET4711',
  outcome: 'success',
  inquiry: { subjectKeys: { SEX: 'M', NAM: 'MUÑOZ,JOSÉ' }, messageRef: 'WSTEST01-00000001', messageKey: 'IH.R.QH', purpose: 'C', rightToKnow: 'CASE 26-1' },
};

describe('canonical serialization', () => {
  it('writes top-level keys in the fixed order, nested keys sorted, absent fields left out', () => {
    const json = recordBodyJson({ ...body, reason: undefined } as RecordBody);
    expect(Object.keys(JSON.parse(json))).toEqual(['v', 'seq', 'prevHash', 'at', 'type', 'ws', 'ori', 'operator', 'requestor', 'outcome', 'inquiry']);
    expect(Object.keys(JSON.parse(json).inquiry)).toEqual(['messageKey', 'messageRef', 'purpose', 'rightToKnow', 'subjectKeys']);
    expect(Object.keys(JSON.parse(json).inquiry.subjectKeys)).toEqual(['NAM', 'SEX']);
    // The same record built in another key order serializes to the same bytes.
    const shuffled = Object.fromEntries(Object.entries(body).reverse()) as unknown as RecordBody;
    expect(recordBodyJson(shuffled)).toBe(json);
  });

  it('is ASCII only: other characters are \\u escapes that parse back to the same text', () => {
    const json = recordBodyJson(body);
    expect(json).toMatch(/^[\x20-\x7e]+$/);
    expect(json).toContain('MU\\u00d1OZ,JOS\\u00c9');
    expect(JSON.parse(json).inquiry.subjectKeys.NAM).toBe('MUÑOZ,JOSÉ');
    expect(canonicalJson({ b: '\u2028', a: [2, 1] })).toBe('{"a":[2,1],"b":"\\u2028"}');
  });

  it('seals: hmac = HMAC-SHA-256(key, SHA-256(body)) last on the line; the record hash = SHA-256(line)', () => {
    const sealed = sealRecord(body, createRecordMac(KEY));
    const json = recordBodyJson(body);
    expect(sealed.hmac).toBe(createHmac('sha256', KEY).update(createHash('sha256').update(json).digest()).digest('hex'));
    expect(sealed.line.endsWith(`,"hmac":"${sealed.hmac}"}`)).toBe(true);
    expect(sealed.hash).toBe(createHash('sha256').update(sealed.line).digest('hex'));
    expect(sealed.line.length).toBe(json.length + HMAC_SUFFIX_LENGTH - 1);
    expect(JSON.parse(sealed.line)).toEqual({ ...JSON.parse(json), hmac: sealed.hmac });
    expect(bodyOfLine(sealed.line)).toBe(json);
    expect(bodyOfLine('{"v":1}')).toBeNull();
  });
});

describe('the fast HMAC', () => {
  it('equals createHmac for random keys (short, block-sized, longer than a block) and messages', () => {
    for (const length of [32, 48, 64, 65, 100]) {
      for (let i = 0; i < 20; i++) {
        const key = randomBytes(length);
        const mac = createRecordMac(key);
        const digest = randomBytes(32);
        expect(mac.ofHash(digest.toString('hex'))).toBe(createHmac('sha256', key).update(digest).digest('hex'));
        const data = randomBytes(i * 7);
        expect(mac.of(data)).toBe(createHmac('sha256', key).update(data).digest('hex'));
        expect(mac.of('checkpoint ü')).toBe(createHmac('sha256', key).update('checkpoint ü', 'utf8').digest('hex'));
      }
    }
  });

  it('knows its own key and no other', () => {
    const mac = createRecordMac(KEY);
    expect(mac.sameKey(Buffer.from(KEY))).toBe(true);
    expect(mac.sameKey(Buffer.alloc(32, 1))).toBe(false);
  });
});
