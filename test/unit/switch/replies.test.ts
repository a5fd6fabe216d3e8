// What the training switch answers, inquiry text in, reply text out, read back with the codec's
// decodeReply: structure decides the kind, every reply is training-marked, hostile text survives
// as text inside its field.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeReply,
  encodeInquiry,
  TRAINING_MARKER_LINE,
  type HitReply,
  type Inquiry,
  type Reply,
} from '../../../shared/codec';
import { createDataset, hostileRecords, type Dataset } from '../../../switch/dataset';
import { ReplyCache, respondToInquiry, type ReplyContext } from '../../../switch/replies';

const ORI = 'CA0349999';
let ds: Dataset;
let seq = 0;

beforeAll(() => {
  ds = createDataset();
});

function ctx(): ReplyContext {
  return { destOri: ORI, now: new Date(2026, 10, 23, 9, 30), seq: ++seq, today: '20261123' };
}

function ask(text: string): Reply {
  const raw = respondToInquiry(ds, text, ORI, ctx());
  expect(raw.split('\n')[4]).toBe(TRAINING_MARKER_LINE);
  const reply = decodeReply(raw);
  expect(reply.training).toBe(true);
  return reply;
}

function askInquiry(inq: Inquiry): Reply {
  return ask(encodeInquiry(inq, { today: '20261123' }));
}

const hitRecords = (r: Reply) => {
  expect(r.kind).toBe('hit');
  return (r as HitReply).records;
};

describe('persons', () => {
  it('IW.QW on the wanted subject is a WANTED PERSON hit with the caveat', () => {
    const r = askInquiry({ kind: 'wanted_person', ori: ORI, nam: 'DOE, JOHN', dob: '19800115' });
    expect(r.header?.mke).toBe('IW.QW');
    expect((r as HitReply).caveat).toMatch(/^WARNING-/);
    const [rec] = hitRecords(r);
    expect(rec).toMatchObject({ type: 'person', category: 'WANTED PERSON', fields: { NIC: 'W000000001', NAM: 'DOE, JOHN Q' } });
  });

  it('IW.QW by OLN and by FBI number find the same want', () => {
    const byOln = hitRecords(askInquiry({ kind: 'wanted_person', ori: ORI, oln: 'T0000001', ols: 'CA' }));
    const byFbi = hitRecords(askInquiry({ kind: 'wanted_person', ori: ORI, fbi: '000001TR1' }));
    expect(byOln[0]).toMatchObject({ fields: { NIC: 'W000000001' } });
    expect(byFbi[0]).toMatchObject({ fields: { NIC: 'W000000001' } });
  });

  it('IW.QW on a person without a want is NOT ON FILE, echoing the search', () => {
    const r = askInquiry({ kind: 'wanted_person', ori: ORI, nam: 'CLEAN, CARL', dob: '19700704' });
    expect(r).toMatchObject({ kind: 'no_record', reason: 'NOT ON FILE' });
    expect(r.kind === 'no_record' && r.echo).toContainEqual({ code: 'NAM', value: 'CLEAN, CARL' });
  });

  it('missing persons and protection orders come back in their own categories', () => {
    expect(hitRecords(askInquiry({ kind: 'wanted_person', ori: ORI, nam: 'MISSING, MARY', dob: '20080601' }))[0]).toMatchObject({ category: 'MISSING PERSON' });
    expect(hitRecords(askInquiry({ kind: 'wanted_person', ori: ORI, nam: 'ORDER, OSCAR', sex: 'M' }))[0]).toMatchObject({ category: 'PROTECTION ORDER' });
  });

  it('a want whose remarks say NOT ON FILE is still a hit', () => {
    const [rec] = hitRecords(askInquiry({ kind: 'wanted_person', ori: ORI, nam: 'KEYWORD, KATE', dob: '19880808' }));
    expect(rec).toMatchObject({ category: 'WANTED PERSON' });
    expect(rec!.type === 'person' && rec!.fields.MIS).toContain('NOT ON FILE');
  });
});

