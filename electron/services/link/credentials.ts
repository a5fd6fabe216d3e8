// Loads and checks this workstation's TLS credentials before any connection attempt, so that a
// missing, unreadable, mismatched or expired certificate is reported as such (with the date), rather
// than as an opaque handshake failure. Read at each attempt: a renewed file is picked up on retry.

import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LinkError } from './errors';
import type { PemSource } from './types';

export interface Credentials {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
  passphrase?: string;
  /** The workstation certificate's end of validity, epoch ms. */
  certNotAfter: number;
}

type Which = 'certificate' | 'private key' | 'agency CA certificate';

function describe(source: PemSource, which: Which): string {
  const name = which === 'agency CA certificate' ? `The ${which}` : `The workstation ${which}`;
  return typeof source === 'object' && !Buffer.isBuffer(source) ? `${name} file "${source.path}"` : name;
}

function read(source: PemSource, which: Which): Buffer {
  let data: Buffer;
  if (Buffer.isBuffer(source)) data = source;
  else if (typeof source === 'string') data = Buffer.from(source, 'utf8');
  else {
    try {
      data = readFileSync(source.path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'was not found' : code === 'EACCES' || code === 'EPERM' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`;
      throw new LinkError('CERT_MISSING', `${describe(source, which)} ${why}. Ask the system administrator to install it.`, { cause: err });
    }
  }
  if (data.length === 0) {
    throw new LinkError('CERT_MISSING', `${describe(source, which)} is empty. Ask the system administrator to install it.`);
  }
  return data;
}

function parseCert(data: Buffer, source: PemSource, which: Which): X509Certificate {
  try {
    return new X509Certificate(data);
  } catch (err) {
    throw new LinkError('CERT_INVALID', `${describe(source, which)} is not a valid PEM certificate. Ask the system administrator to reinstall it.`, { cause: err });
  }
}

/** "2026-11-22 21:36 UTC" */
export function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

function checkValidity(cert: X509Certificate, source: PemSource, which: Which, now: number): number {
  const notBefore = Date.parse(cert.validFrom);
  const notAfter = Date.parse(cert.validTo);
  if (Number.isFinite(notAfter) && now > notAfter) {
    throw new LinkError(
      'CERT_INVALID',
      `${describe(source, which)} expired on ${formatUtc(notAfter)}. The switch will not accept it; ask the system administrator for a renewed certificate.`,
    );
  }
  if (Number.isFinite(notBefore) && now < notBefore) {
    throw new LinkError(
      'CERT_INVALID',
      `${describe(source, which)} is not valid until ${formatUtc(notBefore)}. Check this workstation's date and time.`,
    );
  }
  return notAfter;
}

export interface CredentialSources {
  ca: PemSource;
  cert: PemSource;
  key: PemSource;
  passphrase?: string;
}

/** Throws LinkError CERT_MISSING or CERT_INVALID. `now` comes from the injected clock. */
export function loadCredentials(src: CredentialSources, now: number): Credentials {
  const cert = read(src.cert, 'certificate');
  const key = read(src.key, 'private key');
  const ca = read(src.ca, 'agency CA certificate');

  const x509 = parseCert(cert, src.cert, 'certificate');
  const certNotAfter = checkValidity(x509, src.cert, 'certificate', now);

  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(src.passphrase === undefined ? { key } : { key, passphrase: src.passphrase });
  } catch (err) {
    const encrypted = /ENCRYPTED/.test(key.toString('latin1', 0, Math.min(key.length, 200)));
    const why = encrypted
      ? src.passphrase === undefined
        ? 'is encrypted and no passphrase was given'
        : 'could not be decrypted (wrong passphrase?)'
      : 'is not a valid PEM private key';
    throw new LinkError('CERT_INVALID', `${describe(src.key, 'private key')} ${why}. Ask the system administrator.`, { cause: err });
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new LinkError('CERT_INVALID', `${describe(src.key, 'private key')} does not belong to the workstation certificate. Ask the system administrator.`);
  }

  const caCert = parseCert(ca, src.ca, 'agency CA certificate');
  checkValidity(caCert, src.ca, 'agency CA certificate', now);
  if (!caCert.ca) {
    throw new LinkError('CERT_INVALID', `${describe(src.ca, 'agency CA certificate')} is not a CA certificate. Ask the system administrator.`);
  }

  return { ca, cert, key, ...(src.passphrase === undefined ? {} : { passphrase: src.passphrase }), certNotAfter };
}
