// The link's session behaviour against a scripted switch over real mutual TLS on loopback:
// logon, round trip, references, timeouts, keep-alive, logoff, in-flight cap, not-connected.

import { once } from 'node:events';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../../shared/wire/frame';
import { MESSAGE_REF } from '../../../shared/wire/protocol';
import { ManualClock } from '../../../electron/services/clock';
import type { CletsLink, LinkStatus, UnsolicitedMessage } from '../../../electron/services/link';
import { makeLink, OPERATOR, ORI, TERMINAL } from './helpers/link';
import { makeTestPki, type TestPki } from './helpers/pki';
import { startScriptedSwitch, type ScriptedSwitch } from './helpers/scripted-switch';
import { hasError, isConnected, waitForStatus } from './helpers/wait';

let pki: TestPki;
const cleanup: Array<() => Promise<void>> = [];

beforeAll(async () => {
  pki = await makeTestPki();
});

afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function scripted(opts: Partial<Parameters<typeof startScriptedSwitch>[0]> = {}): Promise<ScriptedSwitch> {
  const sw = await startScriptedSwitch({ ca: pki.ca.cert, cert: pki.switch.cert, key: pki.switch.key, ...opts });
  cleanup.push(() => sw.close());
  return sw;
}

function linkTo(sw: ScriptedSwitch, overrides: Parameters<typeof makeLink>[2] = {}): { link: CletsLink; clock: ManualClock } {
  const made = makeLink(pki, sw.port, overrides);
  cleanup.push(() => made.link.stop());
  return { link: made.link, clock: made.clock as ManualClock };
}

