import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCa, issueCertificate, type CertificateAuthority, type Pem } from '../../../switch/pki';
import { loadCredentials } from '../../../electron/services/link/credentials';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 12, 0, 0);

let ca: CertificateAuthority;
let client: Pem;
let other: Pem;
let dir: string;

beforeAll(async () => {
  ca = await generateCa({ commonName: 'Agency CA', notBefore: new Date(T0 - DAY), notAfter: new Date(T0 + 365 * DAY) });
  client = await issueCertificate(ca, { commonName: 'WS01', usage: 'client', notBefore: new Date(T0 - DAY), notAfter: new Date(Date.UTC(2026, 11, 31, 23, 59, 0)) });
  other = await issueCertificate(ca, { commonName: 'WS02', usage: 'client', notBefore: new Date(T0 - DAY), notAfter: new Date(T0 + 30 * DAY) });
  dir = mkdtempSync(path.join(tmpdir(), 'link-creds-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function files(): { ca: { path: string }; cert: { path: string }; key: { path: string } } {
  const write = (name: string, text: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, text);
    return { path: p };
  };
  return { ca: write('ca.crt', ca.cert), cert: write('ws.crt', client.cert), key: write('ws.key', client.key) };
}

describe('workstation credentials, checked before connecting', () => {
  it('loads a valid set from files and from PEM text', () => {
    const fromFiles = loadCredentials(files(), T0);
    expect(fromFiles.cert.toString()).toBe(client.cert);
    expect(fromFiles.certNotAfter).toBe(Date.UTC(2026, 11, 31, 23, 59, 0));
    expect(loadCredentials({ ca: ca.cert, cert: client.cert, key: Buffer.from(client.key) }, T0).key.toString()).toBe(client.key);
  });

  it('CERT_MISSING names the missing file', () => {
    const f = files();
    const missing = path.join(dir, 'nope.crt');
    expect(() => loadCredentials({ ...f, cert: { path: missing } }, T0)).toThrow(expect.objectContaining({ code: 'CERT_MISSING', message: expect.stringContaining(missing) }));
    expect(() => loadCredentials({ ...f, key: { path: path.join(dir, 'nope.key') } }, T0)).toThrow(expect.objectContaining({ code: 'CERT_MISSING', message: expect.stringContaining('private key') }));
    expect(() => loadCredentials({ ...f, ca: { path: path.join(dir, 'nope-ca.crt') } }, T0)).toThrow(expect.objectContaining({ code: 'CERT_MISSING', message: expect.stringContaining('agency CA') }));
  });

  it('CERT_MISSING for an unreadable or empty file', () => {
    const f = files();
    expect(() => loadCredentials({ ...f, cert: { path: dir } }, T0)).toThrow(expect.objectContaining({ code: 'CERT_MISSING', message: expect.stringMatching(/cannot be read/) }));
    writeFileSync(path.join(dir, 'empty.crt'), '');
    expect(() => loadCredentials({ ...f, cert: { path: path.join(dir, 'empty.crt') } }, T0)).toThrow(expect.objectContaining({ code: 'CERT_MISSING', message: expect.stringMatching(/empty/) }));
  });

  it('CERT_INVALID with the expiry date when the workstation certificate has expired', () => {
    const after = Date.UTC(2027, 0, 1);
    expect(() => loadCredentials(files(), after)).toThrow(
      expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringContaining('expired on 2026-12-31 23:59 UTC') }),
    );
  });

  it('CERT_INVALID when the certificate is not valid yet', () => {
    expect(() => loadCredentials(files(), T0 - 2 * DAY)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/not valid until/) }));
  });

  it('CERT_INVALID for garbage, a key that is not the certificate’s, or a CA that is not a CA', () => {
    const f = files();
    expect(() => loadCredentials({ ...f, cert: 'not a certificate' }, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID' }));
    expect(() => loadCredentials({ ...f, key: 'not a key' }, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/not a valid PEM private key/) }));
    expect(() => loadCredentials({ ...f, key: other.key }, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/does not belong/) }));
    expect(() => loadCredentials({ ...f, ca: other.cert }, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/not a CA/) }));
  });

  it('handles an encrypted key: no passphrase, wrong passphrase, right passphrase', () => {
    const encrypted = createPrivateKey(client.key).export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'correct horse' }) as string;
    const base = { ca: ca.cert, cert: client.cert, key: encrypted };
    expect(() => loadCredentials(base, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/no passphrase/) }));
    expect(() => loadCredentials({ ...base, passphrase: 'wrong' }, T0)).toThrow(expect.objectContaining({ code: 'CERT_INVALID', message: expect.stringMatching(/wrong passphrase/) }));
    expect(loadCredentials({ ...base, passphrase: 'correct horse' }, T0).passphrase).toBe('correct horse');
  });
});
