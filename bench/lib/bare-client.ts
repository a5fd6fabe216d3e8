// A minimal node:tls client that speaks the same frames as the link (LOGON, INQ, RPL) and nothing
// else: no reconnects, no status, no table of pending inquiries beyond what a benchmark needs.
// It is the baseline the link's overhead is measured against, and the load generator for the switch.

import { once } from 'node:events';
import { connect, type TLSSocket } from 'node:tls';
import { FrameDecoder, encodeFrame } from '../../shared/wire/frame';
import { PROTOCOL_VERSION, encodeClientMessage } from '../../shared/wire/protocol';

export interface BareOptions {
  host: string;
  port: number;
  servername: string;
  ca: string;
  cert: string;
  key: string;
  terminal: string;
  ori: string;
}

export class BareClient {
  private readonly decoder = new FrameDecoder();
  private logonWaiter: ((text: string) => void) | null = null;
  private replyWaiter: ((text: string) => void) | null = null;
  /** Pipelined use: called for every RPL with its reference (read from the header, no full parse). */
  onReply: ((ref: string) => void) | null = null;

  private constructor(readonly socket: TLSSocket) {
    socket.on('data', (chunk: Buffer) => {
      // Writes made while handling one chunk (pipelined load) leave in one batch.
      socket.cork();
      for (const text of this.decoder.push(chunk)) this.dispatch(text);
      socket.uncork();
    });
  }

  static async connect(opts: BareOptions): Promise<BareClient> {
    const socket = connect({
      host: opts.host,
      port: opts.port,
      servername: opts.servername,
      ca: [opts.ca],
      cert: opts.cert,
      key: opts.key,
      minVersion: 'TLSv1.2',
    });
    socket.setNoDelay(true);
    await once(socket, 'secureConnect');
    const client = new BareClient(socket);
    const logon = new Promise<string>((resolve) => (client.logonWaiter = resolve));
    client.write(encodeClientMessage({ kind: 'LOGON', trm: opts.terminal, ori: opts.ori, opr: opts.terminal, ver: PROTOCOL_VERSION }));
    const answer = await logon;
    if (!answer.startsWith('LOGON-OK')) throw new Error(`bare client: logon refused: ${answer.split('\n')[0]}`);
    return client;
  }

  write(text: string): void {
    this.socket.write(encodeFrame(text));
  }

  /** Sends one INQ and resolves with the RPL's text. Sequential use only. */
  roundTrip(ref: string, opr: string, text: string): Promise<string> {
    const reply = new Promise<string>((resolve) => (this.replyWaiter = resolve));
    this.write(encodeClientMessage({ kind: 'INQ', ref, opr, text }));
    return reply;
  }

  close(): void {
    this.socket.destroy();
  }

  private dispatch(text: string): void {
    if (this.logonWaiter) {
      const waiter = this.logonWaiter;
      this.logonWaiter = null;
      waiter(text);
      return;
    }
    if (!text.startsWith('RPL ')) return; // ACK, UNS, PONG
    if (this.onReply) {
      const refStart = text.indexOf('REF=') + 4;
      const refEnd = text.indexOf(' ', refStart);
      this.onReply(text.slice(refStart, refEnd === -1 ? text.indexOf('\n', refStart) : refEnd));
      return;
    }
    const waiter = this.replyWaiter;
    this.replyWaiter = null;
    waiter?.(text);
  }
}
