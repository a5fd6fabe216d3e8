import { describe, expect, it } from 'vitest';
import {
  candidateRecordKey,
  decodeReply,
  decodeReplyBytes,
  PERSONS_CAVEAT,
  TRAINING_MARKER_LINE,
  type Reply,
} from '../../../shared/codec';

/** The verbatim ER sample from message-formats.md. */
const ER_SAMPLE = `ER.NL0000000
08:00 01/01/2010 01239
08:00 01/01/2011 01233 AZNLETS20
TXT
.22. INVALID MESSAGE FORMAT - REFER TO RQ MKE OPTIONS BELOW
1. LIC, LIY, LIT
ORIGINAL MESSAGE
RQ.AZNLETS20.AZ.TXT
LIC/123456.LIT/PC`;

/** The verbatim persons-file hit body from message-formats.md (the doc shows no header). */
const PERSONS_SAMPLE_BODY = `WARNING-DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION...
MKE/WANTED PERSON
ORI/CA0340000 NAM/SMITH, JOHN J SEX/M RAC/W POB/TX DOB/19511012
HGT/510 WGT/175 EYE/BRO HAI/BRO FBI/123456789 CTZ/US SKN/DRK
SMT/SC R HND
OLN/11111111 OLS/CA OLY/2027
DTT/20110803 OCA/24-001234
MIS/...`;

const head = (mke: string) => `${mke}.CA0000000\n14:05 06/15/2025 00017\n14:05 06/15/2025 00042 CA0340000\nTXT\n`;
const HEADER = {
  mke: 'IW.QW',
  senderOri: 'CA0000000',
  switchStamp: { time: '14:05', date: '06/15/2025', seq: '00017' },
  destStamp: { time: '14:05', date: '06/15/2025', seq: '00042' },
  destOri: 'CA0340000',
};

function expectKind<K extends Reply['kind']>(r: Reply, kind: K): Extract<Reply, { kind: K }> {
  if (r.kind !== kind) throw new Error(`expected ${kind}, got ${r.kind}: ${r.kind === 'unparsed' ? r.reason : ''}`);
  return r as Extract<Reply, { kind: K }>;
}

describe('decodeReply: the samples in message-formats.md', () => {
  it('reads the verbatim ER sample, with its ORIGINAL MESSAGE section', () => {
    const r = expectKind(decodeReply(ER_SAMPLE), 'error');
    expect(r).toEqual({
      kind: 'error',
      header: {
        mke: 'ER',
        senderOri: 'NL0000000',
        switchStamp: { time: '08:00', date: '01/01/2010', seq: '01239' },
        destStamp: { time: '08:00', date: '01/01/2011', seq: '01233' },
        destOri: 'AZNLETS20',
      },
      training: false,
      raw: ER_SAMPLE,
      code: '22',
      text: 'INVALID MESSAGE FORMAT - REFER TO RQ MKE OPTIONS BELOW',
      details: ['1. LIC, LIY, LIT'],
      originalMessage: 'RQ.AZNLETS20.AZ.TXT\nLIC/123456.LIT/PC',
    });
  });

  it('reads the verbatim persons-file hit body as a wanted person hit with its caveat', () => {
    const r = expectKind(decodeReply(head('IW.QW') + PERSONS_SAMPLE_BODY), 'hit');
    expect(r.header).toEqual(HEADER);
    expect(r.caveat).toBe('WARNING-DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION...');
    expect(r.records).toEqual([
      {
        type: 'person',
        category: 'WANTED PERSON',
        fields: {
          ORI: 'CA0340000', NAM: 'SMITH, JOHN J', SEX: 'M', RAC: 'W', POB: 'TX', DOB: '19511012',
          HGT: '510', WGT: '175', EYE: 'BRO', HAI: 'BRO', FBI: '123456789', CTZ: 'US', SKN: 'DRK',
          SMT: 'SC R HND', OLN: '11111111', OLS: 'CA', OLY: '2027', DTT: '20110803', OCA: '24-001234', MIS: '...',
        },
        extra: [],
      },
    ]);
  });

  it('accepts CRLF line endings and a trailing line break', () => {
    const crlf = `${ER_SAMPLE}\n`.replace(/\n/g, '\r\n');
    const r = expectKind(decodeReply(crlf), 'error');
    expect(r.details).toEqual(['1. LIC, LIY, LIT']);
    expect(r.originalMessage).toBe('RQ.AZNLETS20.AZ.TXT\nLIC/123456.LIT/PC\n');
  });
});

