// A minimal, strict test client for the training switch: real node:tls, real framing. Waits on
// events (frames, close), never on sleeps.

import tls from 'node:tls';
import { FrameDecoder, FrameError, encodeFrame } from '../../../shared/wire/frame';
import {
  encodeClientMessage,
  parseSwitchMessage,
  PROTOCOL_VERSION,
  type ClientMessage,
  type SwitchMessage,
} from '../../../shared/wire/protocol';

export type Received =
  | { type: 'message'; message: SwitchMessage; text: string }
  | { type: 'violation'; reason: string; text: string }
  | { type: 'frame-error'; error: FrameError }
  | { type: 'closed' };

export interface ConnectOptions {
  host: string;
  port: number;
  ca: string;
  cert?: string;
  key?: string;
  servername?: string;
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  ciphers?: string;
}

export class TestClient {
  readonly socket: tls.TLSSocket;
  private readonly decoder = new FrameDecoder();
  private readonly queue: Received[] = [];
  private waiters: Array<(r: Received) => void> = [];
  private ended = false;
  /** Bytes received after the last complete frame when the connection closed. */
  partialBytes = 0;
  readonly closed: Promise<void>;
  error: Error | null = null;

  private constructor(socket: tls.TLSSocket) {
    this.socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => {
      this.error = err;
    });
    socket.on('close', () => {
      this.partialBytes = this.decoder.pendingBytes;
      this.push({ type: 'closed' });
    });
  }

  /** Connects and completes the TLS handshake (rejects if the handshake fails). */
  static connect(opts: ConnectOptions): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const socket = tls.connect({
        host: opts.host,
        port: opts.port,
        ca: [opts.ca],
        ...(opts.cert ? { cert: opts.cert } : {}),
        ...(opts.key ? { key: opts.key } : {}),
        servername: opts.servername ?? 'localhost',
        ...(opts.minVersion ? { minVersion: opts.minVersion } : {}),
        ...(opts.maxVersion ? { maxVersion: opts.maxVersion } : {}),
        ...(opts.ciphers ? { ciphers: opts.ciphers } : {}),
      });
      const client = new TestClient(socket);
      const onError = (err: Error) => reject(err);
      socket.once('error', onError);
      socket.once('secureConnect', () => {
        socket.off('error', onError);
        resolve(client);
      });
    });
  }

  send(message: ClientMessage): void {
    this.socket.write(encodeFrame(encodeClientMessage(message)));
  }

  sendText(text: string): void {
    this.socket.write(encodeFrame(text));
  }

  sendRaw(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  /** The next thing received (a message, a protocol problem, or the close). */
  next(): Promise<Received> {
    const r = this.queue.shift();
    if (r) return Promise.resolve(r);
    if (this.ended) return Promise.resolve({ type: 'closed' });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The next switch message; throws if something else comes. */
  async message(): Promise<SwitchMessage> {
    const r = await this.next();
    if (r.type !== 'message') throw new Error(`expected a message, got ${JSON.stringify(r.type === 'frame-error' ? r.error.code : r)}`);
    return r.message;
  }

  async expectKind<K extends SwitchMessage['kind']>(kind: K): Promise<Extract<SwitchMessage, { kind: K }>> {
    const m = await this.message();
    if (m.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(m)}`);
    return m as Extract<SwitchMessage, { kind: K }>;
  }

  async logon(ori = 'CA0349999', trm = 'TRN1', opr = 'OPR001'): Promise<Extract<SwitchMessage, { kind: 'LOGON-OK' }>> {
    this.send({ kind: 'LOGON', trm, ori, opr, ver: PROTOCOL_VERSION });
    return this.expectKind('LOGON-OK');
  }

  /** Sends an INQ and returns its ACK and RPL. */
  async inquire(ref: string, text: string, opr = 'OPR001'): Promise<{ ack: SwitchMessage; reply: Extract<SwitchMessage, { kind: 'RPL' }> }> {
    this.send({ kind: 'INQ', ref, opr, text });
    const ack = await this.expectKind('ACK');
    const reply = await this.expectKind('RPL');
    return { ack, reply };
  }

  close(): Promise<void> {
    this.socket.destroy();
    return this.closed;
  }

  private onData(chunk: Buffer): void {
    let frames: string[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      this.push({ type: 'frame-error', error: err as FrameError });
      this.socket.destroy();
      return;
    }
    for (const text of frames) {
      const parsed = parseSwitchMessage(text);
      this.push(parsed.ok ? { type: 'message', message: parsed.message, text } : { type: 'violation', reason: parsed.violation, text });
    }
  }

  private push(r: Received): void {
    if (this.ended) return;
    if (r.type === 'closed') this.ended = true;
    const waiter = this.waiters.shift();
    if (waiter) waiter(r);
    else this.queue.push(r);
    if (r.type === 'closed') {
      for (const w of this.waiters.splice(0)) w({ type: 'closed' });
    }
  }
}
