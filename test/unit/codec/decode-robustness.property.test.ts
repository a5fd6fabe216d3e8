// decodeReply and decodeInquiry never throw, and their work and output stay bounded, whatever
// they are given: arbitrary strings, arbitrary bytes, mutated real replies, adversarial inputs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeInquiry,
  decodeReply,
  decodeReplyBytes,
  encodeInquiry,
  formatReply,
  MAX_REPLY_CHARS,
  MAX_REPLY_RECORDS,
  type Reply,
} from '../../../shared/codec';
import { inquiryArb, mutate, mutationArb, replyDraftArb, TODAY } from './arbitraries';

/** Output size bound: the decoded structure is at most linear in the input. */
function expectBounded(input: string, r: Reply) {
  const size = JSON.stringify(r).length;
  expect(size).toBeLessThanOrEqual(12 * input.length + 10_000);
  if (r.kind === 'hit' || r.kind === 'unsolicited') expect(r.records.length).toBeLessThanOrEqual(MAX_REPLY_RECORDS);
  if (r.kind === 'candidates') expect(r.candidates.length).toBeLessThanOrEqual(MAX_REPLY_RECORDS);
}

const REPLY_HEAD = 'IW.QW.CA0000000\n14:05 06/15/2025 00017\n14:05 06/15/2025 00042 CA0340000\nTXT\n';

describe('decodeReply never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii', maxLength: 400 }), fc.string().map((s) => REPLY_HEAD + s)), (s) => {
        const r = decodeReply(s);
        expect(typeof r.kind).toBe('string');
        expectBounded(s, r);
      }),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const r = decodeReplyBytes(bytes);
        expect(typeof r.kind).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });

  it('on real replies after random inserts, deletes, replacements, duplicated lines and truncation', () => {
    fc.assert(
      fc.property(replyDraftArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (draft, mutations) => {
        const text = mutations.reduce(mutate, formatReply(draft));
        const r = decodeReply(text);
        expect(typeof r.kind).toBe('string');
        expect(r.raw).toBe(text);
        expectBounded(text, r);
      }),
      { numRuns: 2000 },
    );
  });

  it('on values that are not strings', () => {
    for (const v of [undefined, null, 42, {}, [], new Uint8Array(3)]) {
      expect(decodeReply(v as unknown as string).kind).toBe('unparsed');
    }
  });
});

describe('decodeReply stays linear on large adversarial input', () => {
  const fill = (unit: string, prefix = REPLY_HEAD) => prefix + unit.repeat(Math.floor((MAX_REPLY_CHARS - prefix.length) / unit.length));
  const cases: Array<[string, string]> = [
    ['one long line of letters', fill('A')],
    ['one long line of slashes', fill('/')],
    ['one long line of backslashes', fill('\\')],
    ['a long run of code letters then a slash', `${fill('A').slice(0, -1)}/`],
    ['many tiny fields on one line', fill(' AB/', `${REPLY_HEAD}MKE/WANTED PERSON\nMIS/x`)],
    ['many escapes in one value', fill('\\u0041', `${REPLY_HEAD}MKE/WANTED PERSON\nMIS/`)],
    ['many section markers', fill('MKE/WANTED PERSON\n')],
    ['many short lines', fill('NAM/X\n', `${REPLY_HEAD}MKE/WANTED PERSON\n`)],
    ['many blank lines', fill('\n')],
    ['many caveat-like lines', fill('WARNING-\n')],
    ['many ORIGINAL MESSAGE lines in an ER', fill('ORIGINAL MESSAGE\n', REPLY_HEAD.replace('IW.QW', 'ER') + '.22. X\n')],
    ['nested rap sheet sections', fill('MKE/ARREST\nMKE/CHARGE\nMKE/DISPOSITION\n', `${REPLY_HEAD.replace('IW.QW', 'IH.QR')}MKE/CRIMINAL HISTORY\n`)],
  ];
  it.each(cases)('%s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    const started = performance.now();
    const r = decodeReply(text);
    const elapsed = performance.now() - started;
    expectBounded(text, r);
    // Generous bound: catches quadratic behaviour (seconds to minutes at this size), not jitter.
    expect(elapsed).toBeLessThan(1000);
  });

  it('a large valid reply near the cap is read in full', () => {
    const mis = 'REMARKS <b>/\\ '.repeat(8);
    const records = Array.from({ length: 1500 }, (_, i) => ({
      type: 'vehicle' as const,
      category: 'STOLEN VEHICLE' as const,
      fields: { LIC: `P${i}`, MIS: mis },
      extra: [],
    }));
    const text = formatReply({ kind: 'hit', header: { mke: 'IA.QV', senderOri: 'CA0000000', switchStamp: { time: '00:00', date: '01/01/2025', seq: '1' }, destStamp: { time: '00:00', date: '01/01/2025', seq: '2' }, destOri: 'CA0340000' }, training: false, records });
    expect(text.length).toBeGreaterThan(MAX_REPLY_CHARS / 2);
    const started = performance.now();
    const r = decodeReply(text);
    const elapsed = performance.now() - started;
    expect(r.kind === 'hit' && r.records.length).toBe(1500);
    expectBounded(text, r);
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses text over the cap without reading it', () => {
    const r = decodeReply('A'.repeat(MAX_REPLY_CHARS + 1));
    expect(r.kind === 'unparsed' && r.reason).toMatch(/longer than/);
    expect(r.raw.length).toBe(MAX_REPLY_CHARS);
  });
});

describe('decodeInquiry never throws', () => {
  it('on arbitrary strings and mutated real inquiries', () => {
    fc.assert(
      fc.property(inquiryArb, fc.array(mutationArb, { maxLength: 4 }), fc.string({ unit: 'binary' }), (inq, mutations, junk) => {
        const text = mutations.reduce(mutate, encodeInquiry(inq, { today: TODAY }));
        for (const t of [text, junk]) {
          const r = decodeInquiry(t, { today: TODAY });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
