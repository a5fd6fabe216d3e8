// Backpressure at the switch: when the socket will not take more, the connection stops reading
// inquiries until it drains; a client that leaves too much unread is disconnected.
import { EventEmitter } from 'node:events';
import type { TLSSocket } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { silentLogger } from '../../../electron/services/log';
import { encodeFrame } from '../../../shared/wire/frame';
import { Connection, MAX_BUFFERED_BYTES, type SwitchCore } from '../../../switch/connection';
import { NO_FAULTS } from '../../../switch/faults';

class FakeSocket extends EventEmitter {
  written: Uint8Array[] = [];
  accept = true;
  writableLength = 0;
  destroyed = false;
  paused = false;
  setNoDelay() {}
  write(data: Uint8Array): boolean {
    this.written.push(data);
    return this.accept;
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  end() {}
  destroy() {
    this.destroyed = true;
    this.emit('close');
  }
}

function core(): SwitchCore {
  return {
    clock: new ManualClock(),
    logger: silentLogger,
    keepaliveSeconds: 30,
    logonTimeoutMs: 30_000,
    switchName: 'TEST',
    faults: { ...NO_FAULTS },
    refuseOri: () => null,
    answer: () => 'REPLY TEXT',
    forcedError: () => 'ER TEXT',
    countInquiry: () => undefined,
  };
}

const frame = (text: string) => Buffer.from(encodeFrame(text));

describe('connection backpressure', () => {
  it('pauses reading while the socket is full and resumes on drain', () => {
    const socket = new FakeSocket();
    new Connection(socket as unknown as TLSSocket, core(), silentLogger, () => undefined);
    socket.emit('data', frame('LOGON TRM=TRN1 ORI=CA0349999 OPR=OPR001 VER=1'));
    expect(socket.paused).toBe(false);
    socket.accept = false;
    socket.emit('data', Buffer.concat([frame('INQ REF=BACK-00000001 OPR=OPR001\nX'), frame('INQ REF=BACK-00000002 OPR=OPR001\nY')]));
    expect(socket.paused).toBe(true);
    // both inquiries of the chunk were answered in one write (ACK, RPL, ACK, RPL)
    expect(Buffer.from(socket.written.at(-1)!).toString('latin1').match(/(ACK|RPL) REF/g)).toHaveLength(4);
    socket.accept = true;
    socket.emit('drain');
    expect(socket.paused).toBe(false);
  });

  it('disconnects a client that leaves more than MAX_BUFFERED_BYTES unread', () => {
    const socket = new FakeSocket();
    let closed = false;
    new Connection(socket as unknown as TLSSocket, core(), silentLogger, () => (closed = true));
    socket.emit('data', frame('LOGON TRM=TRN1 ORI=CA0349999 OPR=OPR001 VER=1'));
    socket.writableLength = MAX_BUFFERED_BYTES + 1;
    socket.emit('data', frame('INQ REF=BACK-00000003 OPR=OPR001\nX'));
    expect(socket.destroyed).toBe(true);
    expect(closed).toBe(true);
  });
});
