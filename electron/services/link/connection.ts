// One connection attempt to the switch: mTLS, framing, LOGON, keep-alive, LOGOFF.
// It reports exactly once that it closed, with the LinkError that closed it (null when we closed it
// on purpose). Reconnecting, inquiries and status belong to link.ts.

import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { FrameDecoder, FrameError, encodeFrame } from '../../../shared/wire/frame';
import {
  PROTOCOL_VERSION,
  encodeClientMessage,
  parseSwitchMessage,
  type ClientMessage,
  type SwitchMessage,
} from '../../../shared/wire/protocol';
import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../log';
import type { Credentials } from './credentials';
import { LinkError, mapSocketError, messages, seconds, type ConnectPhase, type MapContext } from './errors';

export interface SessionInfo {
  session: string;
  training: boolean;
  keepaliveSeconds: number;
  switchName: string;
}

/** Messages the link handles itself once logged on. */
export type SessionMessage = Extract<SwitchMessage, { kind: 'ACK' | 'RPL' | 'UNS' | 'ERR' }>;

export interface ConnectionOptions {
  host: string;
  port: number;
  servername: string;
  credentials: Credentials;
  logon: { trm: string; ori: string; opr: string };
  clock: Clock;
  connectTimeoutMs: number;
  pongTimeoutMs?: number;
  logger: Logger;
}

export interface ConnectionHandlers {
  established(info: SessionInfo): void;
  message(message: SessionMessage): void;
  /** Called once. error is null when this side closed on purpose (logoff or abort). */
  closed(error: LinkError | null): void;
}

/** Keeps the switch's free text short and printable before it goes into a message. */
export function cleanReason(text: string): string {
  const cleaned = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return cleaned.length > 200 ? `${cleaned.slice(0, 200)}…` : cleaned;
}

export class SwitchConnection {
  private socket: TLSSocket | null = null;
  private phase: ConnectPhase = 'tcp';
  private established = false;
  private error: LinkError | null = null;
  private intentional = false;
  private reported = false;
  private readonly decoder = new FrameDecoder();
  private readonly ctx: MapContext;
  private connectTimer: TimerHandle | null = null;
  private pingTimer: TimerHandle | null = null;
  private pongTimer: TimerHandle | null = null;
  private logoffTimer: TimerHandle | null = null;
  private pingSeq = 0;
  private awaitingPong: number | null = null;
  private keepaliveMs = 0;
  private readonly closeWaiters: Array<() => void> = [];

  constructor(
    private readonly opts: ConnectionOptions,
    private readonly handlers: ConnectionHandlers,
  ) {
    this.ctx = { phase: 'tcp', endpoint: `${opts.host}:${opts.port}`, expectedName: opts.servername };
  }

  get isEstablished(): boolean {
    return this.established && this.error === null && !this.intentional;
  }

