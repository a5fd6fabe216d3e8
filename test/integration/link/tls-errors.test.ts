// Every certificate and TLS failure gives its own error code, over real TLS on loopback, and none of
// them is retried in a hot loop: the link waits the backoff cap and its status shows the error.

import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import type { CletsLink, LinkErrorCode, LinkStatus } from '../../../electron/services/link';
import { makeLink } from './helpers/link';
import { makeTestPki, type TestPki } from './helpers/pki';
import type { TrainingSwitch } from '../../../switch/server';
import { startCountingProxy } from './helpers/counting-proxy';
import { startSwitch } from './helpers/training-switch';
import { hasError, isConnected, waitForStatus } from './helpers/wait';

let pki: TestPki;
let tmp: string;
const cleanup: Array<() => Promise<void> | void> = [];
const DAY = 86_400_000;

beforeAll(async () => {
  pki = await makeTestPki();
  tmp = mkdtempSync(path.join(tmpdir(), 'link-tls-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

type Pem = { cert: string; key: string };
type TlsLimits = { minVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'; maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'; ciphers?: string };

interface Served {
  sw: TrainingSwitch;
  /** The port the link connects to: a counting proxy in front of the switch. */
  port: number;
  tcpConnections(): number;
}

/** The real training switch behind a counting proxy (to prove that local checks never connect). */
async function serve(serverPem: Pem, tls?: TlsLimits): Promise<Served> {
  const sw = await startSwitch(pki, { serverPem, ...(tls ? { tls } : {}) });
  cleanup.push(() => sw.close());
  const proxy = await startCountingProxy(sw.port);
  cleanup.push(() => proxy.close());
  return { sw, port: proxy.port, tcpConnections: proxy.connections };
}

function linkTo(port: number, overrides: Parameters<typeof makeLink>[2] = {}): { link: CletsLink; clock: ManualClock } {
  const made = makeLink(pki, port, overrides);
  cleanup.push(() => made.link.stop());
  return { link: made.link, clock: made.clock as ManualClock };
}

/** Starts the link, waits for the failure, and checks it waits the cap (60 s) before one more attempt. */
async function expectFailure(link: CletsLink, clock: ManualClock, code: LinkErrorCode): Promise<LinkStatus> {
  link.start();
  const status = await waitForStatus(link, hasError(code), code);
  expect(status.state).toBe('failed');
  expect(status.error!.message.length).toBeLessThanOrEqual(500);
  expect(status.error!.message).not.toMatch(/routines|ssl3_|:error:/);
  expect(Date.parse(status.nextAttemptAt!) - clock.now()).toBe(60_000);
  return status;
}

describe('TLS and certificate failures', () => {
  it('connects with the agency CA, the right host name and TLS 1.2+ (control case)', async () => {
    const served = await serve(pki.switch);
    const { link } = linkTo(served.port);
    link.start();
    const status = await waitForStatus(link, isConnected);
    expect(status).toMatchObject({ training: true, switchName: 'CLETS-TRAINING' });
    expect(served.sw.stats().connections).toBe(1);
  });

  it('TLS_UNTRUSTED_SWITCH: the switch certificate is from another CA', async () => {
    const sw = await serve(pki.switchOtherCa);
    const { link, clock } = linkTo(sw.port);
    const status = await expectFailure(link, clock, 'TLS_UNTRUSTED_SWITCH');
    expect(status.error!.message).toMatch(/not issued by the agency's certificate authority/);
    expect(sw.sw.stats().connections).toBe(0); // no session with it
    // Not a hot loop: nothing until the cap, then exactly one more attempt.
    clock.advance(59_999);
    expect(sw.tcpConnections()).toBe(1);
    clock.advance(1);
    await waitForStatus(link, (s) => s.state === 'failed' && Date.parse(s.nextAttemptAt!) - clock.now() === 60_000 && sw.tcpConnections() === 2);
  });

  it('TLS_UNTRUSTED_SWITCH: the link pins a CA that did not issue the switch certificate (system store not used)', async () => {
    const sw = await serve(pki.switch);
    const { link, clock } = linkTo(sw.port, { ca: pki.otherCa.cert });
    await expectFailure(link, clock, 'TLS_UNTRUSTED_SWITCH');
  });

  it('TLS_SWITCH_CERT_EXPIRED: the switch certificate has expired', async () => {
    const sw = await serve(pki.switchExpired);
    const { link, clock } = linkTo(sw.port);
    const status = await expectFailure(link, clock, 'TLS_SWITCH_CERT_EXPIRED');
    expect(status.error!.message).toMatch(/expired certificate/);
  });

  it('TLS_HOSTNAME_MISMATCH: the certificate does not name the switch we asked for', async () => {
    const sw = await serve(pki.switch);
    const { link, clock } = linkTo(sw.port, { servername: 'switch.agency.example' });
    const status = await expectFailure(link, clock, 'TLS_HOSTNAME_MISMATCH');
    expect(status.error!.message).toContain('"switch.agency.example"');

    const wrong = await serve(pki.switchWrongName);
    const other = linkTo(wrong.port);
    await expectFailure(other.link, other.clock, 'TLS_HOSTNAME_MISMATCH');
  });

  it('TLS_PROTOCOL_TOO_OLD: the switch offers only TLS 1.1', async () => {
    const sw = await serve(pki.switch, { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    const { link, clock } = linkTo(sw.port);
    const status = await expectFailure(link, clock, 'TLS_PROTOCOL_TOO_OLD');
    expect(status.error!.message).toMatch(/TLS 1\.2/);
  });

  for (const version of ['TLSv1.3', 'TLSv1.2'] as const) {
    it(`TLS_CLIENT_CERT_REJECTED: the switch refuses a client certificate from another CA (${version})`, async () => {
      const sw = await serve(pki.switch, { maxVersion: version });
      const { link, clock } = linkTo(sw.port, { cert: pki.clientOtherCa.cert, key: pki.clientOtherCa.key });
      const status = await expectFailure(link, clock, 'TLS_CLIENT_CERT_REJECTED');
      expect(status.error!.message).toMatch(/refused this workstation's certificate/);
      expect(sw.sw.stats()).toEqual({ connections: 0, inquiries: 0 });
    });

    it(`TLS_CLIENT_CERT_REJECTED: the switch refuses an expired client certificate that the local clock still accepts (${version})`, async () => {
      const sw = await serve(pki.switch, { maxVersion: version });
      // This workstation's clock is 10 days behind, so the local check passes; the switch's does not.
      const { link, clock } = linkTo(sw.port, { cert: pki.clientExpired.cert, key: pki.clientExpired.key, clock: new ManualClock(Date.now() - 10 * DAY) });
      await expectFailure(link, clock, 'TLS_CLIENT_CERT_REJECTED');
    });
  }

  it('CERT_INVALID: an expired workstation certificate is caught before connecting, with its expiry date', async () => {
    const sw = await serve(pki.switch);
    const { link, clock } = linkTo(sw.port, { cert: pki.clientExpired.cert, key: pki.clientExpired.key });
    const status = await expectFailure(link, clock, 'CERT_INVALID');
    expect(status.error!.message).toMatch(/expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(sw.tcpConnections()).toBe(0);
  });

  it('CERT_MISSING: the workstation certificate file is missing, caught before connecting', async () => {
    const sw = await serve(pki.switch);
    const missing = path.join(tmp, 'workstation.crt');
    const { link, clock } = linkTo(sw.port, { cert: { path: missing }, key: pki.client.key });
    const status = await expectFailure(link, clock, 'CERT_MISSING');
    expect(status.error!.message).toContain(missing);
    expect(sw.tcpConnections()).toBe(0);
  });

  it('CONNECT_REFUSED: nothing listens; backs off, then connects once the switch is up on that port', async () => {
    const probe = await startSwitch(pki);
    const port = probe.port;
    await probe.close();
    const { link, clock } = linkTo(port);
    link.start();
    const status = await waitForStatus(link, hasError('CONNECT_REFUSED'));
    expect(status.state).toBe('reconnecting');
    expect(Date.parse(status.nextAttemptAt!) - clock.now()).toBe(1_000);
    clock.advance(1_000);
    const again = await waitForStatus(link, (s) => s.state === 'reconnecting' && Date.parse(s.nextAttemptAt!) - clock.now() === 2_000);
    expect(again.error?.code).toBe('CONNECT_REFUSED');
    const sw = await startSwitch(pki, { port });
    cleanup.push(() => sw.close());
    clock.advance(2_000);
    await waitForStatus(link, isConnected);
  });

  it('CONNECT_TIMEOUT: the switch accepts TCP but never completes TLS', async () => {
    const sockets: Socket[] = [];
    const server: NetServer = createNetServer((s) => sockets.push(s));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    cleanup.push(() => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const port = (server.address() as { port: number }).port;
    const { link, clock } = linkTo(port, { connectTimeoutMs: 10_000 });
    const accepted = once(server, 'connection');
    link.start();
    await accepted;
    clock.advance(9_999);
    expect(link.status().state).toBe('connecting');
    clock.advance(1);
    const status = await waitForStatus(link, hasError('CONNECT_TIMEOUT'));
    expect(status.state).toBe('reconnecting');
    expect(status.error!.message).toMatch(/within 10 seconds/);
  });
});
