// Link errors: a stable code the UI and the audit trail can act on, and a plain-English message
// a records clerk can read. Messages never carry personal data (no inquiry or reply text).

export type LinkErrorCode =
  // The switch's certificate or the TLS version it offers is not acceptable.
  | 'TLS_UNTRUSTED_SWITCH'
  | 'TLS_SWITCH_CERT_EXPIRED'
  | 'TLS_HOSTNAME_MISMATCH'
  | 'TLS_PROTOCOL_TOO_OLD'
  | 'TLS_CLIENT_CERT_REJECTED'
  | 'TLS_HANDSHAKE_FAILED'
  // This workstation's own certificate, key or CA file (checked before connecting).
  | 'CERT_MISSING'
  | 'CERT_INVALID'
  // Reaching the switch and logging on.
  | 'CONNECT_REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'LOGON_REFUSED'
  | 'PROTOCOL_VIOLATION'
  // Inquiries.
  | 'NOT_CONNECTED'
  | 'INQUIRY_TIMEOUT'
  | 'CONNECTION_LOST'
  | 'LINK_STOPPED'
  | 'LINK_BUSY'
  | 'INVALID_INQUIRY';

/** The shape that crosses IPC and goes into status: code + message, nothing else. */
export interface LinkErrorInfo {
  code: LinkErrorCode;
  message: string;
}

export class LinkError extends Error {
  override readonly name = 'LinkError';
  constructor(
    readonly code: LinkErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): LinkErrorInfo {
    return { code: this.code, message: this.message };
  }
}

export function isLinkError(value: unknown): value is LinkError {
  return value instanceof LinkError;
}

/**
 * Errors that a quick retry will not fix: a certificate, trust, TLS-version or logon problem needs a
 * person to act. The link still retries (an administrator may fix it), but at the backoff cap, and
 * its status is 'failed' rather than 'reconnecting'.
 */
const NEEDS_ATTENTION: ReadonlySet<LinkErrorCode> = new Set<LinkErrorCode>([
  'TLS_UNTRUSTED_SWITCH',
  'TLS_SWITCH_CERT_EXPIRED',
  'TLS_HOSTNAME_MISMATCH',
  'TLS_PROTOCOL_TOO_OLD',
  'TLS_CLIENT_CERT_REJECTED',
  'CERT_MISSING',
  'CERT_INVALID',
  'LOGON_REFUSED',
]);

export function needsAttention(code: LinkErrorCode): boolean {
  return NEEDS_ATTENTION.has(code);
}

// ---------------------------------------------------------------------------------------------
// Mapping Node / OpenSSL errors. Verified against Node 20 (OpenSSL 3.0) by
// test/integration/link/node-tls-codes.test.ts (raw codes) and tls-errors.test.ts (mapped codes);
// the comments say which case produced which code.

/** OpenSSL verify results that mean "the switch's certificate is not from the agency CA". */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', // leaf from another CA, sent without its chain
  'SELF_SIGNED_CERT_IN_CHAIN', // leaf from another CA, sent with that CA's root
  'DEPTH_ZERO_SELF_SIGNED_CERT', // a self-signed leaf
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_REVOKED',
  'CERT_CHAIN_TOO_LONG',
  'PATH_LENGTH_EXCEEDED',
  'INVALID_CA',
  'INVALID_PURPOSE', // a CA certificate or a client certificate presented as the switch's
  'ERR_TLS_CERT_SIGNATURE_ALGORITHM_UNSUPPORTED',
]);

const SWITCH_CERT_EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

const HOSTNAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_TLS_CERT_ALTNAME_FORMAT', 'HOSTNAME_MISMATCH']);

const PROTOCOL_TOO_OLD = new Set([
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION', // an OpenSSL switch capped at TLS 1.1 refuses our hello
  'ERR_SSL_UNSUPPORTED_PROTOCOL', // a switch that answers with a TLS 1.1 (or older) ServerHello
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_VERSION_TOO_LOW',
]);

/** TLS alerts a switch sends when it does not accept this workstation's certificate. */
const CLIENT_CERT_ALERTS = new Set([
  'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_UNSUPPORTED_CERTIFICATE',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', // TLS 1.3, no certificate presented
]);

const NET_UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'refused the connection (the switch may be down or not listening on that port)',
  EHOSTUNREACH: 'could not be reached (no route to the host)',
  ENETUNREACH: 'could not be reached (the network is unreachable)',
  ENOTFOUND: 'could not be found (the host name does not resolve)',
  EAI_AGAIN: 'could not be found (the name lookup failed)',
  EADDRNOTAVAIL: 'could not be reached (address not available)',
};

const LOST = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** Where the attempt was when the error happened. */
export type ConnectPhase =
  | 'tcp' // before the TCP connection was made
  | 'tls' // TCP up, TLS handshake not finished
  | 'logon' // TLS up, LOGON sent, no frame from the switch yet
  | 'open'; // logged on (or at least one frame received)