describe('decodeReply: each reply kind from hand-written text', () => {
  it('NOT ON FILE is a no_record reply, with the searched fields echoed', () => {
    const r = expectKind(decodeReply(`${head('IW.QW')}MKE/NO RECORD\nRSN/NOT ON FILE NAM/SMITH, JOHN DOB/19511012`), 'no_record');
    expect(r.reason).toBe('NOT ON FILE');
    expect(r.echo).toEqual([{ code: 'NAM', value: 'SMITH, JOHN' }, { code: 'DOB', value: '19511012' }]);
  });

  it('FILE NOT AVAILABLE is a no_record reply with that reason, not a no-record answer', () => {
    const r = expectKind(decodeReply(`${head('DR')}MKE/NO RECORD\nRSN/FILE NOT AVAILABLE`), 'no_record');
    expect(r.reason).toBe('FILE NOT AVAILABLE');
  });

  it('a candidate list gives each candidate an identifier to request the record by', () => {
    const text = `${head('IH.R.QH')}MKE/CANDIDATE\nFBI/123456AB1 NAM/SMITH, JOHN DOB/19511012 SEX/M\nMKE/CANDIDATE\nSID/CA12345678 NAM/SMITH, JON DOB/19511012`;
    const r = expectKind(decodeReply(text), 'candidates');
    expect(r.candidates.map(candidateRecordKey)).toEqual([
      { code: 'FBI', value: '123456AB1' },
      { code: 'SID', value: 'CA12345678' },
    ]);
  });

  it('a candidate without FBI, SID or CII is unparsed', () => {
    expect(decodeReply(`${head('IH.R.QH')}MKE/CANDIDATE\nNAM/SMITH, JOHN`).kind).toBe('unparsed');
  });

  it('a rap sheet nests arrests, charges and dispositions, then custody and probation', () => {
    const text = `${head('IH.QR')}MKE/CRIMINAL HISTORY
CII/A12345678 NAM/SMITH, JOHN J DOB/19511012 SEX/M
MKE/ARREST
DOA/20100101 AGY/CA0340000 OCA/10-1
MKE/CHARGE
CNT/01 CHG/PC 459 LVL/F DES/BURGLARY
MKE/DISPOSITION
DDT/20100301 DSP/CONVICTED
MKE/CHARGE
CNT/02 CHG/PC 148 LVL/M
MKE/ARREST
DOA/20150505
MKE/CUSTODY
DTE/20100310 TYP/JAIL
MKE/PROBATION
DTE/20100310 TRM/3 YEARS`;
    const r = expectKind(decodeReply(text), 'hit');
    const rap = r.records[0];
    if (rap?.type !== 'rap_sheet') throw new Error('expected a rap sheet');
    expect(rap.fields.CII).toBe('A12345678');
    expect(rap.arrests.map((a) => a.charges.map((c) => [c.fields.CHG, c.dispositions.map((d) => d.fields.DSP)]))).toEqual([
      [['PC 459', ['CONVICTED']], ['PC 148', []]],
      [],
    ]);
    expect(rap.custody[0]?.fields).toEqual({ DTE: '20100310', TYP: 'JAIL' });
    expect(rap.probation[0]?.fields).toEqual({ DTE: '20100310', TRM: '3 YEARS' });
  });

  it('a charge with no arrest before it is unparsed', () => {
    const r = decodeReply(`${head('IH.QR')}MKE/CRIMINAL HISTORY\nCII/A12345678\nMKE/CHARGE\nCHG/PC 459`);
    expect(r.kind === 'unparsed' && r.reason).toMatch(/CHARGE section does not follow an ARREST/);
  });

  it('vehicles, licences and registrations', () => {
    const text = `${head('IA.QV')}MKE/STOLEN VEHICLE\nLIC/7ABC123 LIS/CA VIN/1M8GDM9AXKP042788 XYZ/unknown field\nMKE/DRIVER LICENSE\nOLN/D1234567 STS/VALID\nMKE/REGISTRATION\nLIC/7ABC123 OWN/DOE, JANE`;
    const r = expectKind(decodeReply(text), 'hit');
    expect(r.records.map((x) => x.type)).toEqual(['vehicle', 'licence', 'registration']);
    expect(r.records[0]?.extra).toEqual([{ code: 'XYZ', value: 'unknown field' }]);
    expect(r.caveat).toBeUndefined();
  });

  it('YR hit confirmation: confirmed or not from CON/, with references', () => {
    const r = expectKind(decodeReply(`${head('YR')}MKE/HIT CONFIRMATION\nCON/Y NIC/W123456789 OCA/24-001234 ORI/NV0130000 MIS/SUBJECT STILL WANTED`), 'hit_confirmation');
    expect(r.confirmed).toBe(true);
    expect(r.fields).toEqual({ NIC: 'W123456789', OCA: '24-001234', ORI: 'NV0130000', MIS: 'SUBJECT STILL WANTED' });
    const n = expectKind(decodeReply(`${head('YR')}MKE/HIT CONFIRMATION\nCON/N NIC/W123456789`), 'hit_confirmation');
    expect(n.confirmed).toBe(false);
  });

  it('AM is an admin message whose MSG lines make its text', () => {
    const r = expectKind(decodeReply(`${head('AM')}MKE/MESSAGE\nMSG/PLEASE CALL RECORDS\nMSG/REF 24-1234`), 'admin');
    expect(r.text).toBe('PLEASE CALL RECORDS\nREF 24-1234');
  });

  it('$. switch messages carry their code and meaning, and may carry a record', () => {
    const r = expectKind(decodeReply(`${head('$.H')}${PERSONS_CAVEAT}\nMKE/MESSAGE\nMSG/DELAYED HIT\nMKE/WANTED PERSON\nNAM/SMITH, JOHN`), 'unsolicited');
    expect(r.code).toBe('H');
    expect(r.meaning).toMatch(/^Delayed hit/);
    expect(r.text).toBe('DELAYED HIT');
    expect(r.records).toHaveLength(1);
    expect(expectKind(decodeReply(`${head('$.1')}MKE/MESSAGE\nMSG/ALL FILES DOWN`), 'unsolicited').meaning).toBe('All files are out of service.');
    expect(decodeReply(`${head('$.Z')}MKE/MESSAGE\nMSG/X`).kind).toBe('unparsed');
  });

  it('the training marker sets training on every kind', () => {
    const r = decodeReply(`${head('IW.QW')}${TRAINING_MARKER_LINE}\nMKE/NO RECORD\nRSN/NOT ON FILE`);
    expect(r.kind).toBe('no_record');
    expect(r.training).toBe(true);
    expect(decodeReply(ER_SAMPLE.replace('TXT\n', `TXT\n${TRAINING_MARKER_LINE}\n`)).training).toBe(true);
    expect(decodeReply(`${head('IW.QW')}MKE/NO RECORD\nRSN/NOT ON FILE`).training).toBe(false);
  });

  it('the training marker anywhere but the first body line does not count and is unparsed', () => {
    const r = decodeReply(`${head('IW.QW')}MKE/NO RECORD\n${TRAINING_MARKER_LINE}\nRSN/NOT ON FILE`);
    expect(r.kind).toBe('unparsed');
    expect(r.training).toBe(false);
  });
});

