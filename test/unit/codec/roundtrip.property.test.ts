import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeInquiry,
  decodeReply,
  encodeInquiry,
  formatReply,
  PERSONS_CAVEAT,
  UNSOLICITED_DESCRIPTIONS,
  validateInquiry,
  INQUIRY_KINDS,
  type Reply,
  type ReplyDraft,
} from '../../../shared/codec';
import { inquiryArb, replyDraftArb, TODAY } from './arbitraries';

const opts = { today: TODAY };

/** What decodeReply should give back for a draft: the draft, its raw text, the default caveat
 *  before persons records, and the meaning of a `$.` code. */
function expected(draft: ReplyDraft, raw: string): Reply {
  const r = { ...draft, raw } as Reply & { caveat?: string; meaning?: string };
  if ((r.kind === 'hit' || r.kind === 'unsolicited') && r.caveat === undefined && r.records.some((x) => x.type === 'person')) {
    r.caveat = PERSONS_CAVEAT;
  }
  if (r.kind === 'unsolicited') r.meaning = UNSOLICITED_DESCRIPTIONS[r.code];
  return r;
}

describe('inquiry round trip', () => {
  it('the arbitrary covers every inquiry kind', () => {
    const seen = new Set(fc.sample(inquiryArb, 2000).map((i) => i.kind));
    expect([...seen].sort()).toEqual([...INQUIRY_KINDS].sort());
  });

  it('decodeInquiry(encodeInquiry(x)) is the validated x, for every kind', () => {
    fc.assert(
      fc.property(inquiryArb, (inq) => {
        const checked = validateInquiry(inq, opts);
        if (!checked.ok) throw new Error(`arbitrary produced an invalid inquiry: ${JSON.stringify(checked.errors)}`);
        const text = encodeInquiry(inq, opts);
        expect(text.endsWith('.')).toBe(false);
        const back = decodeInquiry(text, opts);
        expect(back).toEqual({ ok: true, value: checked.value, warnings: checked.warnings });
        // Encoding is stable: the decoded inquiry encodes to the same text.
        if (back.ok) expect(encodeInquiry(back.value, opts)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('reply round trip', () => {
  it('the arbitrary covers every reply kind but unparsed', () => {
    const seen = new Set(fc.sample(replyDraftArb, 500).map((d) => d.kind));
    expect([...seen].sort()).toEqual(['admin', 'candidates', 'error', 'hit', 'hit_confirmation', 'no_record', 'unsolicited']);
  });

  it('decodeReply(formatReply(x)) is x, even with hostile text in every value', () => {
    fc.assert(
      fc.property(replyDraftArb, (draft) => {
        const text = formatReply(draft);
        const back = decodeReply(text);
        if (back.kind === 'unparsed') throw new Error(`unparsed: ${back.reason}\n${text}`);
        expect(back).toEqual(expected(draft, text));
      }),
      { numRuns: 1500 },
    );
  });

  it('formatted replies never contain raw control characters except line breaks', () => {
    fc.assert(
      fc.property(replyDraftArb, (draft) => {
        expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(formatReply(draft))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
