// Training PKI for the training message switch: a throw-away CA, the switch's server certificate and
// the workstation's client certificate. ECDSA P-256 (fast to make). Never for production: the real
// agency CA issues the workstation's certificate and DOJ's switch presents its own.
//
// The private keys live only in the data directory (mode 0600, directory 0700), never in the repo.

import 'reflect-metadata'; // @peculiar/x509 (through tsyringe) needs the Reflect metadata API.
import { X509Certificate as NodeX509, createPrivateKey, randomBytes, webcrypto } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

/** A certificate and its private key, both PEM (the key PKCS#8). */
export interface Pem {
  cert: string;
  key: string;
}

/** A CA as generateCa returns it: the PEM plus the parsed certificate and the key pair. */
export interface CertificateAuthority extends Pem {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
}

export interface CaOptions {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
}

export interface IssueOptions {
  commonName: string;
  dnsNames?: string[];
  ipAddresses?: string[];
  usage: 'server' | 'client';
  notBefore?: Date;
  notAfter?: Date;
}

export interface TrainingPkiPaths {
  dir: string;
  caCert: string;
  caKey: string;
  switchCert: string;
  switchKey: string;
  workstationCert: string;
  workstationKey: string;
}

export interface TrainingPki {
  ca: Pem;
  switch: Pem;
  workstation: Pem;
  paths: TrainingPkiPaths;
  /** True when this call generated the files (first run, or they were missing, corrupt or expired). */
  generated: boolean;
  /** Why they were generated, when they were (for the log): e.g. "missing ca.crt", "expired switch.crt". */
  reason?: string;
}

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ORGANIZATION = 'CLETS Workstation TRAINING';
/** Certificates that expire within this margin are treated as expired and regenerated. */
const RENEW_MARGIN_MS = DAY;

const TRAINING_CA_CN = 'CLETS Training CA (NOT FOR OPERATIONAL USE)';
const SWITCH_CN = 'clets-training-switch';
const WORKSTATION_CN = 'clets-training-workstation';

function subject(commonName: string): x509.Name {
  return new x509.Name([{ CN: [commonName] }, { O: [ORGANIZATION] }]);
}

function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f; // positive
  if (bytes[0] === 0) bytes[0] = 1; // no leading zero octet
  return bytes.toString('hex');
}

