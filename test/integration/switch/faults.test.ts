// Each fault mode of the training switch, observed by a real client. Time is a ManualClock: the
// tests move it instead of sleeping. "Nothing arrived" is shown by a PING answered first.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { decodeReply } from '../../../shared/codec';
import { PROTOCOL_VERSION } from '../../../shared/wire/protocol';
import type { TrainingSwitch } from '../../../switch/server';
import type { TestClient } from './client';
import { createHarness, type Harness } from './harness';

const ORI = 'CA0349999';
const WANTED = `IW.QW.${ORI}.TXT\nNAM/DOE, JOHN.DOB/19800115`;

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.cleanup();
});

async function setup(opts: Parameters<Harness['start']>[0] = {}): Promise<{ sw: TrainingSwitch; c: TestClient; clock: ManualClock }> {
  const clock = new ManualClock();
  const sw = await h.start({ clock, ...opts });
  const c = await h.logon(sw);
  return { sw, c, clock };
}

/**
 * The next thing after the ACK. A bad frame written together with the ACK can arrive in the same
 * chunk, and FrameDecoder then reports only the error (the stream is dead either way).
 */
async function afterAck(c: TestClient): Promise<Awaited<ReturnType<TestClient['next']>>> {
  const r = await c.next();
  return r.type === 'message' && r.message.kind === 'ACK' ? c.next() : r;
}

/** Round trip: once the PONG is back, the switch has handled everything sent before the PING. */
async function pingPong(c: TestClient, seq: number): Promise<void> {
  c.send({ kind: 'PING', seq });
  expect(await c.message()).toEqual({ kind: 'PONG', seq });
}

describe('reply faults', () => {
  it('delayMs: the ACK comes at once, the RPL only when the delay has passed', async () => {
    const { sw, c, clock } = await setup();
    sw.setFaults({ delayMs: 5_000 });
    c.send({ kind: 'INQ', ref: 'DLAY-00000001', opr: 'OPR001', text: WANTED });
    expect(await c.expectKind('ACK')).toEqual({ kind: 'ACK', ref: 'DLAY-00000001' });
    await pingPong(c, 1);
    clock.advance(4_999);
    await pingPong(c, 2);
    clock.advance(1);
    expect((await c.expectKind('RPL')).ref).toBe('DLAY-00000001');
  });

  it('dropMidReply: half an RPL frame, then the connection is gone', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ dropMidReply: 1 });
    c.send({ kind: 'INQ', ref: 'DROP-00000001', opr: 'OPR001', text: WANTED });
    await c.expectKind('ACK');
    expect(await c.next()).toEqual({ type: 'closed' });
    expect(c.partialBytes).toBeGreaterThan(4);
    // the count is used up: the next connection is answered normally
    const d = await h.logon(sw);
    expect((await d.inquire('DROP-00000002', WANTED)).reply.ref).toBe('DROP-00000002');
  });

  it('garbleNext: a frame that is not UTF-8', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ garbleNext: 1 });
    c.send({ kind: 'INQ', ref: 'GARB-00000001', opr: 'OPR001', text: WANTED });
    const r = await afterAck(c);
    expect(r.type === 'frame-error' && r.error.code).toBe('FRAME_NOT_UTF8');
  });

  it('invalidMessageNext: valid UTF-8 that breaks the frame grammar', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ invalidMessageNext: 1 });
    c.send({ kind: 'INQ', ref: 'INVL-00000001', opr: 'OPR001', text: WANTED });
    await c.expectKind('ACK');
    expect((await c.next()).type).toBe('violation');
    // only one: the next reply is normal
    expect((await c.inquire('INVL-00000002', WANTED)).reply.ref).toBe('INVL-00000002');
  });

  it('oversizeNext: a frame announced larger than MAX_FRAME_BYTES', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ oversizeNext: 1 });
    c.send({ kind: 'INQ', ref: 'OVER-00000001', opr: 'OPR001', text: WANTED });
    const r = await afterAck(c);
    expect(r.type === 'frame-error' && r.error.code).toBe('FRAME_TOO_LARGE');
  });

  it('errorReplyNext: an ER reply whatever the inquiry, then normal replies', async () => {
    const { sw, c } = await setup({ faults: { errorReplyNext: 2 } });
    for (const ref of ['ERRR-00000001', 'ERRR-00000002']) {
      const { reply } = await c.inquire(ref, WANTED);
      expect(reply.training).toBe(true);
      expect(decodeReply(reply.text)).toMatchObject({ kind: 'error', code: '22', training: true });
    }
    expect(decodeReply((await c.inquire('ERRR-00000003', WANTED)).reply.text).kind).toBe('hit');
    expect(sw.stats().inquiries).toBe(3);
  });
});