describe('criminal history', () => {
  const purpose = { purpose: 'C', attention: 'DET JONES 4411' } as const;

  it('IH.QH on a common name gives a candidate list', () => {
    const r = askInquiry({ kind: 'ca_history_name', ori: ORI, nam: 'SMITH, JOHN', sex: 'M', ...purpose });
    expect(r.kind).toBe('candidates');
    expect(r.kind === 'candidates' && r.candidates.length).toBeGreaterThanOrEqual(8);
  });

  it('IH.QH on one subject and IH.QR by CII give the rap sheet', () => {
    const byName = hitRecords(askInquiry({ kind: 'ca_history_name', ori: ORI, nam: 'ROE, JANE', dob: '19850322', ...purpose }));
    const byCii = hitRecords(askInquiry({ kind: 'ca_history_cii', ori: ORI, cii: 'T00000002', ...purpose }));
    for (const records of [byName, byCii]) {
      const rap = records[0]!;
      expect(rap.type).toBe('rap_sheet');
      if (rap.type !== 'rap_sheet') return;
      expect(rap.fields.CII).toBe('T00000002');
      expect(rap.arrests).toHaveLength(3);
      expect(rap.arrests[1]!.charges[0]!.dispositions[0]!.fields.DSP).toBe('CONVICTED');
      expect(rap.custody.length).toBeGreaterThan(0);
      expect(rap.probation.length).toBeGreaterThan(0);
    }
  });

  it('III: IH.R.QH always lists candidates; IH.R.QR by FBI or SID gives the record', () => {
    const index = askInquiry({ kind: 'iii_name', ori: ORI, nam: 'ROE, JANE', dob: '19850322', sex: 'F', ...purpose });
    expect(index.kind === 'candidates' && index.candidates[0]!.fields.FBI).toBe('000002TR2');
    expect(hitRecords(askInquiry({ kind: 'iii_record', ori: ORI, fbi: '000002TR2', ...purpose }))[0]!.type).toBe('rap_sheet');
    expect(hitRecords(askInquiry({ kind: 'iii_record', ori: ORI, sid: 'CA00000002', ...purpose }))[0]!.type).toBe('rap_sheet');
  });

  it('a person without a record is NOT ON FILE', () => {
    expect(askInquiry({ kind: 'ca_history_name', ori: ORI, nam: 'CLEAN, CARL', dob: '19700704', ...purpose }).kind).toBe('no_record');
  });

  it('Nlets IQ / FQ answer for CA and say NOT ON FILE for other states', () => {
    expect(askInquiry({ kind: 'nlets_history_record', ori: ORI, destinations: ['CA'], fbi: '000002TR2', ...purpose }).kind).toBe('hit');
    expect(askInquiry({ kind: 'nlets_history_record', ori: ORI, destinations: ['NV'], fbi: '000002TR2', ...purpose }).kind).toBe('no_record');
    expect(askInquiry({ kind: 'nlets_history_index', ori: ORI, destinations: ['CA', 'AZ'], nam: 'ROE, JANE', dob: '19850322', sex: 'F', ...purpose }).kind).toBe('candidates');
  });
});

