// The link against the real training switch (switch/server.ts) and its fault modes, over mutual TLS
// on loopback. Both sides take a ManualClock where timing matters: nothing sleeps.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeReply } from '../../../shared/codec';
import { ManualClock } from '../../../electron/services/clock';
import type { CletsLink, LinkError, UnsolicitedMessage } from '../../../electron/services/link';
import type { TrainingSwitch } from '../../../switch/server';
import { makeLink, OPERATOR } from './helpers/link';
import { makeTestPki, type TestPki } from './helpers/pki';
import { startSwitch, type SwitchOverrides } from './helpers/training-switch';
import { hasError, isConnected, waitForStatus } from './helpers/wait';

const WANTED = 'IW.QW.CA0340000.TXT\nNAM/DOE, JOHN Q.DOB/19800115.SEX/M.RPC/C';

let pki: TestPki;
const cleanup: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  pki = await makeTestPki();
});
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function serve(overrides: SwitchOverrides = {}): Promise<TrainingSwitch> {
  const sw = await startSwitch(pki, overrides);
  cleanup.push(() => sw.close());
  return sw;
}

async function connectedLink(sw: TrainingSwitch, overrides: Parameters<typeof makeLink>[2] = {}): Promise<{ link: CletsLink; clock: ManualClock }> {
  const made = makeLink(pki, sw.port, overrides);
  cleanup.push(() => made.link.stop());
  made.link.start();
  await waitForStatus(made.link, isConnected);
  return { link: made.link, clock: made.clock as ManualClock };
}

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: unknown) => e as LinkError);