function toPem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function fromPem(pem: string, label: string): ArrayBuffer {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]+?)-----END ${label}-----`).exec(pem);
  if (!match) throw new Error(`not a PEM ${label}`);
  const der = Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64');
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}

async function exportKeyPem(key: CryptoKey): Promise<string> {
  return toPem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey));
}

async function newKeyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as unknown as CryptoKeyPair;
}

function defaultValidity(notBefore: Date | undefined, notAfter: Date | undefined, years: number): [Date, Date] {
  const from = notBefore ?? new Date(Date.now() - HOUR); // tolerate small clock skew
  const to = notAfter ?? new Date(from.getTime() + years * 365 * DAY);
  if (to.getTime() <= from.getTime()) throw new Error('notAfter must be later than notBefore');
  return [from, to];
}

/** Generates a self-signed CA (ECDSA P-256, basicConstraints CA:true pathlen 0). */
export async function generateCa(opts: CaOptions): Promise<CertificateAuthority> {
  const [notBefore, notAfter] = defaultValidity(opts.notBefore, opts.notAfter, 10);
  const keys = await newKeyPair();
  const name = subject(opts.commonName);
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: name,
    issuer: name,
    notBefore,
    notAfter,
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: certificate.toString('pem') + '\n', key: await exportKeyPem(keys.privateKey), certificate, keys };
}

async function caMaterial(ca: Pem): Promise<{ certificate: x509.X509Certificate; privateKey: CryptoKey }> {
  const full = ca as Partial<CertificateAuthority>;
  if (full.certificate && full.keys) return { certificate: full.certificate, privateKey: full.keys.privateKey };
  const certificate = new x509.X509Certificate(ca.cert);
  const privateKey = (await webcrypto.subtle.importKey('pkcs8', fromPem(ca.key, 'PRIVATE KEY'), EC, false, [
    'sign',
  ])) as unknown as CryptoKey;
  return { certificate, privateKey };
}

/** Issues a leaf certificate signed by `ca` for TLS server or client use. */
export async function issueCertificate(ca: Pem, opts: IssueOptions): Promise<Pem> {
  const [notBefore, notAfter] = defaultValidity(opts.notBefore, opts.notAfter, 2);
  const issuer = await caMaterial(ca);
  const keys = await newKeyPair();
  const altNames: x509.JsonGeneralName[] = [
    ...(opts.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ipAddresses ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(
      [opts.usage === 'server' ? x509.ExtendedKeyUsage.serverAuth : x509.ExtendedKeyUsage.clientAuth],
      false,
    ),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate),
  ];
  if (altNames.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(altNames, false));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: subject(opts.commonName),
    issuer: issuer.certificate.subjectName,
    notBefore,
    notAfter,
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: issuer.privateKey,
    extensions,
  });
  return { cert: certificate.toString('pem') + '\n', key: await exportKeyPem(keys.privateKey) };
}

// ---------------------------------------------------------------------------------------------
// ensureTrainingPki: generate once, then load; regenerate when missing, corrupt or expired.

export function trainingPkiPaths(dir: string): TrainingPkiPaths {
  const abs = path.resolve(dir);
  return {
    dir: abs,
    caCert: path.join(abs, 'ca.crt'),
    caKey: path.join(abs, 'ca.key'),
    switchCert: path.join(abs, 'switch.crt'),
    switchKey: path.join(abs, 'switch.key'),
    workstationCert: path.join(abs, 'workstation.crt'),
    workstationKey: path.join(abs, 'workstation.key'),
  };
}

/** The set on disk when it is usable at `now`, else the reason it is not. */
async function checkExisting(paths: TrainingPkiPaths, now: Date): Promise<{ pki: Omit<TrainingPki, 'generated'> } | { reason: string }> {
  const read = async (file: string): Promise<string | null> => {
    try {
      return await fs.readFile(file, 'utf8');
    } catch {
      return null;
    }
  };
  const files = {
    caCert: await read(paths.caCert),
    caKey: await read(paths.caKey),
    switchCert: await read(paths.switchCert),
    switchKey: await read(paths.switchKey),
    workstationCert: await read(paths.workstationCert),
    workstationKey: await read(paths.workstationKey),
  };
  for (const [name, content] of Object.entries(files)) {
    if (content === null) return { reason: `missing ${path.basename(paths[name as keyof typeof files])}` };
  }
  let ca: NodeX509;
  try {
    ca = new NodeX509(files.caCert!);
  } catch {
    return { reason: 'corrupt ca.crt' };
  }
  const pairs: Array<[string, string, string, boolean]> = [
    ['ca.crt', files.caCert!, files.caKey!, true],
    ['switch.crt', files.switchCert!, files.switchKey!, false],
    ['workstation.crt', files.workstationCert!, files.workstationKey!, false],
  ];
  for (const [name, certPem, keyPem, isCa] of pairs) {
    let cert: NodeX509;
    try {
      cert = new NodeX509(certPem);
    } catch {
      return { reason: `corrupt ${name}` };
    }
    try {
      if (!cert.checkPrivateKey(createPrivateKey(keyPem))) return { reason: `${name} does not match its key` };
    } catch {
      return { reason: `corrupt key for ${name}` };
    }
    if (!cert.verify(ca.publicKey)) return { reason: `${name} is not signed by the training CA` };
    if (isCa !== cert.ca) return { reason: `${name} has the wrong basic constraints` };
    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    if (!(from <= now.getTime())) return { reason: `${name} is not yet valid` };
    if (!(to - RENEW_MARGIN_MS > now.getTime())) return { reason: `expired ${name}` };
  }
  return {
    pki: {
      ca: { cert: files.caCert!, key: files.caKey! },
      switch: { cert: files.switchCert!, key: files.switchKey! },
      workstation: { cert: files.workstationCert!, key: files.workstationKey! },
      paths,
    },
  };
}

async function writeFileAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content, { mode, flag: 'wx' });
  await fs.chmod(tmp, mode); // the umask may have narrowed or (for certs) nothing to widen; be exact
  await fs.rename(tmp, file);
}

/** A cross-process lock: mkdir is atomic. Generating takes well under a second, so a lock older
 *  than 10 s was left by a crashed process and is taken over. */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(dir, '.lock');
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await fs.mkdir(lock, { mode: 0o700 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const stat = await fs.stat(lock).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > 10_000) {
        await fs.rm(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`training PKI directory ${dir} is locked by another process`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

const inProcess = new Map<string, Promise<TrainingPki>>();

/**
 * Loads the training PKI from `dir`, generating it (CA, switch server cert with SAN localhost,
 * 127.0.0.1 and ::1, workstation client cert) when it is missing, corrupt, mismatched or expired.
 * Private keys are written mode 0600 and the directory is kept mode 0700.
 */
export function ensureTrainingPki(dir: string, opts: { now?: Date } = {}): Promise<TrainingPki> {
  const paths = trainingPkiPaths(dir);
  // Serialize calls for one directory within this process; the lock handles other processes.
  const previous = inProcess.get(paths.dir) ?? Promise.resolve(null);
  const next = previous.catch(() => null).then(() => ensureUnlocked(paths, opts.now ?? new Date()));
  inProcess.set(paths.dir, next);
  void next.finally(() => {
    if (inProcess.get(paths.dir) === next) inProcess.delete(paths.dir);
  }).catch(() => undefined);
  return next;
}

async function ensureUnlocked(paths: TrainingPkiPaths, now: Date): Promise<TrainingPki> {
  await fs.mkdir(paths.dir, { recursive: true, mode: 0o700 });
  await fs.chmod(paths.dir, 0o700);
  return withLock(paths.dir, async () => {
    const existing = await checkExisting(paths, now);
    if ('pki' in existing) return { ...existing.pki, generated: false };
    const notBefore = new Date(now.getTime() - HOUR);
    const ca = await generateCa({
      commonName: TRAINING_CA_CN,
      notBefore,
      notAfter: new Date(now.getTime() + 5 * 365 * DAY),
    });
    const server = await issueCertificate(ca, {
      commonName: SWITCH_CN,
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1', '::1'],
      usage: 'server',
      notBefore,
      notAfter: new Date(now.getTime() + 2 * 365 * DAY),
    });
    const workstation = await issueCertificate(ca, {
      commonName: WORKSTATION_CN,
      usage: 'client',
      notBefore,
      notAfter: new Date(now.getTime() + 2 * 365 * DAY),
    });
    await writeFileAtomic(paths.caKey, ca.key, 0o600);
    await writeFileAtomic(paths.switchKey, server.key, 0o600);
    await writeFileAtomic(paths.workstationKey, workstation.key, 0o600);
    await writeFileAtomic(paths.caCert, ca.cert, 0o644);
    await writeFileAtomic(paths.switchCert, server.cert, 0o644);
    await writeFileAtomic(paths.workstationCert, workstation.cert, 0o644);
    return {
      ca: { cert: ca.cert, key: ca.key },
      switch: server,
      workstation,
      paths,
      generated: true,
      reason: existing.reason,
    };
  });
}
