// A minimal scripted switch for link tests that need exact control of the far end (a reply with an
// unknown reference, a switch that never answers a keep-alive, a raw byte stream). Behaviour that the
// training switch offers (faults, stats) is tested against switch/server.ts instead.

import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type TLSSocket, type TlsOptions } from 'node:tls';
import { FrameDecoder, encodeFrame } from '../../../../shared/wire/frame';
import { encodeSwitchMessage, parseClientMessage, type ClientMessage, type SwitchMessage } from '../../../../shared/wire/protocol';

export interface ScriptedConnection {
  socket: TLSSocket;
  received: ClientMessage[];
  send(message: SwitchMessage): void;
  sendRaw(bytes: Uint8Array): void;
}

export interface ScriptedSwitchOptions {
  ca: string;
  cert: string;
  key: string;
  tls?: Pick<TlsOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;
  /** What to answer to LOGON. Default: LOGON-OK, training, keepalive 30 s. */
  onLogon?: (conn: ScriptedConnection, logon: Extract<ClientMessage, { kind: 'LOGON' }>) => void;
  /** What to do with an inquiry. Default: ACK then RPL echoing "ECHO <text>". */
  onInquiry?: (conn: ScriptedConnection, inq: Extract<ClientMessage, { kind: 'INQ' }>) => void;
  /** Answer PINGs. Default true. */
  answerPings?: boolean;
  keepaliveSeconds?: number;
}

export interface ScriptedSwitch {
  port: number;
  host: string;
  connections: ScriptedConnection[];
  /** TCP connections accepted, whether or not TLS then succeeded. */
  tcpConnections(): number;
  /** Every client message, in order, across connections. */
  received: ClientMessage[];
  /** Emits 'connection' (ScriptedConnection), 'message' (ClientMessage, ScriptedConnection). */
  events: EventEmitter;
  nextConnection(): Promise<ScriptedConnection>;
  nextMessage(kind: ClientMessage['kind']): Promise<ClientMessage>;
  close(): Promise<void>;
}

export async function startScriptedSwitch(opts: ScriptedSwitchOptions, port = 0): Promise<ScriptedSwitch> {
  const events = new EventEmitter();
  const connections: ScriptedConnection[] = [];
  const received: ClientMessage[] = [];
  const sockets = new Set<TLSSocket>();
  const server: Server = createServer(
    { ca: opts.ca, cert: opts.cert, key: opts.key, requestCert: true, rejectUnauthorized: true, ...opts.tls },
    (socket) => {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
      const decoder = new FrameDecoder();
      const conn: ScriptedConnection = {
        socket,
        received: [],
        send: (m) => {
          if (!socket.destroyed) socket.write(encodeFrame(encodeSwitchMessage(m)));
        },
        sendRaw: (b) => {
          if (!socket.destroyed) socket.write(b);
        },
      };
      connections.push(conn);
      events.emit('connection', conn);
      socket.on('data', (chunk: Buffer) => {
        let texts: string[];
        try {
          texts = decoder.push(chunk);
        } catch {
          socket.destroy();
          return;
        }
        for (const text of texts) {
          const parsed = parseClientMessage(text);
          if (!parsed.ok) {
            socket.destroy();
            return;
          }
          const m = parsed.message;
          conn.received.push(m);
          received.push(m);
          events.emit('message', m, conn);
          switch (m.kind) {
            case 'LOGON':
              if (opts.onLogon) opts.onLogon(conn, m);
              else conn.send({ kind: 'LOGON-OK', session: `S${connections.length}`, training: true, keepaliveSeconds: opts.keepaliveSeconds ?? 30, switchName: 'SCRIPTED' });
              break;
            case 'INQ':
              if (opts.onInquiry) opts.onInquiry(conn, m);
              else {
                conn.send({ kind: 'ACK', ref: m.ref });
                conn.send({ kind: 'RPL', ref: m.ref, training: true, text: `ECHO ${m.text}` });
              }
              break;
            case 'PING':
              if (opts.answerPings ?? true) conn.send({ kind: 'PONG', seq: m.seq });
              break;
            case 'LOGOFF':
              conn.send({ kind: 'LOGOFF-OK' });
              socket.end();
              break;
            case 'ACK':
              break;
          }
        }
      });
    },
  );
  server.on('tlsClientError', () => undefined);
  let tcp = 0;
  server.on('connection', () => void (tcp += 1));
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  return {
    port: address.port,
    host: '127.0.0.1',
    connections,
    tcpConnections: () => tcp,
    received,
    events,
    nextConnection: () => once(events, 'connection').then(([c]) => c as ScriptedConnection),
    nextMessage: (kind) =>
      new Promise((resolve) => {
        const on = (m: ClientMessage) => {
          if (m.kind !== kind) return;
          events.off('message', on);
          resolve(m);
        };
        events.on('message', on);
      }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