describe('link against the training switch', () => {
  it('logs on (training, switch name) and gets a decodable training reply', async () => {
    const sw = await serve();
    const { link } = await connectedLink(sw);
    expect(link.status()).toMatchObject({ state: 'connected', training: true, switchName: 'CLETS-TRAINING' });
    const reply = await link.send(WANTED, { operator: OPERATOR });
    expect(reply.training).toBe(true);
    expect(decodeReply(reply.text)).toMatchObject({ kind: 'hit', training: true });
    expect(reply.ackedAt).not.toBeNull();
    expect(sw.stats()).toEqual({ connections: 1, inquiries: 1 });
  });

  it('delay fault -> INQUIRY_TIMEOUT on the link clock, the inquiry sent once', async () => {
    const sw = await serve({ faults: { delayMs: 3_600_000 } });
    const { link, clock } = await connectedLink(sw, { inquiryTimeoutMs: 5_000 });
    const p = failure(link.send(WANTED, { operator: OPERATOR }));
    await waitUntil(() => sw.stats().inquiries === 1);
    clock.advance(5_000);
    expect(await p).toMatchObject({ code: 'INQUIRY_TIMEOUT' });
    expect(link.inFlight()).toBe(0);
    expect(link.status().state).toBe('connected');
  });

  it('connection dropped mid-reply -> CONNECTION_LOST; after reconnecting the inquiry is NOT re-sent', async () => {
    const sw = await serve({ faults: { dropMidReply: 1 } });
    const { link, clock } = await connectedLink(sw);
    const err = await failure(link.send(WANTED, { operator: OPERATOR }));
    expect(err).toMatchObject({ code: 'CONNECTION_LOST', message: expect.stringMatching(/not sent again/) });
    const status = await waitForStatus(link, hasError('CONNECTION_LOST'));
    expect(status.state).toBe('reconnecting');
    clock.advance(1_000);
    await waitForStatus(link, isConnected);
    expect(sw.stats()).toEqual({ connections: 1, inquiries: 1 }); // received exactly once
    await link.send(WANTED, { operator: OPERATOR }); // the operator asks again
    expect(sw.stats().inquiries).toBe(2);
  });

  for (const [fault, label] of [
    ['garbleNext', 'a frame that is not UTF-8'],
    ['oversizeNext', 'an oversize frame'],
    ['invalidMessageNext', 'a frame off the grammar'],
  ] as const) {
    it(`${label} -> PROTOCOL_VIOLATION, connection dropped and re-established`, async () => {
      const sw = await serve({ faults: { [fault]: 1 } });
      const { link, clock } = await connectedLink(sw);
      const err = await failure(link.send(WANTED, { operator: OPERATOR }));
      expect(err).toMatchObject({ code: 'PROTOCOL_VIOLATION' });
      const status = await waitForStatus(link, hasError('PROTOCOL_VIOLATION'));
      expect(status.state).toBe('reconnecting');
      expect(status.error!.message).toMatch(/malformed message/);
      clock.advance(1_000);
      await waitForStatus(link, isConnected);
      const reply = await link.send(WANTED, { operator: OPERATOR });
      expect(decodeReply(reply.text).kind).toBe('hit');
      expect(sw.stats().inquiries).toBe(2);
    });
  }

  it('an ER reply is delivered as a reply, not as a link error', async () => {
    const sw = await serve({ faults: { errorReplyNext: 1 } });
    const { link } = await connectedLink(sw);
    const reply = await link.send(WANTED, { operator: OPERATOR });
    expect(reply.text.startsWith('ER.')).toBe(true);
    expect(decodeReply(reply.text)).toMatchObject({ kind: 'error', code: '22' });
    // An inquiry the switch cannot parse is also answered with ER.
    const bad = await link.send('IW.QW.CA0340000.TXT\nNAM/DOE', { operator: OPERATOR });
    expect(decodeReply(bad.text).kind).toBe('error');
    expect(link.status().state).toBe('connected');
  });

  it('unsolicited messages (on demand and periodic) reach onUnsolicited', async () => {
    const switchClock = new ManualClock();
    const sw = await serve({ clock: switchClock });
    const { link } = await connectedLink(sw);
    const got: UnsolicitedMessage[] = [];
    const next = () => new Promise<UnsolicitedMessage>((resolve) => {
      const off = link.onUnsolicited((m) => (off(), resolve(m)));
    });
    link.onUnsolicited((m) => got.push(m));
    let arrived = next();
    sw.sendUnsolicited('ROLL CALL AT 0800');
    const first = await arrived;
    expect(first).toMatchObject({ seq: 1, training: true });
    expect(decodeReply(first.text)).toMatchObject({ kind: 'unsolicited', code: 'A' });
    arrived = next();
    sw.setFaults({ unsolicitedEveryMs: 60_000 });
    switchClock.advance(60_000);
    expect(decodeReply((await arrived).text).kind).toBe('unsolicited');
    expect(got.map((m) => m.seq)).toEqual([1, 2]);
  });

  it('silent switch: LOGON never answered -> CONNECT_TIMEOUT', async () => {
    const sw = await serve({ faults: { silent: true } });
    const made = makeLink(pki, sw.port, { connectTimeoutMs: 8_000 });
    cleanup.push(() => made.link.stop());
    const clock = made.clock as ManualClock;
    made.link.start();
    await waitUntil(() => sw.stats().connections === 1);
    clock.advance(8_000);
    const status = await waitForStatus(made.link, hasError('CONNECT_TIMEOUT'));
    expect(status.state).toBe('reconnecting');
  });

  it('silent switch after logon: missed pong drops the connection; pending inquiry fails CONNECTION_LOST', async () => {
    const sw = await serve({ keepaliveSeconds: 10 });
    const { link, clock } = await connectedLink(sw, { pongTimeoutMs: 5_000, inquiryTimeoutMs: 60_000 });
    sw.setFaults({ silent: true });
    const p = failure(link.send(WANTED, { operator: OPERATOR }));
    await waitUntil(() => sw.stats().inquiries === 1);
    clock.advance(10_000); // PING
    clock.advance(5_000); // no PONG
    expect(await p).toMatchObject({ code: 'CONNECTION_LOST' });
    const status = await waitForStatus(link, hasError('CONNECTION_LOST'));
    expect(status.error!.message).toMatch(/keep-alive/);
  });

  it('reconnects after the switch restarts on the same port', async () => {
    const first = await startSwitch(pki);
    const port = first.port;
    const { link, clock } = await connectedLink(first);
    await link.send(WANTED, { operator: OPERATOR });
    await first.close();
    const lost = await waitForStatus(link, hasError('CONNECTION_LOST'));
    expect(lost.state).toBe('reconnecting');
    expect(link.status().training).toBe(true); // the TRAINING banner stays up while reconnecting
    await expect(link.send(WANTED, { operator: OPERATOR })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    const second = await serve({ port });
    clock.advance(1_000);
    await waitForStatus(link, isConnected);
    const reply = await link.send(WANTED, { operator: OPERATOR });
    expect(decodeReply(reply.text).kind).toBe('hit');
    expect(second.stats()).toEqual({ connections: 1, inquiries: 1 });
  });

  it('LOGON_REFUSED when the switch does not allow this ORI; status failed, retried at the cap', async () => {
    const sw = await serve({ allowedOris: ['CA0190000'] });
    const made = makeLink(pki, sw.port);
    cleanup.push(() => made.link.stop());
    made.link.start();
    const status = await waitForStatus(made.link, hasError('LOGON_REFUSED'));
    expect(status.state).toBe('failed');
    expect(status.error!.message).toMatch(/CA0340000 is not authorized.*code ORI/);
    expect(Date.parse(status.nextAttemptAt!) - made.clock.now()).toBe(60_000);
  });

  it('stop() logs off: the switch closes the session, pending inquiries fail with LINK_STOPPED', async () => {
    const sw = await serve({ faults: { noReply: 1 } });
    const { link } = await connectedLink(sw);
    const p = failure(link.send(WANTED, { operator: OPERATOR }));
    await waitUntil(() => sw.stats().inquiries === 1);
    await link.stop();
    expect(await p).toMatchObject({ code: 'LINK_STOPPED' });
    await waitUntil(() => sw.stats().connections === 0);
    expect(link.status()).toMatchObject({ state: 'disconnected' });
  });
});

/** Polls a condition on each turn of the event loop (no timers), with a generous guard. */
async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met');
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
