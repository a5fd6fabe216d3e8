// The workstation protocol against a real training switch over mutual TLS (docs/wire-protocol.md):
// LOGON, INQ -> ACK + RPL (TRAINING=1), keep-alive, LOGOFF, unsolicited messages, and every
// protocol violation answered by ERR and a closed connection.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeReply, TRAINING_MARKER_LINE } from '../../../shared/codec';
import { encodeFrame, MAX_FRAME_BYTES } from '../../../shared/wire/frame';
import { PROTOCOL_VERSION } from '../../../shared/wire/protocol';
import type { TrainingSwitch } from '../../../switch/server';
import { createHarness, refs, type Harness } from './harness';

const ORI = 'CA0349999';
const WANTED = `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`;

let h: Harness;
let sw: TrainingSwitch;

beforeAll(async () => {
  h = await createHarness();
  sw = await h.start();
});

afterAll(async () => {
  await h.cleanup();
});

describe('a session', () => {
  it('logs on: LOGON-OK says training, the keep-alive interval and the switch name', async () => {
    const c = await h.connect(sw);
    c.send({ kind: 'LOGON', trm: 'TRN1', ori: ORI, opr: 'OPR001', ver: PROTOCOL_VERSION });
    const ok = await c.expectKind('LOGON-OK');
    expect(ok).toMatchObject({ training: true, keepaliveSeconds: 30, switchName: 'CLETS-TRAINING' });
    expect(ok.session).toMatch(/^[0-9A-F]{16}$/);
  });

  it('answers an inquiry with ACK then RPL, both carrying its REF, the reply training-marked', async () => {
    const c = await h.logon(sw);
    const { ack, reply } = await c.inquire('SESS-00000001', WANTED);
    expect(ack).toEqual({ kind: 'ACK', ref: 'SESS-00000001' });
    expect(reply.ref).toBe('SESS-00000001');
    expect(reply.training).toBe(true);
    expect(reply.text.split('\n')[4]).toBe(TRAINING_MARKER_LINE);
    const decoded = decodeReply(reply.text);
    expect(decoded).toMatchObject({ kind: 'hit', training: true });
    expect(decoded.header?.destOri).toBe(ORI);
  });

  it('answers invalid inquiry text with an ER reply (not a protocol error)', async () => {
    const c = await h.logon(sw);
    const { reply } = await c.inquire('SESS-00000002', `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19801345`);
    expect(decodeReply(reply.text)).toMatchObject({ kind: 'error', code: '05', training: true });
    // the session goes on
    const next = await c.inquire('SESS-00000003', WANTED);
    expect(decodeReply(next.reply.text).kind).toBe('hit');
  });

  it('answers pipelined inquiries in order, every one ACKed and answered once', async () => {
    const c = await h.logon(sw);
    const next = refs('PIPE');
    const sent: string[] = [];
    for (let i = 0; i < 200; i++) {
      const ref = next();
      sent.push(ref);
      c.send({ kind: 'INQ', ref, opr: 'OPR001', text: i % 2 ? WANTED : `IA.QV.${ORI}.TXT\nLIC/1TRN001.LIS/CA` });
    }
    const acks: string[] = [];
    const replies: string[] = [];
    while (replies.length < 200) {
      const m = await c.message();
      if (m.kind === 'ACK') acks.push(m.ref);
      else if (m.kind === 'RPL') {
        expect(acks).toContain(m.ref);
        replies.push(m.ref);
      } else throw new Error(`unexpected ${m.kind}`);
    }
    expect(acks).toEqual(sent);
    expect(replies).toEqual(sent);
  });

  it('holds back a client that does not read, then delivers every reply when it does', async () => {
    const own = await h.start();
    const c = await h.logon(own);
    c.socket.pause();
    const next = refs('SLOW');
    const total = 20_000; // ~15 MB of replies: more than the socket buffers hold
    const sent: string[] = [];
    for (let i = 0; i < total; i++) {
      const ref = next();
      sent.push(ref);
      c.send({ kind: 'INQ', ref, opr: 'OPR001', text: WANTED });
    }
    await vi.waitFor(() => expect(own.stats().inquiries).toBeGreaterThan(0));
    c.socket.resume();
    const replies: string[] = [];
    while (replies.length < total) {
      const m = await c.message();
      if (m.kind === 'RPL') replies.push(m.ref);
      else expect(m.kind).toBe('ACK');
    }
    expect(replies).toEqual(sent);
    expect(own.stats().inquiries).toBe(total);
  });

  it('answers PING with PONG of the same sequence number', async () => {
    const c = await h.logon(sw);
    c.send({ kind: 'PING', seq: 41 });
    expect(await c.expectKind('PONG')).toEqual({ kind: 'PONG', seq: 41 });
  });

  it('accepts the client acknowledging a reply', async () => {
    const c = await h.logon(sw);
    await c.inquire('SESS-00000004', WANTED);
    c.send({ kind: 'ACK', ref: 'SESS-00000004' });
    c.send({ kind: 'PING', seq: 1 });
    expect(await c.expectKind('PONG')).toEqual({ kind: 'PONG', seq: 1 });
  });

  it('logs off: LOGOFF-OK, then the switch closes the connection', async () => {
    const c = await h.logon(sw);
    c.send({ kind: 'LOGOFF' });
    await c.expectKind('LOGOFF-OK');
    expect(await c.next()).toEqual({ type: 'closed' });
  });

  it('delivers unsolicited $. messages to every logged-on client, numbered per session', async () => {
    const own = await h.start();
    const a = await h.logon(own);
    const b = await h.logon(own);
    const idle = await h.connect(own); // not logged on: gets nothing
    await vi.waitFor(() => expect(own.stats().connections).toBe(3));
    own.sendUnsolicited('ALL FILES BACK IN SERVICE');
    own.sendUnsolicited('$.2.CA0000000\n10:00 11/23/2026 00001\n10:00 11/23/2026 00001 CA0349999\nTXT\n' + TRAINING_MARKER_LINE);
    for (const c of [a, b]) {
      const first = await c.expectKind('UNS');
      expect(first).toMatchObject({ seq: 1, training: true });
      expect(decodeReply(first.text)).toMatchObject({ kind: 'unsolicited', code: 'A', text: 'ALL FILES BACK IN SERVICE', training: true });
      const second = await c.expectKind('UNS');
      expect(second.seq).toBe(2);
      expect(decodeReply(second.text)).toMatchObject({ kind: 'unsolicited', code: '2' });
    }
    idle.send({ kind: 'LOGON', trm: 'TRN2', ori: ORI, opr: 'OPR002', ver: PROTOCOL_VERSION });
    await idle.expectKind('LOGON-OK'); // and not an UNS first
  });

  it('counts open connections and inquiries', async () => {
    const own = await h.start();
    const c = await h.logon(own);
    await c.inquire('STAT-00000001', WANTED);
    await c.inquire('STAT-00000002', WANTED);
    expect(own.stats()).toEqual({ connections: 1, inquiries: 2 });
    await c.close();
    await vi.waitFor(() => expect(own.stats().connections).toBe(0));
  });
});