  open(): void {
    const { host, port, servername, credentials: c, clock } = this.opts;
    this.connectTimer = clock.setTimeout(() => {
      this.connectTimer = null;
      this.fail(new LinkError('CONNECT_TIMEOUT', messages.connectTimeout(this.ctx, this.opts.connectTimeoutMs)));
    }, this.opts.connectTimeoutMs);
    let socket: TLSSocket;
    try {
      socket = connect({
        host,
        port,
        // SNI cannot carry an IP address; Node then checks the certificate against host.
        ...(isIP(servername) ? {} : { servername }),
        ca: [c.ca], // the agency CA is the only trust anchor: the system store is not used
        cert: c.cert,
        key: c.key,
        ...(c.passphrase === undefined ? {} : { passphrase: c.passphrase }),
        minVersion: 'TLSv1.2',
        rejectUnauthorized: true, // and checkServerIdentity stays Node's default
      });
    } catch (err) {
      // createSecureContext rejects unusable key material synchronously.
      const error = new LinkError('CERT_INVALID', `The workstation certificate or key could not be used for TLS. Ask the system administrator.`, { cause: err });
      this.error = error;
      queueMicrotask(() => this.report());
      return;
    }
    this.socket = socket;
    socket.setNoDelay(true);
    socket.once('connect', () => this.setPhase('tls'));
    socket.once('secureConnect', () => {
      this.setPhase('logon');
      this.write({ kind: 'LOGON', ...this.opts.logon, ver: PROTOCOL_VERSION });
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(mapSocketError(err, this.ctx)));
    socket.on('close', () => {
      if (!this.error && !this.intentional) this.error = mapSocketError(null, this.ctx);
      this.report();
    });
  }

  /** Writes one message. False when the connection is no longer usable. */
  write(message: ClientMessage): boolean {
    const socket = this.socket;
    if (!socket || socket.destroyed || this.error || !socket.writable) return false;
    socket.write(encodeFrame(encodeClientMessage(message)));
    return true;
  }

  /** Sends LOGOFF and waits (up to timeoutMs) for LOGOFF-OK, then closes. Resolves once closed. */
  logoff(timeoutMs: number): Promise<void> {
    const closed = this.whenClosed();
    if (this.isEstablished && this.write({ kind: 'LOGOFF' })) {
      this.intentional = true;
      this.stopKeepalive();
      this.logoffTimer = this.opts.clock.setTimeout(() => {
        this.logoffTimer = null;
        this.socket?.destroy();
      }, timeoutMs);
    } else {
      this.abort();
    }
    return closed;
  }

  /** Closes at once, as intended (no error reported). */
  abort(): void {
    if (!this.error) this.intentional = true;
    this.socket?.destroy();
    if (!this.socket) queueMicrotask(() => this.report());
  }

  /** Closes at once because of an error. The first error wins. */
  fail(error: LinkError): void {
    if (!this.error && !this.intentional) this.error = error;
    this.socket?.destroy();
  }

  whenClosed(): Promise<void> {
    if (this.reported) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  private setPhase(phase: ConnectPhase): void {
    this.phase = phase;
    this.ctx.phase = phase;
  }

  private onData(chunk: Buffer): void {
    let texts: string[];
    try {
      texts = this.decoder.push(chunk);
    } catch (err) {
      const why = err instanceof FrameError ? err.message : 'unreadable frame';
      this.protocolViolation(why, err);
      return;
    }
    for (const text of texts) {
      if (this.error || this.socket?.destroyed) return;
      this.onFrame(text);
    }
  }

  private onFrame(text: string): void {
    const parsed = parseSwitchMessage(text);
    if (!parsed.ok) return this.protocolViolation(parsed.violation);
    const message = parsed.message;
    if (!this.established) {
      this.setPhase('open');
      switch (message.kind) {
        case 'LOGON-OK':
          return this.onLogonOk(message);
        case 'LOGON-REFUSED':
        case 'ERR': {
          const reason = cleanReason(message.reason) || 'no reason given';
          return this.fail(new LinkError('LOGON_REFUSED', `The switch refused the logon: ${reason} (code ${message.code}). Tell the system administrator.`));
        }
        default:
          return this.protocolViolation(`${message.kind} before logon`);
      }
    }
    switch (message.kind) {
      case 'PONG':
        if (message.seq === this.awaitingPong) {
          this.awaitingPong = null;
          this.clearTimer('pongTimer');
          this.schedulePing();
        }
        return;
      case 'LOGOFF-OK':
        if (this.intentional) this.socket?.end();
        return;
      case 'LOGON-OK':
      case 'LOGON-REFUSED':
        return this.protocolViolation(`${message.kind} after logon`);
      case 'ERR': {
        // The switch ends the session after an ERR; say why rather than "connection lost".
        const reason = cleanReason(message.reason) || 'no reason given';
        this.handlers.message(message);
        return this.fail(new LinkError('CONNECTION_LOST', messages.lost(this.ctx, `the switch ended the session: ${reason}, code ${message.code}`)));
      }
      default:
        this.handlers.message(message);
    }
  }

  private onLogonOk(message: Extract<SwitchMessage, { kind: 'LOGON-OK' }>): void {
    this.established = true;
    this.clearTimer('connectTimer');
    this.keepaliveMs = message.keepaliveSeconds * 1000;
    this.schedulePing();
    this.handlers.established({
      session: message.session,
      training: message.training,
      keepaliveSeconds: message.keepaliveSeconds,
      switchName: message.switchName,
    });
  }

  private protocolViolation(why: string, cause?: unknown): void {
    this.opts.logger.warn('protocol violation from switch; dropping the connection', { why });
    this.fail(
      new LinkError(
        'PROTOCOL_VIOLATION',
        `The switch at ${this.ctx.endpoint} sent a malformed message (${cleanReason(why)}). The connection was dropped and will be re-established.`,
        { cause },
      ),
    );
  }

  private schedulePing(): void {
    if (this.keepaliveMs <= 0 || this.intentional) return;
    this.pingTimer = this.opts.clock.setTimeout(() => {
      this.pingTimer = null;
      const seq = ++this.pingSeq;
      if (!this.write({ kind: 'PING', seq })) return;
      this.awaitingPong = seq;
      const wait = this.opts.pongTimeoutMs ?? this.keepaliveMs;
      this.pongTimer = this.opts.clock.setTimeout(() => {
        this.pongTimer = null;
        this.fail(new LinkError('CONNECTION_LOST', messages.lost(this.ctx, `no answer to a keep-alive within ${seconds(wait)}`)));
      }, wait);
    }, this.keepaliveMs);
  }

  private stopKeepalive(): void {
    this.clearTimer('pingTimer');
    this.clearTimer('pongTimer');
    this.awaitingPong = null;
  }

  private clearTimer(name: 'connectTimer' | 'pingTimer' | 'pongTimer' | 'logoffTimer'): void {
    const handle = this[name];
    if (handle) this.opts.clock.clearTimeout(handle);
    this[name] = null;
  }

  private report(): void {
    if (this.reported) return;
    this.reported = true;
    this.clearTimer('connectTimer');
    this.clearTimer('logoffTimer');
    this.stopKeepalive();
    const error = this.intentional && !this.error ? null : this.error;
    if (error) this.opts.logger.info('switch connection closed', { code: error.code, phase: this.phase });
    try {
      this.handlers.closed(error);
    } finally {
      for (const resolve of this.closeWaiters.splice(0)) resolve();
    }
  }
}
