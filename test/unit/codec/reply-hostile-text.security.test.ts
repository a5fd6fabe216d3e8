// Security regressions: hostile text inside record values must survive as text and never change
// what kind of reply it is, how many records it has, or whether it is training data.

import { describe, expect, it } from 'vitest';
import {
  decodeReply,
  formatReply,
  TRAINING_MARKER_LINE,
  type Reply,
  type ReplyDraft,
} from '../../../shared/codec';
import { header } from './reply-fixtures';


const HOSTILE_MIS =
  '<script>alert(1)</script>\u0000\u001b[31m NOT ON FILE\nMKE/WANTED PERSON\nNAM/X\r\n MKE/NO RECORD RSN/NOT ON FILE\n' +
  `${TRAINING_MARKER_LINE}\nORIGINAL MESSAGE\n\\u0041 trailing space `;

function roundTrip(draft: ReplyDraft): { text: string; back: Reply } {
  const text = formatReply(draft);
  return { text, back: decodeReply(text) };
}

describe('hostile text in record values', () => {
  it('a MIS value with markup, control characters, lookalike markers and line breaks round-trips as one value', () => {
    const { text, back } = roundTrip({
      kind: 'hit',
      header: header('IA.QV'),
      training: false,
      records: [{ type: 'vehicle', category: 'STOLEN VEHICLE', fields: { LIC: '7ABC123', MIS: HOSTILE_MIS }, extra: [] }],
    });
    expect(back.kind).toBe('hit');
    if (back.kind !== 'hit') return;
    expect(back.records).toHaveLength(1);
    expect(back.records[0]?.fields).toEqual({ LIC: '7ABC123', MIS: HOSTILE_MIS });
    expect(back.records[0]?.extra).toEqual([]);
    expect(back.caveat).toBeUndefined();
    expect(back.training).toBe(false);
    // The value could not start a line of its own or hide a field: it is one escaped line.
    const misLine = text.split('\n').find((l) => l.includes('MIS/'));
    expect(misLine).toContain('MIS/<script>alert(1)<\\/script>\\u0000\\u001B[31m NOT ON FILE\\u000AMKE\\/WANTED PERSON\\u000ANAM\\/X');
  });

  it('a no-record reply stays no-record when its echoed values claim WANTED PERSON', () => {
    const { back } = roundTrip({
      kind: 'no_record',
      header: header('IW.QW'),
      training: false,
      reason: 'NOT ON FILE',
      echo: [{ code: 'NAM', value: 'WANTED\nMKE/WANTED PERSON\nNAM/SMITH, JOHN' }],
    });
    expect(back.kind).toBe('no_record');
    expect(back.kind === 'no_record' && back.echo).toEqual([{ code: 'NAM', value: 'WANTED\nMKE/WANTED PERSON\nNAM/SMITH, JOHN' }]);
  });

  it('a hit stays a hit when its remarks say NO RECORD and NOT ON FILE', () => {
    const { back } = roundTrip({
      kind: 'hit',
      header: header('IW.QW'),
      training: false,
      records: [{ type: 'person', category: 'WANTED PERSON', fields: { NAM: 'SMITH, JOHN', MIS: 'NO RECORD\nRSN/NOT ON FILE' }, extra: [] }],
    });
    expect(back.kind).toBe('hit');
    expect(back.kind === 'hit' && back.records).toHaveLength(1);
  });

  it('a value cannot turn a live reply into a training reply or the reverse', () => {
    const live = roundTrip({ kind: 'admin', header: header('AM'), training: false, text: `${TRAINING_MARKER_LINE}\nsecond line` }).back;
    expect(live.training).toBe(false);
    expect(live.kind === 'admin' && live.text).toBe(`${TRAINING_MARKER_LINE}\nsecond line`);
  });

  it('an ER detail line cannot forge the ORIGINAL MESSAGE section', () => {
    const { back } = roundTrip({
      kind: 'error',
      header: header('ER'),
      training: false,
      code: '22',
      text: 'INVALID\nORIGINAL MESSAGE',
      details: ['ORIGINAL MESSAGE', 'IW.QW.CA0340000.TXT'],
    });
    expect(back.kind).toBe('error');
    if (back.kind !== 'error') return;
    expect(back.details).toEqual(['ORIGINAL MESSAGE', 'IW.QW.CA0340000.TXT']);
    expect(back.originalMessage).toBeUndefined();
    expect(back.text).toBe('INVALID\nORIGINAL MESSAGE');
  });

  it('extra fields with lookalike codes in their values add no records', () => {
    const { back } = roundTrip({
      kind: 'candidates',
      header: header('IH.R.QH'),
      training: false,
      candidates: [{ fields: { FBI: '123456789' }, extra: [{ code: 'AKA', value: ' MKE/CANDIDATE FBI/987654321' }] }],
    });
    expect(back.kind === 'candidates' && back.candidates).toHaveLength(1);
  });
});

describe('unescaped hostile text from a careless switch is not trusted', () => {
  const head = (mke: string) => `${mke}.CA0000000\n14:05 06/15/2025 00017\n14:05 06/15/2025 00042 CA0340000\nTXT\n`;

  it('a section marker hidden inside a field line makes the reply unparsed, not a hit', () => {
    expect(decodeReply(`${head('IW.QW')}MKE/NO RECORD\nRSN/NOT ON FILE MIS/X MKE/WANTED PERSON`).kind).toBe('unparsed');
  });

  it('free text saying WANTED or NO RECORD is unparsed, never a hit or a no-record answer', () => {
    for (const body of ['WANTED PERSON', 'NO RECORD', 'NOT ON FILE', 'MKE WANTED PERSON']) {
      expect(decodeReply(`${head('IW.QW')}${body}`).kind).toBe('unparsed');
    }
  });

  it('a raw escape sequence or NUL in a value makes the reply unparsed', () => {
    expect(decodeReply(`${head('IW.QW')}MKE/WANTED PERSON\nMIS/\u001b[31mRED`).kind).toBe('unparsed');
    expect(decodeReply(`${head('IW.QW')}MKE/WANTED PERSON\nMIS/A\u0000B`).kind).toBe('unparsed');
  });
});
