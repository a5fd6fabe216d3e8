import { describe, expect, it } from 'vitest';
import { LinkError, mapSocketError, needsAttention, type ConnectPhase, type LinkErrorCode } from '../../../electron/services/link/errors';

function nodeError(code: string): Error {
  return Object.assign(new Error(`simulated ${code}`), { code });
}

const ctx = (phase: ConnectPhase) => ({ phase, endpoint: 'switch.example:7443', expectedName: 'switch.example' });

// Node 20 / OpenSSL 3 codes, as observed in test/integration/link/tls-errors.test.ts and documented.
const table: Array<[string, ConnectPhase, LinkErrorCode]> = [
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['CERT_SIGNATURE_FAILURE', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['INVALID_PURPOSE', 'tls', 'TLS_UNTRUSTED_SWITCH'],
  ['CERT_HAS_EXPIRED', 'tls', 'TLS_SWITCH_CERT_EXPIRED'],
  ['CERT_NOT_YET_VALID', 'tls', 'TLS_SWITCH_CERT_EXPIRED'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls', 'TLS_HOSTNAME_MISMATCH'],
  ['ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', 'tls', 'TLS_PROTOCOL_TOO_OLD'],
  ['ERR_SSL_UNSUPPORTED_PROTOCOL', 'tls', 'TLS_PROTOCOL_TOO_OLD'],
  ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'logon', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'logon', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'tls', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN', 'tls', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED', 'logon', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'logon', 'TLS_CLIENT_CERT_REJECTED'],
  // A Node switch drops the connection instead of sending an alert: ECONNRESET during a TLS 1.2
  // handshake, or a plain close right after a TLS 1.3 one.
  ['ECONNRESET', 'tls', 'TLS_CLIENT_CERT_REJECTED'],
  ['ECONNRESET', 'logon', 'TLS_CLIENT_CERT_REJECTED'],
  ['ERR_SSL_WRONG_VERSION_NUMBER', 'tls', 'TLS_HANDSHAKE_FAILED'],
  ['ECONNREFUSED', 'tcp', 'CONNECT_REFUSED'],
  ['EHOSTUNREACH', 'tcp', 'CONNECT_REFUSED'],
  ['ENOTFOUND', 'tcp', 'CONNECT_REFUSED'],
  ['ETIMEDOUT', 'tcp', 'CONNECT_TIMEOUT'],
  ['ECONNRESET', 'open', 'CONNECTION_LOST'],
  ['EPIPE', 'open', 'CONNECTION_LOST'],
];

describe('Node/OpenSSL error mapping', () => {
  it.each(table)('%s during %s -> %s', (nodeCode, phase, expected) => {
    const mapped = mapSocketError(nodeError(nodeCode), ctx(phase));
    expect(mapped).toBeInstanceOf(LinkError);
    expect(mapped.code).toBe(expected);
    expect(mapped.cause).toMatchObject({ code: nodeCode });
  });

  it('maps a close without any error by the phase it happened in', () => {
    expect(mapSocketError(null, ctx('tcp')).code).toBe('CONNECT_REFUSED');
    expect(mapSocketError(null, ctx('logon')).code).toBe('TLS_CLIENT_CERT_REJECTED');
    expect(mapSocketError(null, ctx('open')).code).toBe('CONNECTION_LOST');
  });

  it('passes a LinkError through unchanged', () => {
    const e = new LinkError('CONNECT_TIMEOUT', 'x');
    expect(mapSocketError(e, ctx('tls'))).toBe(e);
  });

  it('writes messages in plain English that name the endpoint, fit the IPC limit and carry no raw OpenSSL text', () => {
    for (const [nodeCode, phase] of table) {
      const { message } = mapSocketError(nodeError(nodeCode), ctx(phase));
      expect(message).toMatch(/switch/i);
      expect(message).toContain('switch.example:7443');
      expect(message.length).toBeLessThanOrEqual(500);
      expect(message).not.toMatch(/ssl3_read_bytes|routines|simulated/);
    }
    expect(mapSocketError(nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), ctx('tls')).message).toContain('"switch.example"');
  });

  it('serializes to exactly {code, message}', () => {
    const e = mapSocketError(nodeError('CERT_HAS_EXPIRED'), ctx('tls'));
    expect(JSON.parse(JSON.stringify(e))).toEqual({ code: 'TLS_SWITCH_CERT_EXPIRED', message: e.message });
  });

  it('marks certificate, trust and logon errors as needing a person, network errors as not', () => {
    expect(needsAttention('TLS_UNTRUSTED_SWITCH')).toBe(true);
    expect(needsAttention('CERT_INVALID')).toBe(true);
    expect(needsAttention('LOGON_REFUSED')).toBe(true);
    expect(needsAttention('CONNECT_REFUSED')).toBe(false);
    expect(needsAttention('CONNECTION_LOST')).toBe(false);
    expect(needsAttention('PROTOCOL_VIOLATION')).toBe(false);
  });
});