describe('DMV and vehicles', () => {
  it('ID.L1 gives the licence; a confidential address is withheld (VC 1808.4)', () => {
    const [clean] = hitRecords(askInquiry({ kind: 'dmv_licence_oln', ori: ORI, oln: 'T0000003' }));
    expect(clean).toMatchObject({ type: 'licence', fields: { OLN: 'T0000003', STS: 'VALID' } });
    expect(clean!.type === 'licence' && clean!.fields.ADR).toContain('FRESNO');

    const [hidden] = hitRecords(askInquiry({ kind: 'dmv_licence_name', ori: ORI, nam: 'PROTECTED, PAT', dob: '19750909' }));
    expect(hidden!.type === 'licence' && hidden!.fields.ADR).toBe('CONFIDENTIAL - VC 1808.4');
    const raw = respondToInquiry(ds, encodeInquiry({ kind: 'dmv_licence_oln', ori: ORI, oln: 'T0000004' }), ORI, ctx());
    expect(raw).not.toContain('HIDDEN CT');
  });

  it('never sends a confidential address, residence or mailing (VC 1808.4), in licence or registration replies', () => {
    let checked = 0;
    let withMailing = 0;
    for (let id = ds.fixedPersonCount; checked < 60; id++) {
      const p = ds.person(id);
      if (!p.confidentialAddress) continue;
      checked += 1;
      const texts = [
        ...(p.licence ? [`ID.L1.${ORI}.TXT\nOLN/${p.licence.oln}`] : []),
        ...ds.vehiclesOwnedBy(id).map((v) => `IV.4V.${ORI}.TXT\nVIN/${ds.vehicle(v).vin}`),
      ];
      for (const text of texts) {
        const raw = respondToInquiry(ds, text, ORI, ctx());
        expect(raw).toContain('CONFIDENTIAL - VC 1808.4');
        expect(raw).not.toContain(p.address.street);
        if (p.mailingAddress) expect(raw).not.toContain(p.mailingAddress.street);
      }
      if (p.mailingAddress) withMailing += 1;
    }
    expect(withMailing).toBeGreaterThan(0);
  });

  it('an expired licence is reported EXPIRED', () => {
    expect(hitRecords(askInquiry({ kind: 'dmv_licence_oln', ori: ORI, oln: 'T0000009' }))[0]).toMatchObject({ fields: { STS: 'EXPIRED' } });
  });

  it('IA.QV on the stolen plate and VIN is a STOLEN VEHICLE hit; a registered car is NOT ON FILE', () => {
    const stolen = ds.fixedVehicle('stolenVehicle');
    expect(hitRecords(askInquiry({ kind: 'stolen_vehicle', ori: ORI, lic: '1TRN001', lis: 'CA' }))[0]).toMatchObject({ category: 'STOLEN VEHICLE', fields: { NIC: 'V000000001' } });
    expect(hitRecords(askInquiry({ kind: 'stolen_vehicle', ori: ORI, vin: stolen.vin }))[0]).toMatchObject({ category: 'STOLEN VEHICLE' });
    expect(askInquiry({ kind: 'stolen_vehicle', ori: ORI, lic: '1TRN002', lis: 'CA' }).kind).toBe('no_record');
    expect(hitRecords(askInquiry({ kind: 'stolen_vehicle', ori: ORI, lic: '1TRN005', lis: 'CA' }))[0]).toMatchObject({ category: 'STOLEN PLATE' });
    expect(hitRecords(askInquiry({ kind: 'stolen_vehicle', ori: ORI, lic: '1TRN007', lis: 'NV' }))[0]).toMatchObject({ category: 'FELONY VEHICLE' });
  });

  it('IV.4L gives the registration with the owner; a remark that reads like a want stays a remark', () => {
    const [reg] = hitRecords(askInquiry({ kind: 'dmv_registration_plate', ori: ORI, lic: '1TRN002' }));
    expect(reg).toMatchObject({ type: 'registration', fields: { OWN: 'ROE, JANE A', STS: 'CURRENT' } });
    const trap = hitRecords(askInquiry({ kind: 'dmv_registration_plate', ori: ORI, lic: '1TRN006' }));
    expect(trap.map((r) => r.type)).toEqual(['registration']);
    expect(trap[0]!.type === 'registration' && trap[0]!.fields.MIS).toContain('MKE/WANTED PERSON');
    expect(hitRecords(askInquiry({ kind: 'dmv_registration_plate', ori: ORI, lic: '1TRN003' }))[0]).toMatchObject({ fields: { STS: 'EXPIRED' } });
    expect(hitRecords(askInquiry({ kind: 'dmv_registration_vin', ori: ORI, vin: ds.fixedVehicle('registered').vin }))[0]).toMatchObject({ fields: { LIC: '1TRN002' } });
  });

  it('Nlets RQ answers from the destination state; DQ from CA', () => {
    expect(askInquiry({ kind: 'nlets_registration', ori: ORI, destinations: ['NV'], lic: '1TRN007', liy: '2028', lit: 'PC' }).kind).toBe('hit');
    expect(askInquiry({ kind: 'nlets_registration', ori: ORI, destinations: ['AZ'], lic: '1TRN007', liy: '2028', lit: 'PC' }).kind).toBe('no_record');
    expect(askInquiry({ kind: 'nlets_licence', ori: ORI, destinations: ['CA'], oln: 'T0000002' }).kind).toBe('hit');
    expect(askInquiry({ kind: 'nlets_licence', ori: ORI, destinations: ['OR'], oln: 'T0000002' }).kind).toBe('no_record');
  });
});

describe('hit confirmation and administrative messages', () => {
  it('YQ with the right NIC and OCA is confirmed; a wrong OCA or NIC is not', () => {
    const base = { kind: 'hit_confirmation_request' as const, ori: ORI, destinations: ['CA0340400'], rno: '1' as const, pri: 'U' as const };
    const yes = askInquiry({ ...base, rty: 'W', oca: '24-001234', nic: 'W000000001' });
    expect(yes).toMatchObject({ kind: 'hit_confirmation', confirmed: true, fields: { NAM: 'DOE, JOHN Q', ORI: 'CA0340400' } });
    expect(yes.header?.mke).toBe('YR');
    expect(askInquiry({ ...base, rty: 'W', oca: 'WRONG-1', nic: 'W000000001' })).toMatchObject({ kind: 'hit_confirmation', confirmed: false });
    expect(askInquiry({ ...base, rty: 'W', oca: '24-001234', nic: 'W999999999' })).toMatchObject({ confirmed: false });
    expect(askInquiry({ ...base, rty: 'V', oca: '25-004321', nic: 'V000000001' })).toMatchObject({ confirmed: true, fields: { LIC: '1TRN001' } });
  });

  it('AM is acknowledged with the text echoed', () => {
    const r = askInquiry({ kind: 'admin_message', ori: ORI, destinations: ['CA0340400'], text: 'PLEASE CALL DISPATCH' });
    expect(r.kind).toBe('admin');
    expect(r.kind === 'admin' && r.text).toContain('PLEASE CALL DISPATCH');
  });
});