describe('LOGON refused', () => {
  it.each([
    ['a non-California ORI', { ori: 'NV0020100', ver: PROTOCOL_VERSION }, 'ORI'],
    ['the switch’s own ORI', { ori: 'CA0000000', ver: PROTOCOL_VERSION }, 'ORI'],
    ['another protocol version', { ori: ORI, ver: '2' }, 'VERSION'],
  ])('for %s, then closed', async (_what, fields, code) => {
    const c = await h.connect(sw);
    c.send({ kind: 'LOGON', trm: 'TRN1', opr: 'OPR001', ...fields });
    const refused = await c.expectKind('LOGON-REFUSED');
    expect(refused.code).toBe(code);
    expect(refused.reason.length).toBeGreaterThan(0);
    expect(await c.next()).toEqual({ type: 'closed' });
  });

  it('when the switch only allows listed ORIs', async () => {
    const strict = await h.start({ allowedOris: ['CA0340400'] });
    const c = await h.connect(strict);
    c.send({ kind: 'LOGON', trm: 'TRN1', ori: ORI, opr: 'OPR001', ver: PROTOCOL_VERSION });
    expect((await c.expectKind('LOGON-REFUSED')).code).toBe('ORI');
    const ok = await h.connect(strict);
    await ok.logon('CA0340400');
  });
});

