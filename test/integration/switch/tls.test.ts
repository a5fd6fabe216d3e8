// Mutual TLS at the switch: only a workstation certificate from the training CA gets a session,
// TLS is 1.2 or later, and the switch's certificate names the loopback host.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../shared/wire/protocol';
import { generateCa, issueCertificate, type Pem } from '../../../switch/pki';
import type { TrainingSwitch } from '../../../switch/server';
import type { TestClient } from './client';
import { createHarness, type Harness } from './harness';

let h: Harness;
let sw: TrainingSwitch;
let otherCaClient: Pem;

beforeAll(async () => {
  h = await createHarness();
  sw = await h.start();
  const other = await generateCa({ commonName: 'Some Other Agency CA' });
  otherCaClient = await issueCertificate(other, { commonName: 'intruder', usage: 'client' });
});

afterAll(async () => {
  await h.cleanup();
});

/**
 * The switch must never give this client a session. With TLS 1.3 the client may finish its side of
 * the handshake before the server rejects its certificate, so a refusal shows either as a failed
 * connect or as an alert and a close right after it; never as LOGON-OK.
 */
async function expectRefused(connect: () => Promise<TestClient>): Promise<void> {
  let client: TestClient;
  try {
    client = await connect();
  } catch (err) {
    expect((err as NodeJS.ErrnoException).code).toMatch(/^(ERR_SSL_|ECONNRESET|EPIPE)/);
    return;
  }
  client.send({ kind: 'LOGON', trm: 'TRN1', ori: 'CA0349999', opr: 'OPR001', ver: PROTOCOL_VERSION });
  expect(await client.next()).toEqual({ type: 'closed' });
  // The close may come with a TLS alert error or as a plain end of stream, depending on timing.
  if (client.error) expect((client.error as NodeJS.ErrnoException).code).toMatch(/^(ERR_SSL_|ECONNRESET|EPIPE)/);
}

describe('client authentication', () => {
  it('accepts the workstation certificate from the training CA', async () => {
    const c = await h.connect(sw);
    expect(c.socket.authorized).toBe(true);
    expect(['TLSv1.2', 'TLSv1.3']).toContain(c.socket.getProtocol());
    await c.logon();
  });

  it('refuses a client without a certificate', async () => {
    await expectRefused(() => h.connect(sw, { cert: undefined, key: undefined }));
  });

  it('refuses a client certificate from another CA', async () => {
    await expectRefused(() => h.connect(sw, { cert: otherCaClient.cert, key: otherCaClient.key }));
  });

  it('refuses an expired client certificate from the training CA', async () => {
    const expired = await issueCertificate(h.pki.ca, {
      commonName: 'expired-workstation',
      usage: 'client',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    });
    await expectRefused(() => h.connect(sw, { cert: expired.cert, key: expired.key }));
  });

  it('refuses a certificate issued for servers only, used as a client certificate', async () => {
    const serverOnly = await issueCertificate(h.pki.ca, { commonName: 'not-a-client', usage: 'server', dnsNames: ['localhost'] });
    await expectRefused(() => h.connect(sw, { cert: serverOnly.cert, key: serverOnly.key }));
  });
});

describe('server authentication and protocol version', () => {
  it('presents a certificate for localhost, 127.0.0.1 and ::1 from the training CA', async () => {
    const c = await h.connect(sw, { servername: 'localhost' });
    const peer = new X509Certificate(c.socket.getPeerX509Certificate()!.raw);
    expect(peer.checkHost('localhost')).toBe('localhost');
    expect(peer.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(peer.checkIP('::1')).toBeTruthy();
    expect(peer.verify(new X509Certificate(h.pki.ca.cert).publicKey)).toBe(true);
  });

  it('a client verifying the host name refuses a switch certificate for another host', async () => {
    const wrongHost = await issueCertificate(h.pki.ca, { commonName: 'elsewhere', dnsNames: ['switch.example.invalid'], usage: 'server' });
    const bad = await h.start({ pki: { ca: h.pki.ca.cert, cert: wrongHost.cert, key: wrongHost.key } });
    await expect(h.connect(bad, { servername: 'localhost' })).rejects.toMatchObject({ code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
  });

  it('a client trusting only the training CA refuses a switch from another CA', async () => {
    const other = await generateCa({ commonName: 'Rogue Switch CA' });
    const rogue = await issueCertificate(other, { commonName: 'rogue', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' });
    const bad = await h.start({ pki: { ca: h.pki.ca.cert, cert: rogue.cert, key: rogue.key } });
    await expect(h.connect(bad)).rejects.toMatchObject({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('refuses a client that offers only TLS 1.1', async () => {
    await expect(h.connect(sw, { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' })).rejects.toMatchObject({
      code: expect.stringMatching(/^ERR_SSL_/),
    });
  });

  it('can run as a TLS 1.1-only switch for client tests, which a default client refuses', async () => {
    const old = await h.start({ tls: { minVersion: 'TLSv1.1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' } });
    await expect(h.connect(old)).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_SSL_/) });
    const legacy = await h.connect(old, { minVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    expect(legacy.socket.getProtocol()).toBe('TLSv1.1');
  });
});
