// Training PKI: certificates chain to the training CA, carry the right names and usages, honour
// their validity dates, and the private keys on disk are readable by the owner only.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTrainingPki, generateCa, issueCertificate, type CertificateAuthority } from '../../../switch/pki';

const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const DAY = 86_400_000;

let tmp: string;
let ca: CertificateAuthority;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'clets-pki-'));
  ca = await generateCa({ commonName: 'Test CA' });
});

afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

const mode = async (file: string) => (await fs.stat(file)).mode & 0o777;

describe('generateCa / issueCertificate', () => {
  it('makes a CA and leaves that chain to it, with PKCS#8 keys that match', async () => {
    const caCert = new X509Certificate(ca.cert);
    expect(caCert.ca).toBe(true);
    expect(caCert.subject).toContain('CN=Test CA');
    expect(ca.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(caCert.checkPrivateKey(createPrivateKey(ca.key))).toBe(true);

    const server = await issueCertificate(ca, { commonName: 'srv', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1', '::1'], usage: 'server' });
    const cert = new X509Certificate(server.cert);
    expect(cert.ca).toBe(false);
    expect(cert.verify(caCert.publicKey)).toBe(true);
    expect(cert.checkIssued(caCert)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(server.key))).toBe(true);
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.subjectAltName).toMatch(/IP Address:(0:0:0:0:0:0:0:1|::1)/);
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(cert.keyUsage).toEqual([SERVER_AUTH]);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('issues client certificates for client authentication only', async () => {
    const client = await issueCertificate(ca, { commonName: 'ws', usage: 'client' });
    const cert = new X509Certificate(client.cert);
    expect(cert.keyUsage).toEqual([CLIENT_AUTH]);
    expect(cert.subjectAltName).toBeUndefined();
  });

  it('also signs from a CA loaded back from PEM', async () => {
    const leaf = await issueCertificate({ cert: ca.cert, key: ca.key }, { commonName: 'again', usage: 'client' });
    expect(new X509Certificate(leaf.cert).verify(new X509Certificate(ca.cert).publicKey)).toBe(true);
  });

  it('honours the validity dates (an expired certificate stays expired)', async () => {
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2020-06-01T00:00:00Z');
    const expired = await issueCertificate(ca, { commonName: 'old', usage: 'client', notBefore, notAfter });
    const cert = new X509Certificate(expired.cert);
    expect(new Date(cert.validFrom).getTime()).toBe(notBefore.getTime());
    expect(new Date(cert.validTo).getTime()).toBe(notAfter.getTime());
    await expect(issueCertificate(ca, { commonName: 'x', usage: 'client', notBefore: notAfter, notAfter: notBefore })).rejects.toThrow();
  });

  it('a certificate from another CA does not chain to this one', async () => {
    const other = await generateCa({ commonName: 'Other CA' });
    const leaf = await issueCertificate(other, { commonName: 'ws', usage: 'client' });
    expect(new X509Certificate(leaf.cert).verify(new X509Certificate(ca.cert).publicKey)).toBe(false);
  });
});

describe('ensureTrainingPki', () => {
  it('generates on first run with private keys 0600 in a 0700 directory, then loads', async () => {
    const dir = path.join(tmp, 'first');
    const pki = await ensureTrainingPki(dir);
    expect(pki.generated).toBe(true);
    expect(await mode(dir)).toBe(0o700);
    for (const key of [pki.paths.caKey, pki.paths.switchKey, pki.paths.workstationKey]) expect(await mode(key)).toBe(0o600);
    for (const cert of [pki.paths.caCert, pki.paths.switchCert, pki.paths.workstationCert]) expect(await mode(cert)).toBe(0o644);
    expect(await fs.readFile(pki.paths.switchKey, 'utf8')).toBe(pki.switch.key);

    const caCert = new X509Certificate(pki.ca.cert);
    const server = new X509Certificate(pki.switch.cert);
    const workstation = new X509Certificate(pki.workstation.cert);
    expect(server.verify(caCert.publicKey)).toBe(true);
    expect(workstation.verify(caCert.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBeTruthy();
    expect(server.keyUsage).toEqual([SERVER_AUTH]);
    expect(workstation.keyUsage).toEqual([CLIENT_AUTH]);

    const again = await ensureTrainingPki(dir);
    expect(again.generated).toBe(false);
    expect(again.ca).toEqual(pki.ca);
    expect(again.switch).toEqual(pki.switch);
    expect(again.workstation).toEqual(pki.workstation);
  });

  it('tightens a directory that was created too open', async () => {
    const dir = path.join(tmp, 'open');
    await fs.mkdir(dir, { mode: 0o755 });
    await fs.chmod(dir, 0o755);
    await ensureTrainingPki(dir);
    expect(await mode(dir)).toBe(0o700);
  });

  it('regenerates when a file is missing', async () => {
    const dir = path.join(tmp, 'missing');
    const first = await ensureTrainingPki(dir);
    await fs.rm(first.paths.workstationKey);
    const second = await ensureTrainingPki(dir);
    expect(second.generated).toBe(true);
    expect(second.reason).toBe('missing workstation.key');
    expect(second.ca.cert).not.toBe(first.ca.cert);
    expect(await mode(second.paths.workstationKey)).toBe(0o600);
  });

  it('regenerates when a certificate is corrupt or does not match its key', async () => {
    const dir = path.join(tmp, 'corrupt');
    const first = await ensureTrainingPki(dir);
    await fs.writeFile(first.paths.switchCert, '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    const second = await ensureTrainingPki(dir);
    expect(second.generated).toBe(true);
    expect(second.reason).toBe('corrupt switch.crt');

    await fs.writeFile(second.paths.switchKey, second.workstation.key, { mode: 0o600 });
    const third = await ensureTrainingPki(dir);
    expect(third.generated).toBe(true);
    expect(third.reason).toBe('switch.crt does not match its key');
  });

  it('regenerates when the certificates have expired', async () => {
    const dir = path.join(tmp, 'expiry');
    const first = await ensureTrainingPki(dir);
    const later = new Date(Date.now() + 3 * 365 * DAY); // leaves last 2 years
    const second = await ensureTrainingPki(dir, { now: later });
    expect(second.generated).toBe(true);
    expect(second.reason).toMatch(/^expired /);
    const fresh = new X509Certificate(second.switch.cert);
    expect(new Date(fresh.validTo).getTime()).toBeGreaterThan(later.getTime());
    expect(second.switch.cert).not.toBe(first.switch.cert);
    // and the set generated for that date is kept while it is valid
    expect((await ensureTrainingPki(dir, { now: later })).generated).toBe(false);
  });

  it('serializes concurrent calls on one directory', async () => {
    const dir = path.join(tmp, 'concurrent');
    const [a, b, c] = await Promise.all([ensureTrainingPki(dir), ensureTrainingPki(dir), ensureTrainingPki(dir)]);
    expect([a.generated, b.generated, c.generated]).toEqual([true, false, false]);
    expect(b.ca).toEqual(a.ca);
    expect(c.workstation).toEqual(a.workstation);
  });
});
