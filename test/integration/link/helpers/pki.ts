// Certificates for the link's integration tests, made once per test file with the training PKI
// (switch/pki.ts). Every failure case gets its own certificate.

import { generateCa, issueCertificate, type Pem } from '../../../../switch/pki';

export type { Pem };

const DAY = 86_400_000;

export interface TestPki {
  ca: Pem;
  otherCa: Pem;
  /** The switch: SAN localhost, 127.0.0.1. */
  switch: Pem;
  switchExpired: Pem;
  switchOtherCa: Pem;
  /** The switch's certificate with the wrong name (SAN other.example only). */
  switchWrongName: Pem;
  client: Pem;
  clientExpired: Pem;
  clientOtherCa: Pem;
  /** The switch's name in its certificate; the link connects to 127.0.0.1 with this servername. */
  servername: string;
}

export async function makeTestPki(now = Date.now()): Promise<TestPki> {
  const valid = { notBefore: new Date(now - DAY), notAfter: new Date(now + 30 * DAY) };
  const expired = { notBefore: new Date(now - 30 * DAY), notAfter: new Date(now - DAY) };
  const caValidity = { notBefore: new Date(now - 60 * DAY), notAfter: new Date(now + 60 * DAY) };
  const ca = await generateCa({ commonName: 'Test Agency CA', ...caValidity });
  const otherCa = await generateCa({ commonName: 'Some Other CA', ...caValidity });
  const server = { commonName: 'clets-training-switch', dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'], usage: 'server' as const };
  const client = { commonName: 'clets-test-workstation', usage: 'client' as const };
  const [sw, swExpired, swOther, swWrong, cl, clExpired, clOther] = await Promise.all([
    issueCertificate(ca, { ...server, ...valid }),
    issueCertificate(ca, { ...server, ...expired }),
    issueCertificate(otherCa, { ...server, ...valid }),
    issueCertificate(ca, { ...server, dnsNames: ['other.example'], ipAddresses: [], ...valid }),
    issueCertificate(ca, { ...client, ...valid }),
    issueCertificate(ca, { ...client, ...expired }),
    issueCertificate(otherCa, { ...client, ...valid }),
  ]);
  return {
    ca: { cert: ca.cert, key: ca.key },
    otherCa: { cert: otherCa.cert, key: otherCa.key },
    switch: sw,
    switchExpired: swExpired,
    switchOtherCa: swOther,
    switchWrongName: swWrong,
    client: cl,
    clientExpired: clExpired,
    clientOtherCa: clOther,
    servername: 'localhost',
  };
}
