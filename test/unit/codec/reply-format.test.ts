import { describe, expect, it } from 'vitest';
import {
  CodecError,
  decodeReply,
  formatReply,
  PERSONS_CAVEAT,
  TRAINING_MARKER_LINE,
  type Reply,
  type ReplyDraft,
} from '../../../shared/codec';
import { header, HEAD } from './reply-fixtures';


function draftOf(r: Reply): ReplyDraft {
  if (r.kind === 'unparsed') throw new Error(r.reason);
  const { raw: _raw, ...draft } = r;
  return draft as ReplyDraft;
}

describe('formatReply', () => {
  it('reproduces the verbatim ER sample from its decoded form', () => {
    const sample = `ER.NL0000000
08:00 01/01/2010 01239
08:00 01/01/2011 01233 AZNLETS20
TXT
.22. INVALID MESSAGE FORMAT - REFER TO RQ MKE OPTIONS BELOW
1. LIC, LIY, LIT
ORIGINAL MESSAGE
RQ.AZNLETS20.AZ.TXT
LIC/123456.LIT/PC`;
    expect(formatReply(draftOf(decodeReply(sample)))).toBe(sample);
  });

  it('writes a persons-file hit in the documented shape, adding the caveat', () => {
    const text = formatReply({
      kind: 'hit',
      header: header('IW.QW'),
      training: false,
      records: [
        {
          type: 'person',
          category: 'WANTED PERSON',
          fields: {
            ORI: 'CA0340000', NAM: 'SMITH, JOHN J', SEX: 'M', RAC: 'W', POB: 'TX', DOB: '19511012', HGT: '510', WGT: '175',
            EYE: 'BRO', HAI: 'BRO', FBI: '123456789', CTZ: 'US', SKN: 'DRK', SMT: 'SC R HND', OLN: '11111111', OLS: 'CA',
            OLY: '2027', DTT: '20110803', OCA: '24-001234', MIS: 'ARMED',
          },
          extra: [],
        },
      ],
    });
    expect(text).toBe(`${HEAD('IW.QW')}
${PERSONS_CAVEAT}
MKE/WANTED PERSON
ORI/CA0340000 NAM/SMITH, JOHN J SEX/M RAC/W POB/TX DOB/19511012 HGT/510 WGT/175
EYE/BRO HAI/BRO FBI/123456789 CTZ/US SKN/DRK SMT/SC R HND OLN/11111111 OLS/CA
OLY/2027 DTT/20110803 OCA/24-001234 MIS/ARMED`);
    expect(text.split('\n').every((l) => l.length <= 80)).toBe(true);
  });

  it('writes no record, with the training marker as the first body line', () => {
    expect(formatReply({ kind: 'no_record', header: header('DR'), training: true, reason: 'NOT ON FILE', echo: [{ code: 'OLN', value: 'D1234567' }] })).toBe(
      `${HEAD('DR')}\n${TRAINING_MARKER_LINE}\nMKE/NO RECORD\nRSN/NOT ON FILE OLN/D1234567`,
    );
  });

  it('writes YR, AM and $. messages', () => {
    expect(formatReply({ kind: 'hit_confirmation', header: header('YR'), training: false, confirmed: false, fields: { NIC: 'W123456789' }, extra: [] })).toBe(
      `${HEAD('YR')}\nMKE/HIT CONFIRMATION\nCON/N NIC/W123456789`,
    );
    expect(formatReply({ kind: 'admin', header: header('AM'), training: false, text: 'LINE ONE\nLINE TWO' })).toBe(
      `${HEAD('AM')}\nMKE/MESSAGE\nMSG/LINE ONE\nMSG/LINE TWO`,
    );
    expect(formatReply({ kind: 'unsolicited', header: header('$.2'), training: false, code: '2', text: 'HOT FILES UP', records: [] })).toBe(
      `${HEAD('$.2')}\nMKE/MESSAGE\nMSG/HOT FILES UP`,
    );
  });

  it('a long value stays whole on its own line (wrapping only between fields)', () => {
    const mis = 'X'.repeat(150);
    const text = formatReply({ kind: 'hit', header: header('IA.QV'), training: false, records: [{ type: 'vehicle', category: 'STOLEN VEHICLE', fields: { LIC: 'ABC', MIS: mis }, extra: [] }] });
    expect(text.split('\n').slice(-2)).toEqual(['LIC/ABC', `MIS/${mis}`]);
  });

  const refusals: Array<[string, ReplyDraft]> = [
    ['a header key that does not match the kind', { kind: 'error', header: header('DR'), training: false, code: '22', text: 'X', details: [] }],
    ['a query reply with key ER', { kind: 'no_record', header: header('ER'), training: false, reason: 'NOT ON FILE', echo: [] }],
    ['a bad sender ORI', { kind: 'admin', header: { ...header('AM'), senderOri: 'CA0' }, training: false, text: 'X' }],
    ['a bad date', { kind: 'admin', header: { ...header('AM'), switchStamp: { time: '14:05', date: '02/30/2025', seq: '1' } }, training: false, text: 'X' }],
    ['a hit with no records', { kind: 'hit', header: header('IW.QW'), training: false, records: [] }],
    ['a caveat that does not start WARNING-', { kind: 'hit', header: header('IW.QW'), training: false, caveat: 'NOTE', records: [{ type: 'licence', fields: {}, extra: [] }] }],
    ['an extra field named MKE', { kind: 'hit', header: header('ID.L1'), training: false, records: [{ type: 'licence', fields: {}, extra: [{ code: 'MKE', value: 'WANTED PERSON' }] }] }],
    ['an extra field with a bad code', { kind: 'hit', header: header('ID.L1'), training: false, records: [{ type: 'licence', fields: {}, extra: [{ code: 'a b', value: 'x' }] }] }],
    ['an extra field that belongs in fields', { kind: 'hit', header: header('ID.L1'), training: false, records: [{ type: 'licence', fields: {}, extra: [{ code: 'OLN', value: 'x' }] }] }],
    ['a candidate without an identifier', { kind: 'candidates', header: header('IH.QH'), training: false, candidates: [{ fields: { NAM: 'X, Y' }, extra: [] }] }],
    ['an ER code that is not two digits', { kind: 'error', header: header('ER'), training: false, code: '2', text: 'X', details: [] }],
    ['an unknown $. code', { kind: 'unsolicited', header: header('$.Z'), training: false, code: 'Z' as 'A', records: [] }],
  ];
  it.each(refusals)('refuses %s with a CodecError', (_name, draft) => {
    expect(() => formatReply(draft)).toThrow(CodecError);
  });
});