describe('protocol violations: ERR, then the connection is closed', () => {
  async function expectErr(c: Awaited<ReturnType<Harness['connect']>>, code: string): Promise<void> {
    const err = await c.expectKind('ERR');
    expect(err.code).toBe(code);
    expect(err.reason.length).toBeGreaterThan(0);
    expect(await c.next()).toEqual({ type: 'closed' });
  }

  it('an inquiry before LOGON', async () => {
    const c = await h.connect(sw);
    c.send({ kind: 'INQ', ref: 'VIOL-00000001', opr: 'OPR001', text: WANTED });
    await expectErr(c, 'STATE');
  });

  it('a second LOGON', async () => {
    const c = await h.logon(sw);
    c.send({ kind: 'LOGON', trm: 'TRN1', ori: ORI, opr: 'OPR001', ver: PROTOCOL_VERSION });
    await expectErr(c, 'STATE');
  });

  it('a frame off the grammar', async () => {
    const c = await h.logon(sw);
    c.sendText('HELLO SWITCH');
    await expectErr(c, 'PROTOCOL');
  });

  it('a LOGON with a malformed ORI', async () => {
    const c = await h.connect(sw);
    c.sendText('LOGON TRM=TRN1 ORI=SACRAMENTO OPR=OPR001 VER=1');
    await expectErr(c, 'PROTOCOL');
  });

  it('an INQ without a REF or without a body', async () => {
    const c = await h.logon(sw);
    c.sendText(`INQ OPR=OPR001\n${WANTED}`);
    await expectErr(c, 'PROTOCOL');
    const d = await h.logon(sw);
    d.sendText('INQ REF=VIOL-00000002 OPR=OPR001');
    await expectErr(d, 'PROTOCOL');
  });

  it('a REF used twice on one session (at-most-once)', async () => {
    const c = await h.logon(sw);
    await c.inquire('DUPE-00000001', WANTED);
    c.send({ kind: 'INQ', ref: 'DUPE-00000001', opr: 'OPR001', text: WANTED });
    await expectErr(c, 'DUPLICATE_REF');
  });

  it('a frame that is not UTF-8', async () => {
    const c = await h.logon(sw);
    c.sendRaw(new Uint8Array([0, 0, 0, 4, 0x50, 0xc3, 0x28, 0xff]));
    await expectErr(c, 'FRAME');
  });

  it('a frame announced larger than MAX_FRAME_BYTES', async () => {
    const c = await h.logon(sw);
    const header = new Uint8Array(4);
    new DataView(header.buffer).setUint32(0, MAX_FRAME_BYTES + 1, false);
    c.sendRaw(header);
    await expectErr(c, 'FRAME');
  });

  it('an empty frame', async () => {
    const c = await h.connect(sw);
    c.sendRaw(new Uint8Array([0, 0, 0, 0]));
    await expectErr(c, 'FRAME');
  });

  it('a frame split across many writes is still one frame', async () => {
    const c = await h.logon(sw);
    const bytes = encodeFrame('PING SEQ=7');
    for (const b of bytes) c.sendRaw(new Uint8Array([b]));
    expect(await c.expectKind('PONG')).toEqual({ kind: 'PONG', seq: 7 });
  });
});

describe('hostile records over the wire', () => {
  it('every hostile string arrives inside a well-formed, training-marked reply', async () => {
    const c = await h.logon(sw);
    const next = refs('HOST');
    for (const r of h.dataset.hostileRecords()) {
      const q = r.query;
      const text = r.kind === 'person' ? `IW.QW.${ORI}.TXT\nNAM/${q.nam}.DOB/${q.dob}` : `IV.4L.${ORI}.TXT\nLIC/${q.lic}`;
      const { reply } = await c.inquire(next(), text);
      expect(reply.training).toBe(true);
      const decoded = decodeReply(reply.text);
      expect(decoded.kind, reply.text).not.toBe('unparsed');
      expect(decoded.training).toBe(true);
    }
  });
});