describe('decodeReply: what it refuses', () => {
  const cases: Array<[string, string]> = [
    ['an empty string', ''],
    ['a body-less header', head('IW.QW')],
    ['a bad header line 2', 'IW.QW.CA0000000\n14:05 2025-06-15 17\n14:05 06/15/2025 00042 CA0340000\nTXT\nMKE/NO RECORD\nRSN/NOT ON FILE'],
    ['an unknown section', `${head('IW.QW')}MKE/SPACESHIP\nNAM/X`],
    ['fields before any section', `${head('IW.QW')}NAM/SMITH, JOHN\nMKE/WANTED PERSON`],
    ['free text in the body', `${head('IW.QW')}MKE/WANTED PERSON\nSUBJECT IS ARMED`],
    ['NO RECORD mixed with a record', `${head('IW.QW')}MKE/NO RECORD\nRSN/NOT ON FILE\nMKE/WANTED PERSON\nNAM/X`],
    ['an unknown no-record reason', `${head('IW.QW')}MKE/NO RECORD\nRSN/MAYBE`],
    ['a raw control character', `${head('IW.QW')}MKE/WANTED PERSON\nMIS/A\u001bB`],
    ['a malformed escape', `${head('IW.QW')}MKE/WANTED PERSON\nMIS/A\\qB`],
    ['an ER without a code line', `${head('ER')}INVALID`],
  ];
  it.each(cases)('%s is unparsed, keeping the raw text', (_name, text) => {
    const r = decodeReply(text);
    expect(r.kind).toBe('unparsed');
    expect(r.raw).toBe(text);
    expect(r.kind === 'unparsed' && r.reason.length).toBeGreaterThan(0);
  });

  it('reads bytes as UTF-8 and replaces invalid sequences instead of throwing', () => {
    const bytes = new TextEncoder().encode(`${head('IW.QW')}MKE/NO RECORD\nRSN/NOT ON FILE`);
    expect(decodeReplyBytes(bytes).kind).toBe('no_record');
    const broken = new Uint8Array([...bytes.slice(0, 10), 0xff, 0xfe, ...bytes.slice(10)]);
    expect(decodeReplyBytes(broken).kind).toBe('unparsed');
    expect(decodeReplyBytes('nope' as unknown as Uint8Array).kind).toBe('unparsed');
  });
});