describe('errors', () => {
  it.each([
    ['a name without a comma', '22', 'IW.QW.CA0349999.TXT\nNAM/DOE.DOB/19800115'],
    ['an impossible date of birth', '05', 'IW.QW.CA0349999.TXT\nNAM/DOE, JOHN.DOB/19801345'],
    ['an unknown message key', '01', 'XX.CA0349999.TXT\nNAM/DOE, JOHN'],
    ['a missing required field', '14', 'ID.L1.CA0349999.TXT\n'],
    ['no TXT at all', '03', 'IW.QW.CA0349999.NAM/DOE, JOHN'],
  ])('%s is answered ER .%s.', (_what, code, text) => {
    const r = ask(text);
    expect(r).toMatchObject({ kind: 'error', code });
    expect(r.kind === 'error' && r.originalMessage).toBe(text);
  });

  it('an inquiry sent under another agency’s ORI is refused with ER .01.', () => {
    const r = ask('IW.QW.CA0340000.TXT\nNAM/DOE, JOHN.DOB/19800115');
    expect(r).toMatchObject({ kind: 'error', code: '01' });
  });
});

describe('hostile records', () => {
  it('every hostile payload comes back intact, as the value of its field, in a structurally decided reply', () => {
    for (const h of hostileRecords(ds)) {
      const q = h.query;
      const text =
        h.shownBy[0] === 'IW.QW'
          ? `IW.QW.${ORI}.TXT\nNAM/${q.nam}.DOB/${q.dob}`
          : h.shownBy[0] === 'ID.L1'
            ? `ID.L1.${ORI}.TXT\nOLN/${q.oln}`
            : h.shownBy[0] === 'IH.QR'
              ? `IH.QR.${ORI}.TXT\nCII/${q.cii}.PUR/C.ATN/TRAINING`
              : h.shownBy[0] === 'IA.QV'
                ? `IA.QV.${ORI}.TXT\nLIC/${q.lic}.LIS/${q.lis}`
                : `IV.4L.${ORI}.TXT\nLIC/${q.lic}`;
      const records = hitRecords(ask(text));
      const values = records.flatMap((r) => {
        const own = [...Object.values(r.fields as Record<string, string>), ...r.extra.map((e) => e.value)];
        return own;
      });
      // The payload is the whole value, or part of it where the switch composes the value
      // (ADR: street, city, ZIP; AKA: aliases joined; MIS of a registration: a VC 1808.4 note first).
      expect(values, `${h.kind} ${h.id} ${h.field}`).toContainEqual(expect.stringContaining(h.payload));
      if (h.field === 'MIS' && h.kind === 'person') expect(values).toContain(h.payload);
      const types = new Set(records.map((r) => r.type));
      expect(types.size).toBe(1); // a hostile string never adds or changes a record section
    }
  });
});

describe('reply cache', () => {
  it('gives exactly the reply written fresh, with the new time, date and sequence number', () => {
    const cache = new ReplyCache(8);
    const texts = [
      `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`,
      `ID.L1.${ORI}.TXT\nOLN/T0000004`,
      `IH.QR.${ORI}.TXT\nCII/T00000002.PUR/C.ATN/DET JONES`,
      `IW.QW.${ORI}.TXT\nNAM/DOE.DOB/19800115`,
      `IW.QW.CA0340000.TXT\nNAM/DOE, JOHN.DOB/19800115`,
    ];
    for (const text of texts) cache.respond(ds, text, ORI, ctx());
    for (const [i, text] of texts.entries()) {
      const later: ReplyContext = { destOri: ORI, now: new Date(2026, 10, 24, 17, 5 + i), seq: 40_000 + i, today: '20261123' };
      expect(cache.respond(ds, text, ORI, later)).toBe(respondToInquiry(ds, text, ORI, later));
    }
    expect(cache.hits).toBe(texts.length);
  });

  it('keys on the terminal ORI and the date, and stays bounded', () => {
    const cache = new ReplyCache(2);
    const text = `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`;
    cache.respond(ds, text, ORI, ctx());
    expect(decodeReply(cache.respond(ds, text, 'CA0340000', ctx())).kind).toBe('error');
    cache.respond(ds, text, ORI, { ...ctx(), today: '20261124' });
    expect(cache.size).toBe(2);
    expect(cache.hits).toBe(0);
  });
});