describe('link session (scripted switch)', () => {
  it('logs on as the workstation and completes a round trip with a unique reference', async () => {
    const sw = await scripted();
    const { link } = linkTo(sw);
    const statuses: LinkStatus[] = [];
    link.onStatus((s) => statuses.push(s));
    link.start();
    const connected = await waitForStatus(link, isConnected);
    expect(connected).toMatchObject({ state: 'connected', training: true, switchName: 'SCRIPTED' });
    expect(connected).not.toHaveProperty('error');
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'connected']);
    expect(sw.received[0]).toEqual({ kind: 'LOGON', trm: TERMINAL, ori: ORI, opr: TERMINAL, ver: '1' });

    const reply = await link.send('QW.CA0340000.NAM/DOE, JOHN.DOB/19800101', { operator: OPERATOR });
    const inq = sw.received.find((m) => m.kind === 'INQ');
    expect(inq).toMatchObject({ kind: 'INQ', opr: OPERATOR, text: 'QW.CA0340000.NAM/DOE, JOHN.DOB/19800101' });
    expect(reply.ref).toBe((inq as { ref: string }).ref);
    expect(reply.ref).toMatch(MESSAGE_REF);
    expect(reply.ref.startsWith(`${TERMINAL}-`)).toBe(true);
    expect(reply).toMatchObject({ text: 'ECHO QW.CA0340000.NAM/DOE, JOHN.DOB/19800101', training: true });
    for (const t of [reply.sentAt, reply.ackedAt, reply.repliedAt]) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const second = await link.send('QV.CA0340000.LIC/ABC123', { operator: OPERATOR });
    expect(second.ref).not.toBe(reply.ref);
  });

  it('uses a configured logon operator, and each inquiry carries its own operator', async () => {
    const sw = await scripted();
    const { link } = linkTo(sw, { logonOperator: 'WSPLACE' });
    link.start();
    await waitForStatus(link, isConnected);
    expect(sw.received[0]).toMatchObject({ kind: 'LOGON', opr: 'WSPLACE' });
    await link.send('AM.CA0340000.TXT', { operator: 'ALICE01' });
    await link.send('AM.CA0340000.TXT', { operator: 'BOB02' });
    expect(sw.received.filter((m) => m.kind === 'INQ').map((m) => (m as { opr: string }).opr)).toEqual(['ALICE01', 'BOB02']);
    await expect(link.send('AM.CA0340000.TXT', { operator: 'bad op!' })).rejects.toMatchObject({ code: 'INVALID_INQUIRY' });
    await expect(link.send('', { operator: OPERATOR })).rejects.toMatchObject({ code: 'INVALID_INQUIRY' });
    await expect(link.send('A'.repeat(MAX_FRAME_BYTES + 1), { operator: OPERATOR })).rejects.toMatchObject({ code: 'INVALID_INQUIRY' });
    expect(link.inFlight()).toBe(0);
    expect(link.status().state).toBe('connected');
    expect(sw.received.filter((m) => m.kind === 'INQ')).toHaveLength(2);
  });

  it('drops a reply with an unknown reference instead of delivering it to a waiting inquiry', async () => {
    const held: Array<{ ref: string; text: string }> = [];
    const sw = await scripted({
      onInquiry: (conn, inq) => {
        conn.send({ kind: 'ACK', ref: inq.ref });
        held.push(inq);
        // A reply for someone else's reference arrives first.
        conn.send({ kind: 'RPL', ref: 'OTHER01-20260101000000-0001-AAAA', training: true, text: 'NOT YOURS' });
        conn.send({ kind: 'UNS', seq: 1, training: true, text: '$.A MARKER' });
      },
    });
    const { link } = linkTo(sw);
    link.start();
    await waitForStatus(link, isConnected);
    const marker = new Promise<void>((resolve) => link.onUnsolicited(() => resolve()));
    let settled = false;
    const pending = link.send('QW.CA0340000.NAM/DOE, JOHN', { operator: OPERATOR }).finally(() => {
      settled = true;
    });
    await marker; // the stray reply was processed before this
    expect(settled).toBe(false);
    expect(link.inFlight()).toBe(1);
    sw.connections[0]!.send({ kind: 'RPL', ref: held[0]!.ref, training: true, text: 'YOURS' });
    await expect(pending).resolves.toMatchObject({ ref: held[0]!.ref, text: 'YOURS' });
    expect(link.status().state).toBe('connected');
  });

  it('fails at once with NOT_CONNECTED when not connected: nothing is queued for later', async () => {
    const sw = await scripted();
    const { link } = linkTo(sw);
    await expect(link.send('AM.CA0340000.TXT', { operator: OPERATOR })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    link.start();
    await waitForStatus(link, isConnected);
    await link.stop();
    await expect(link.send('AM.CA0340000.TXT', { operator: OPERATOR })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
    expect(sw.received.filter((m) => m.kind === 'INQ')).toHaveLength(0);
  });

  it('caps the inquiries in flight with LINK_BUSY', async () => {
    const sw = await scripted({ onInquiry: (conn, inq) => conn.send({ kind: 'ACK', ref: inq.ref }) });
    const { link } = linkTo(sw, { maxInFlight: 2 });
    link.start();
    await waitForStatus(link, isConnected);
    const a = link.send('AM.CA0340000.TXT', { operator: OPERATOR });
    const b = link.send('AM.CA0340000.TXT', { operator: OPERATOR });
    await expect(link.send('AM.CA0340000.TXT', { operator: OPERATOR })).rejects.toMatchObject({ code: 'LINK_BUSY' });
    expect(link.inFlight()).toBe(2);
    const stopped = link.stop();
    await expect(a).rejects.toMatchObject({ code: 'LINK_STOPPED' });
    await expect(b).rejects.toMatchObject({ code: 'LINK_STOPPED' });
    await stopped;
  });

  it('times an unanswered inquiry out on the injected clock and drops the late reply', async () => {
    const held: string[] = [];
    const sw = await scripted({ onInquiry: (conn, inq) => (conn.send({ kind: 'ACK', ref: inq.ref }), held.push(inq.ref)) });
    const { link, clock } = linkTo(sw, { inquiryTimeoutMs: 5_000 });
    link.start();
    await waitForStatus(link, isConnected);
    const p = link.send('QW.CA0340000.NAM/DOE, JOHN', { operator: OPERATOR });
    await sw.nextMessage('INQ');
    clock.advance(4_999);
    expect(link.inFlight()).toBe(1);
    clock.advance(1);
    await expect(p).rejects.toMatchObject({ code: 'INQUIRY_TIMEOUT', message: expect.stringMatching(/5 seconds.*not sent again/) });
    const marker = new Promise<void>((resolve) => link.onUnsolicited(() => resolve()));
    sw.connections[0]!.send({ kind: 'RPL', ref: held[0]!, training: true, text: 'LATE' });
    sw.connections[0]!.send({ kind: 'UNS', seq: 1, training: true, text: '$.A' });
    await marker;
    expect(link.status().state).toBe('connected');
    expect(sw.received.filter((m) => m.kind === 'INQ')).toHaveLength(1);
  });

  it('pings at the keep-alive interval and drops the connection when the pong does not come', async () => {
    const sw = await scripted({ answerPings: false, keepaliveSeconds: 10, onInquiry: () => undefined });
    const { link, clock } = linkTo(sw, { pongTimeoutMs: 3_000, inquiryTimeoutMs: 60_000 });
    link.start();
    await waitForStatus(link, isConnected);
    const p = link.send('AM.CA0340000.TXT', { operator: OPERATOR });
    await sw.nextMessage('INQ');
    const ping = sw.nextMessage('PING');
    clock.advance(10_000);
    expect(await ping).toEqual({ kind: 'PING', seq: 1 });
    clock.advance(3_000);
    const status = await waitForStatus(link, hasError('CONNECTION_LOST'));
    expect(status.state).toBe('reconnecting');
    expect(status.error?.message).toMatch(/keep-alive/);
    await expect(p).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
  });

  it('keeps the connection while pongs come back', async () => {
    const sw = await scripted({ keepaliveSeconds: 10 });
    const { link, clock } = linkTo(sw, { pongTimeoutMs: 3_000 });
    link.start();
    await waitForStatus(link, isConnected);
    for (let seq = 1; seq <= 3; seq++) {
      const ping = sw.nextMessage('PING');
      clock.advance(10_000);
      expect(await ping).toEqual({ kind: 'PING', seq });
      // The switch's PONG precedes this reply on the wire, so once the reply is in, the PONG was handled.
      await link.send('AM.CA0340000.TXT', { operator: OPERATOR });
    }
    clock.advance(9_999); // past the last pong timeout, before the next ping
    expect(link.status().state).toBe('connected');
    expect(sw.connections).toHaveLength(1);
    expect(sw.received.filter((m) => m.kind === 'PING')).toHaveLength(3);
  });

  it('delivers unsolicited messages to every subscriber until it unsubscribes', async () => {
    const sw = await scripted();
    const { link } = linkTo(sw);
    link.start();
    await waitForStatus(link, isConnected);
    const a: UnsolicitedMessage[] = [];
    const b: UnsolicitedMessage[] = [];
    const offA = link.onUnsolicited((m) => a.push(m));
    const gotTwo = new Promise<void>((resolve) => link.onUnsolicited((m) => (b.push(m), b.length === 2 && resolve())));
    sw.connections[0]!.send({ kind: 'UNS', seq: 7, training: true, text: '$.1\nALL FILES OUT OF SERVICE' });
    await new Promise<void>((resolve) => link.onUnsolicited(() => resolve()));
    offA();
    sw.connections[0]!.send({ kind: 'UNS', seq: 8, training: true, text: '$.2\nHOT FILES BACK IN SERVICE' });
    await gotTwo;
    expect(a.map((m) => m.seq)).toEqual([7]);
    expect(b.map((m) => m.text)).toEqual(['$.1\nALL FILES OUT OF SERVICE', '$.2\nHOT FILES BACK IN SERVICE']);
    expect(b[0]).toMatchObject({ training: true, receivedAt: expect.stringMatching(/Z$/) });
  });

  it('stop() logs off, fails pending inquiries with LINK_STOPPED and reports disconnected', async () => {
    const sw = await scripted({ onInquiry: () => undefined });
    const { link } = linkTo(sw);
    link.start();
    await waitForStatus(link, isConnected);
    const p = link.send('AM.CA0340000.TXT', { operator: OPERATOR }).catch((e: unknown) => e);
    await sw.nextMessage('INQ');
    const closed = once(sw.connections[0]!.socket, 'close');
    await link.stop();
    expect(await p).toMatchObject({ code: 'LINK_STOPPED' });
    expect(sw.received.map((m) => m.kind)).toContain('LOGOFF');
    await closed;
    expect(link.status()).toMatchObject({ state: 'disconnected', training: false });
    expect(link.status()).not.toHaveProperty('error');
    expect(link.inFlight()).toBe(0);
  });

  it('an ERR from the switch after logon ends the session with its reason; pending inquiries fail CONNECTION_LOST', async () => {
    const sw = await scripted({ onInquiry: (conn) => (conn.send({ kind: 'ERR', code: 'IDLE', reason: 'nothing received for 90 seconds' }), conn.socket.end()) });
    const { link } = linkTo(sw);
    link.start();
    await waitForStatus(link, isConnected);
    await expect(link.send('AM.CA0340000.TXT', { operator: OPERATOR })).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    const status = await waitForStatus(link, hasError('CONNECTION_LOST'));
    expect(status.error!.message).toMatch(/ended the session: nothing received for 90 seconds, code IDLE/);
  });

  it('a switch that answers LOGON with something else is a PROTOCOL_VIOLATION', async () => {
    const sw = await scripted({ onLogon: (conn) => conn.send({ kind: 'RPL', ref: 'SAC1WS01-20260101000000-0001-AAAA', training: true, text: 'EARLY' }) });
    const { link } = linkTo(sw);
    link.start();
    const status = await waitForStatus(link, hasError('PROTOCOL_VIOLATION'));
    expect(status.error!.message).toMatch(/RPL before logon/);
  });

  it('LOGON_REFUSED: status failed with the reason, retried only at the backoff cap', async () => {
    const sw = await scripted({ onLogon: (conn) => conn.send({ kind: 'LOGON-REFUSED', code: 'TRM-UNKNOWN', reason: 'Terminal not registered' }) });
    const { link, clock } = linkTo(sw);
    link.start();
    const status = await waitForStatus(link, hasError('LOGON_REFUSED'));
    expect(status.state).toBe('failed');
    expect(status.error?.message).toMatch(/Terminal not registered \(code TRM-UNKNOWN\)/);
    expect(Date.parse(status.nextAttemptAt!) - clock.now()).toBe(60_000);
    clock.advance(59_999);
    expect(sw.connections).toHaveLength(1);
    const next = sw.nextConnection();
    clock.advance(1);
    await next;
  });
});
