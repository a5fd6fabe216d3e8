// "Integration tests run the link against the training switch for every message key": each inquiry
// kind is encoded by the codec, sent through the link over mutual TLS, answered by the training
// switch, and its reply decoded by the codec; the decoded kind is asserted. ER and `$.` unsolicited
// messages are covered too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply, encodeInquiry, formatReply, REPLY_MKE, type Inquiry, type InquiryKind, type Reply } from '../../../shared/codec';
import { replyHeader } from '../../../switch/replies';
import type { TrainingSwitch } from '../../../switch/server';
import type { CletsLink, UnsolicitedMessage } from '../../../electron/services/link';
import { makeLink, OPERATOR, ORI } from './helpers/link';
import { makeTestPki } from './helpers/pki';
import { startSwitch } from './helpers/training-switch';
import { isConnected, waitForStatus } from './helpers/wait';

let sw: TrainingSwitch;
let link: CletsLink;

beforeAll(async () => {
  const pki = await makeTestPki();
  sw = await startSwitch(pki);
  link = makeLink(pki, sw.port).link;
  link.start();
  await waitForStatus(link, isConnected);
});
afterAll(async () => {
  await link.stop();
  await sw.close();
});

const history = { purpose: 'C', attention: 'DET SMITH 24-001234' } as const;

function cases(): Array<[InquiryKind, Inquiry, Reply['kind']]> {
  const wanted = sw.dataset.fixedPerson('wanted');
  const rap = sw.dataset.fixedPerson('rapSheet');
  const stolen = sw.dataset.fixedVehicle('stolenVehicle');
  const registered = sw.dataset.fixedVehicle('registered');
  const want = wanted.wants[0]!;
  return [
    ['ca_history_name', { kind: 'ca_history_name', ori: ORI, nam: rap.name, dob: rap.dob, sex: rap.sex, ...history }, 'hit'],
    ['ca_history_cii', { kind: 'ca_history_cii', ori: ORI, cii: rap.rapSheet!.cii, ...history }, 'hit'],
    // III QH answers with the index: candidates to request with QR.
    ['iii_name', { kind: 'iii_name', ori: ORI, nam: rap.name, dob: rap.dob, sex: rap.sex, ...history }, 'candidates'],
    ['iii_record', { kind: 'iii_record', ori: ORI, fbi: rap.rapSheet!.fbi!, ...history }, 'hit'],
    ['wanted_person', { kind: 'wanted_person', ori: ORI, nam: wanted.name, dob: wanted.dob, sex: wanted.sex }, 'hit'],
    ['stolen_vehicle', { kind: 'stolen_vehicle', ori: ORI, lic: stolen.plate, lis: stolen.plateState }, 'hit'],
    ['dmv_licence_oln', { kind: 'dmv_licence_oln', ori: ORI, oln: rap.licence!.oln }, 'hit'],
    ['dmv_licence_name', { kind: 'dmv_licence_name', ori: ORI, nam: rap.name, dob: rap.dob }, 'hit'],
    ['dmv_registration_plate', { kind: 'dmv_registration_plate', ori: ORI, lic: registered.plate }, 'hit'],
    ['dmv_registration_vin', { kind: 'dmv_registration_vin', ori: ORI, vin: registered.vin }, 'hit'],
    ['nlets_licence', { kind: 'nlets_licence', ori: ORI, destinations: ['NV'], nam: 'NOBODY, NOT ANYONE', dob: '19700101', sex: 'M' }, 'no_record'],
    ['nlets_registration', { kind: 'nlets_registration', ori: ORI, destinations: ['NV'], lic: 'ZZZ9999', liy: 'NX', lit: 'PC' }, 'no_record'],
    ['nlets_history_index', { kind: 'nlets_history_index', ori: ORI, destinations: ['NV'], nam: rap.name, dob: rap.dob, sex: rap.sex, ...history }, 'no_record'],
    ['nlets_history_record', { kind: 'nlets_history_record', ori: ORI, destinations: ['NV'], fbi: rap.rapSheet!.fbi!, ...history }, 'no_record'],
    [
      'hit_confirmation_request',
      { kind: 'hit_confirmation_request', ori: ORI, destinations: [want.ori], rty: 'W', rno: '1', pri: 'U', oca: want.oca, nic: want.nic },
      'hit_confirmation',
    ],
    ['admin_message', { kind: 'admin_message', ori: ORI, destinations: ['CA0340400'], text: 'PLEASE CALL DISPATCH' }, 'admin'],
  ];
}

describe('every message key through the link and the training switch', () => {
  it('covers every inquiry kind of the codec', () => {
    expect(new Set(cases().map(([k]) => k))).toEqual(new Set(Object.keys(REPLY_MKE)));
  });

  it.each(Object.keys(REPLY_MKE) as InquiryKind[])('%s', async (kind) => {
    const [, inquiry, expected] = cases().find(([k]) => k === kind)!;
    const reply = await link.send(encodeInquiry(inquiry), { operator: OPERATOR });
    const decoded = decodeReply(reply.text);
    expect(reply.training).toBe(true);
    expect(decoded.training).toBe(true);
    expect(decoded.kind, JSON.stringify(decoded).slice(0, 600)).toBe(expected);
    if (decoded.kind !== 'unparsed') expect(decoded.header.mke).toBe(REPLY_MKE[kind]);
  });

  it('ER: a malformed inquiry is answered with an error reply', async () => {
    const reply = await link.send(`IW.QW.${ORI}.TXT\nNAM/DOE`, { operator: OPERATOR });
    expect(decodeReply(reply.text)).toMatchObject({ kind: 'error', training: true });
  });

  it('$. unsolicited: an administrative message and a delayed hit reach onUnsolicited and decode', async () => {
    const got: UnsolicitedMessage[] = [];
    const two = new Promise<void>((resolve) => link.onUnsolicited((m) => (got.push(m), got.length === 2 && resolve())));
    sw.sendUnsolicited('TRAINING NOTICE');
    const ctx = { destOri: ORI, now: new Date(), seq: 1, today: '20260101' };
    sw.sendUnsolicited(formatReply({ kind: 'unsolicited', header: replyHeader('$.H', ctx), training: true, code: 'H', text: 'DELAYED HIT', records: [] }));
    await two;
    expect(got.map((m) => decodeReply(m.text))).toMatchObject([
      { kind: 'unsolicited', code: 'A' },
      { kind: 'unsolicited', code: 'H' },
    ]);
  });
});
