// What Node 20 / OpenSSL 3 actually reports in each certificate and TLS failure, against the real
// training switch. errors.ts maps these codes; if a Node upgrade changes them, this file says which.

import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingSwitch } from '../../../switch/server';
import { makeTestPki, type Pem, type TestPki } from './helpers/pki';
import { startSwitch, type SwitchOverrides } from './helpers/training-switch';

let pki: TestPki;
const switches: TrainingSwitch[] = [];

beforeAll(async () => {
  pki = await makeTestPki();
});
afterAll(async () => {
  for (const sw of switches) await sw.close();
});

interface Outcome {
  /** err.code of the first error, or '' when none. */
  code: string;
  /** Whether the TLS handshake completed on the client side. */
  secure: boolean;
}

/** Connects the way the link does and reports what Node says. */
async function attempt(overrides: SwitchOverrides, client: { ca?: string; servername?: string; pem?: Pem } = {}): Promise<Outcome> {
  const sw = await startSwitch(pki, overrides);
  switches.push(sw);
  const pem = client.pem ?? pki.client;
  return new Promise((resolve) => {
    let code = '';
    let secure = false;
    const socket = connect({
      host: '127.0.0.1',
      port: sw.port,
      servername: client.servername ?? 'localhost',
      ca: [client.ca ?? pki.ca.cert],
      cert: pem.cert,
      key: pem.key,
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
    });
    socket.on('secureConnect', () => {
      secure = true;
      socket.write(Buffer.from([0, 0, 0, 6, ...Buffer.from('LOGOFF')]));
    });
    socket.on('data', () => socket.end());
    socket.on('error', (err: NodeJS.ErrnoException) => {
      code ||= err.code ?? 'NO_CODE';
    });
    socket.on('close', () => resolve({ code, secure }));
  });
}

describe('Node 20 TLS error codes (empirical)', () => {
  it('switch certificate from another CA (leaf only): UNABLE_TO_VERIFY_LEAF_SIGNATURE', async () => {
    expect(await attempt({ serverPem: pki.switchOtherCa })).toEqual({ code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', secure: false });
  });

  it('switch certificate from another CA, sent with that CA: SELF_SIGNED_CERT_IN_CHAIN', async () => {
    const chained = { cert: pki.switchOtherCa.cert + pki.otherCa.cert, key: pki.switchOtherCa.key };
    expect(await attempt({ serverPem: chained })).toEqual({ code: 'SELF_SIGNED_CERT_IN_CHAIN', secure: false });
  });

  it('expired switch certificate: CERT_HAS_EXPIRED', async () => {
    expect(await attempt({ serverPem: pki.switchExpired })).toEqual({ code: 'CERT_HAS_EXPIRED', secure: false });
  });

  it('host name mismatch: ERR_TLS_CERT_ALTNAME_INVALID', async () => {
    expect(await attempt({}, { servername: 'switch.agency.example' })).toEqual({ code: 'ERR_TLS_CERT_ALTNAME_INVALID', secure: false });
  });

  it('TLS 1.1-only switch: ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', async () => {
    const outcome = await attempt({ tls: { minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT:@SECLEVEL=0' } });
    expect(outcome).toEqual({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', secure: false });
  });

  it('client certificate refused by a Node switch, TLS 1.3: no alert, the socket closes after the handshake', async () => {
    const outcome = await attempt({}, { pem: pki.clientOtherCa });
    expect(outcome.secure).toBe(true);
    expect(['', 'ECONNRESET', 'EPIPE']).toContain(outcome.code);
  });

  it('client certificate refused by a Node switch, TLS 1.2: ECONNRESET during the handshake', async () => {
    expect(await attempt({ tls: { maxVersion: 'TLSv1.2' } }, { pem: pki.clientExpired })).toEqual({ code: 'ECONNRESET', secure: false });
  });
});