describe('silence faults (for timeout tests)', () => {
  it('noAck: the inquiry is swallowed, no ACK and no RPL', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ noAck: 1 });
    c.send({ kind: 'INQ', ref: 'NACK-00000001', opr: 'OPR001', text: WANTED });
    await pingPong(c, 1);
    expect(sw.stats().inquiries).toBe(1);
    expect((await c.inquire('NACK-00000002', WANTED)).ack).toEqual({ kind: 'ACK', ref: 'NACK-00000002' });
  });

  it('noReply: ACKed but never answered', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ noReply: 1 });
    c.send({ kind: 'INQ', ref: 'NRPL-00000001', opr: 'OPR001', text: WANTED });
    await c.expectKind('ACK');
    await pingPong(c, 1);
    expect((await c.inquire('NRPL-00000002', WANTED)).reply.ref).toBe('NRPL-00000002');
  });

  it('silent: nothing at all is written, not even PONG, until it is lifted', async () => {
    const { sw, c } = await setup();
    sw.setFaults({ silent: true });
    c.send({ kind: 'PING', seq: 1 });
    c.send({ kind: 'INQ', ref: 'SLNT-00000001', opr: 'OPR001', text: WANTED });
    // Frames are handled in order: once the INQ is counted, the PING before it was handled too.
    await vi.waitFor(() => expect(sw.stats().inquiries).toBe(1));
    sw.sendUnsolicited('SHOULD NOT ARRIVE');
    sw.setFaults({ silent: false });
    await pingPong(c, 2); // no PONG 1, no UNS, no ACK or RPL came first
  });

  it('silent: a LOGON gets no answer (the client logon timer must fire)', async () => {
    const sw = await h.start({ faults: { silent: true } });
    const c = await h.connect(sw);
    // The INQ after the unanswered LOGON is a violation; its ERR proves the LOGON was read and ignored.
    c.send({ kind: 'LOGON', trm: 'TRN1', ori: ORI, opr: 'OPR001', ver: PROTOCOL_VERSION });
    c.send({ kind: 'INQ', ref: 'SLNT-00000002', opr: 'OPR001', text: WANTED });
    expect((await c.expectKind('ERR')).code).toBe('STATE');
  });
});

describe('unsolicited and timers', () => {
  it('unsolicitedEveryMs: a $.A message to every logged-on client at each interval', async () => {
    const { sw, c, clock } = await setup({ faults: { unsolicitedEveryMs: 60_000 }, keepaliveSeconds: 3600 });
    clock.advance(60_000);
    const first = await c.expectKind('UNS');
    expect(first.seq).toBe(1);
    expect(decodeReply(first.text)).toMatchObject({ kind: 'unsolicited', code: 'A', training: true });
    clock.advance(60_000);
    expect((await c.expectKind('UNS')).seq).toBe(2);
    sw.setFaults({ unsolicitedEveryMs: 0 });
    clock.advance(120_000);
    await pingPong(c, 1);
  });

  it('a connection that never logs on gets ERR LOGON_TIMEOUT', async () => {
    const clock = new ManualClock();
    const sw = await h.start({ clock, logonTimeoutMs: 10_000 });
    const c = await h.connect(sw);
    await vi.waitFor(() => expect(sw.stats().connections).toBe(1));
    clock.advance(10_000);
    expect((await c.expectKind('ERR')).code).toBe('LOGON_TIMEOUT');
    expect(await c.next()).toEqual({ type: 'closed' });
  });

  it('a session silent for three keep-alive intervals gets ERR IDLE; PINGs keep it open', async () => {
    const { c, clock } = await setup({ keepaliveSeconds: 10 });
    for (let i = 1; i <= 5; i++) {
      clock.advance(10_000);
      await pingPong(c, i);
    }
    clock.advance(30_000);
    expect((await c.expectKind('ERR')).code).toBe('IDLE');
    expect(await c.next()).toEqual({ type: 'closed' });
  });
});