export interface MapContext {
  phase: ConnectPhase;
  /** host:port, for messages. */
  endpoint: string;
  /** The name the switch's certificate must carry. */
  expectedName: string;
}

function errCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return '';
}

const ADMIN = 'Tell the system administrator.';

export const messages = {
  untrusted: (ctx: MapContext) =>
    `The switch at ${ctx.endpoint} presented a certificate that was not issued by the agency's certificate authority. ` +
    `The workstation will not connect to it: it may be the wrong server, or someone may be intercepting the connection. ${ADMIN}`,
  switchExpired: (ctx: MapContext, notYet: boolean) =>
    notYet
      ? `The switch at ${ctx.endpoint} presented a certificate that is not valid yet. Check this workstation's date and time; otherwise ${ADMIN.toLowerCase()}`
      : `The switch at ${ctx.endpoint} presented an expired certificate. The workstation will not connect until the switch's certificate is renewed. ${ADMIN}`,
  hostname: (ctx: MapContext) =>
    `The switch at ${ctx.endpoint} presented a certificate for a different host name than "${ctx.expectedName}". ` +
    `The workstation will not connect to it: it may be the wrong server. ${ADMIN}`,
  tooOld: (ctx: MapContext) =>
    `The switch at ${ctx.endpoint} offers only TLS 1.1 or older. CJIS requires TLS 1.2 or later for data in transit, so the workstation will not connect. ${ADMIN}`,
  clientRejected: (ctx: MapContext, why: string) =>
    `The switch at ${ctx.endpoint} refused this workstation's certificate (${why}). ` +
    `The certificate may have expired, been revoked, or been issued by a different authority. ${ADMIN}`,
  handshake: (ctx: MapContext, code: string) =>
    `The secure connection to the switch at ${ctx.endpoint} could not be set up (${code || 'unknown TLS error'}). ${ADMIN}`,
  refused: (ctx: MapContext, how: string) => `The switch at ${ctx.endpoint} ${how}. The workstation will keep trying.`,
  connectTimeout: (ctx: MapContext, ms: number) =>
    `The switch at ${ctx.endpoint} did not complete the connection and logon within ${seconds(ms)}. The workstation will keep trying.`,
  lost: (ctx: MapContext, why: string) =>
    `The connection to the switch at ${ctx.endpoint} was lost (${why}). The workstation will reconnect.`,
};

export function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

/** Maps an error from node:tls / node:net during one connection to a LinkError. */
export function mapSocketError(err: unknown, ctx: MapContext): LinkError {
  if (err instanceof LinkError) return err;
  const code = errCode(err);
  const make = (c: LinkErrorCode, message: string) => new LinkError(c, message, { cause: err });

  if (UNTRUSTED.has(code)) return make('TLS_UNTRUSTED_SWITCH', messages.untrusted(ctx));
  if (SWITCH_CERT_EXPIRED.has(code)) return make('TLS_SWITCH_CERT_EXPIRED', messages.switchExpired(ctx, code === 'CERT_NOT_YET_VALID'));
  if (HOSTNAME.has(code)) return make('TLS_HOSTNAME_MISMATCH', messages.hostname(ctx));
  if (PROTOCOL_TOO_OLD.has(code)) return make('TLS_PROTOCOL_TOO_OLD', messages.tooOld(ctx));
  if (CLIENT_CERT_ALERTS.has(code)) {
    const why = code.replace(/^ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_/, '').toLowerCase().replaceAll('_', ' ');
    return make('TLS_CLIENT_CERT_REJECTED', messages.clientRejected(ctx, `TLS alert: ${why}`));
  }

  if (ctx.phase === 'tcp') {
    const how = NET_UNREACHABLE[code];
    if (how) return make('CONNECT_REFUSED', messages.refused(ctx, how));
    if (code === 'ETIMEDOUT') return make('CONNECT_TIMEOUT', messages.refused(ctx, 'did not answer (the TCP connection timed out)'));
    if (code.startsWith('ERR_SSL_')) return make('TLS_HANDSHAKE_FAILED', messages.handshake(ctx, code));
    return make('CONNECT_REFUSED', messages.refused(ctx, `could not be reached (${code || 'network error'})`));
  }
  if (ctx.phase === 'tls' || ctx.phase === 'logon') {
    // A Node (and many other) switches check the client certificate after the handshake and simply
    // drop the connection, without a TLS alert: TLS 1.2 clients then see ECONNRESET during the
    // handshake, TLS 1.3 clients see the socket close right after it (before any logon reply).
    if (code === '' || LOST.has(code)) {
      return make('TLS_CLIENT_CERT_REJECTED', messages.clientRejected(ctx, 'it closed the connection during the secure handshake, before logon'));
    }
    return make('TLS_HANDSHAKE_FAILED', messages.handshake(ctx, code));
  }
  return make('CONNECTION_LOST', messages.lost(ctx, code ? `network error ${code}` : 'closed by the switch'));
}
