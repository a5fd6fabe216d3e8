// One workstation connection to the training switch: framing, the session state machine
// (docs/wire-protocol.md §4), fault injection on the way out, and backpressure-aware writes.

import { randomBytes } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { Clock, TimerHandle } from '../electron/services/clock';
import type { Logger } from '../electron/services/log';
import { FRAME_HEADER_BYTES, FrameDecoder, MAX_FRAME_BYTES, encodeFrame } from '../shared/wire/frame';
import {
  PROTOCOL_VERSION,
  encodeSwitchMessage,
  parseClientMessage,
  type ClientMessage,
  type SwitchMessage,
} from '../shared/wire/protocol';
import { takeDeliveryFault, type DeliveryFault, type FaultConfig } from './faults';

/** What a connection needs from its switch. */
export interface SwitchCore {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly keepaliveSeconds: number;
  readonly logonTimeoutMs: number;
  readonly switchName: string;
  readonly faults: FaultConfig;
  /** Why this ORI may not log on, or null when it may. */
  refuseOri(ori: string): string | null;
  /**
   * The reply text (training-marked CLETS text) to an inquiry from a terminal of `ori`. `later` sends an
   * unsolicited message to this connection after `afterMs` by the switch's clock (a YR answered later);
   * `text()` is asked then, and nothing is sent when it returns null.
   */
  answer(text: string, ori: string, later?: (afterMs: number, text: () => string | null) => void): string;
  /** A forced ER reply (fault errorReplyNext). */
  forcedError(text: string, ori: string): string;
  countInquiry(): void;
}

type State = 'logon' | 'open' | 'closing' | 'closed';

/** ERR codes the switch sends before closing a connection. */
export type ErrCode = 'PROTOCOL' | 'FRAME' | 'STATE' | 'DUPLICATE_REF' | 'LOGON_TIMEOUT' | 'IDLE';

/** How many recent message references per session are remembered to refuse a re-used one. */
export const REF_MEMORY = 4096;
/** A client that lets this much reply data pile up unread is disconnected. */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** After an ERR or LOGOFF-OK the socket is destroyed if the client has not closed within this time. */
const CLOSE_GRACE_MS = 2_000;

export class Connection {
  state: State = 'logon';
  trm = '';
  ori = '';
  opr = '';
  readonly session = randomBytes(8).toString('hex').toUpperCase();

  private readonly decoder = new FrameDecoder(MAX_FRAME_BYTES);
  private out: Uint8Array[] = [];
  private outBytes = 0;
  private batching = false;
  private readPaused = false;
  private unsSeq = 0;
  private lastActivity: number;
  private readonly refs = new Set<string>();
  private readonly refRing: string[] = [];
  private refRingPos = 0;
  private logonTimer: TimerHandle | null = null;
  private idleTimer: TimerHandle | null = null;
  private readonly delayed = new Set<TimerHandle>();

  constructor(
    private readonly socket: TLSSocket,
    private readonly core: SwitchCore,
    private readonly log: Logger,
    private readonly onClosed: (c: Connection) => void,
  ) {
    this.lastActivity = core.clock.now();
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', (err) => this.log.debug('socket error', { err }));
    socket.on('close', () => this.cleanup());
    this.logonTimer = core.clock.setTimeout(() => {
      this.logonTimer = null;
      if (this.state === 'logon') this.violation('LOGON_TIMEOUT', 'no LOGON received in time');
    }, core.logonTimeoutMs);
  }

  get loggedOn(): boolean {
    return this.state === 'open';
  }

  /** Sends an unsolicited message (already formatted text) if logged on and not silenced. */
  sendUnsolicited(text: string): void {
    if (this.state !== 'open' || this.core.faults.silent) return;
    this.unsSeq += 1;
    this.send({ kind: 'UNS', seq: this.unsSeq, training: true, text });
    this.flush();
  }

  /** Destroys the connection at once (switch shutdown). */
  destroy(): void {
    this.state = 'closed';
    this.socket.destroy();
  }

  // --- input -------------------------------------------------------------------------------------

  private onData(chunk: Buffer): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    let frames: string[];
    try {
      frames = this.decoder.push(chunk);
    } catch (err) {
      this.violation('FRAME', err instanceof Error ? err.message : 'invalid frame');
      return;
    }
    if (frames.length === 0) return;
    this.lastActivity = this.core.clock.now();
    this.batching = true;
    try {
      for (const text of frames) {
        this.handle(text);
        if (this.state !== 'logon' && this.state !== 'open') break;
      }
    } finally {
      this.batching = false;
    }
    this.flush();
  }

  private handle(text: string): void {
    const parsed = parseClientMessage(text);
    if (!parsed.ok) {
      this.violation('PROTOCOL', parsed.violation);
      return;
    }
    const m = parsed.message;
    if (this.state === 'logon') {
      if (m.kind !== 'LOGON') this.violation('STATE', `${m.kind} before LOGON`);
      else this.logon(m);
      return;
    }
    switch (m.kind) {
      case 'LOGON':
        this.violation('STATE', 'LOGON on a session that is already logged on');
        return;
      case 'INQ':
        this.inquiry(m);
        return;
      case 'ACK':
        // The client confirms it received a reply. Nothing to do: the switch keeps no retry queue.
        return;
      case 'PING':
        if (!this.core.faults.silent) this.send({ kind: 'PONG', seq: m.seq });
        return;
      case 'LOGOFF':
        this.log.info('logoff', { trm: this.trm, ori: this.ori });
        this.send({ kind: 'LOGOFF-OK' });
        this.closeGracefully();
        return;
    }
  }

  private logon(m: Extract<ClientMessage, { kind: 'LOGON' }>): void {
    if (this.core.faults.silent) return; // a hung switch: the client's logon timer must fire
    if (m.ver !== PROTOCOL_VERSION) {
      this.refuse('VERSION', `Protocol version ${m.ver} is not supported; this switch speaks version ${PROTOCOL_VERSION}.`);
      return;
    }
    const oriProblem = this.core.refuseOri(m.ori);
    if (oriProblem !== null) {
      this.refuse('ORI', oriProblem);
      return;
    }
    this.clearLogonTimer();
    this.state = 'open';
    this.trm = m.trm;
    this.ori = m.ori;
    this.opr = m.opr;
    this.log.info('logon', { trm: m.trm, ori: m.ori, session: this.session });
    this.send({
      kind: 'LOGON-OK',
      session: this.session,
      training: true,
      keepaliveSeconds: this.core.keepaliveSeconds,
      switchName: this.core.switchName,
    });
    this.armIdleCheck();
  }

  private inquiry(m: Extract<ClientMessage, { kind: 'INQ' }>): void {
    // parseClientMessage has checked REF against MESSAGE_REF.
    if (this.refs.has(m.ref)) {
      this.violation('DUPLICATE_REF', `REF ${m.ref} was already used on this session`);
      return;
    }
    this.rememberRef(m.ref);
    this.core.countInquiry();
    const f = this.core.faults;
    if (f.silent) return;
    if (f.noAck > 0) {
      f.noAck -= 1;
      return;
    }
    this.send({ kind: 'ACK', ref: m.ref });
    if (f.noReply > 0) {
      f.noReply -= 1;
      return;
    }
    let text: string;
    if (f.errorReplyNext > 0) {
      f.errorReplyNext -= 1;
      text = this.core.forcedError(m.text, this.ori);
    } else {
      text = this.core.answer(m.text, this.ori, (afterMs, later) => this.sendLater(afterMs, later));
    }
    const frame = this.frame({ kind: 'RPL', ref: m.ref, training: true, text });
    const fault = takeDeliveryFault(f);
    if (f.delayMs > 0) {
      const handle = this.core.clock.setTimeout(() => {
        this.delayed.delete(handle);
        if (this.state === 'open') {
          this.deliver(frame, fault, m.ref);
          this.flush();
        }
      }, f.delayMs);
      this.delayed.add(handle);
    } else {
      this.deliver(frame, fault, m.ref);
    }
  }

  /** An unsolicited message to this connection after `afterMs` (switch clock), if it is still logged on. */
  private sendLater(afterMs: number, text: () => string | null): void {
    const handle = this.core.clock.setTimeout(() => {
      this.delayed.delete(handle);
      if (this.state !== 'open') return;
      const message = text();
      if (message !== null) this.sendUnsolicited(message);
    }, afterMs);
    this.delayed.add(handle);
  }

  private deliver(frame: Uint8Array, fault: DeliveryFault, ref: string): void {
    switch (fault) {
      case 'none':
        this.queue(frame);
        return;
      case 'dropMidReply': {
        this.flush();
        const half = frame.subarray(0, Math.max(FRAME_HEADER_BYTES + 1, frame.length >> 1));
        this.state = 'closing';
        this.log.info('fault: dropping connection in the middle of a reply', { session: this.session });
        this.socket.write(half, () => this.socket.destroy());
        return;
      }
      case 'garble': {
        // A well-formed length prefix around bytes that are not UTF-8 (and not the grammar either).
        const body = Buffer.concat([Buffer.from(`RPL REF=${ref} TRAINING=1\n`), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0x0a])]);
        this.queue(withLength(body, body.length));
        return;
      }
      case 'invalidMessage':
        this.queue(encodeFrame(`RPL REF=${ref} TRAINING=maybe EXTRA\n`));
        return;
      case 'oversize':
        this.queue(withLength(Buffer.from('RPL REF=' + ref), MAX_FRAME_BYTES + 1));
        return;
    }
  }

  // --- output --------------------------------------------------------------------------------------

  private frame(message: SwitchMessage): Uint8Array {
    return encodeFrame(encodeSwitchMessage(message));
  }

  private send(message: SwitchMessage): void {
    this.queue(this.frame(message));
  }

  private queue(frame: Uint8Array): void {
    this.out.push(frame);
    this.outBytes += frame.length;
    if (!this.batching) this.flush();
  }

  /** Writes everything queued as one buffer (one TLS record batch); pauses reading under backpressure. */
  private flush(): void {
    if (this.out.length === 0) return;
    if (this.socket.destroyed) {
      this.out = [];
      this.outBytes = 0;
      return;
    }
    const data = this.out.length === 1 ? this.out[0]! : Buffer.concat(this.out, this.outBytes);
    this.out = [];
    this.outBytes = 0;
    const ok = this.socket.write(data);
    if (!ok && !this.readPaused) {
      // Stop reading new inquiries until the client drains its replies: backpressure reaches it.
      this.readPaused = true;
      this.socket.pause();
    }
    if (this.socket.writableLength > MAX_BUFFERED_BYTES) {
      this.log.warn('client is not reading its replies; disconnecting', { session: this.session });
      this.destroy();
    }
  }

  private onDrain(): void {
    if (this.readPaused) {
      this.readPaused = false;
      if (this.state === 'logon' || this.state === 'open') this.socket.resume();
    }
  }

  // --- closing -------------------------------------------------------------------------------------

  private refuse(code: string, reason: string): void {
    this.log.warn('logon refused', { code, reason });
    this.send({ kind: 'LOGON-REFUSED', code, reason });
    this.closeGracefully();
  }

  /** A protocol violation: ERR with the reason, then the connection is closed. */
  violation(code: ErrCode, reason: string): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    this.log.warn('protocol violation', { code, reason, session: this.session });
    this.send({ kind: 'ERR', code, reason: sanitizeReason(reason) });
    this.closeGracefully();
  }

  private closeGracefully(): void {
    this.state = 'closing';
    this.flush();
    this.socket.end();
    const timer = setTimeout(() => this.socket.destroy(), CLOSE_GRACE_MS);
    timer.unref();
    this.socket.once('close', () => clearTimeout(timer));
  }

  private cleanup(): void {
    this.state = 'closed';
    this.clearLogonTimer();
    if (this.idleTimer) this.core.clock.clearTimeout(this.idleTimer);
    this.idleTimer = null;
    for (const handle of this.delayed) this.core.clock.clearTimeout(handle);
    this.delayed.clear();
    this.onClosed(this);
  }

  private clearLogonTimer(): void {
    if (this.logonTimer) this.core.clock.clearTimeout(this.logonTimer);
    this.logonTimer = null;
  }

  /** Checks once per keep-alive interval that the client has sent something within 3 intervals. */
  private armIdleCheck(): void {
    const interval = this.core.keepaliveSeconds * 1000;
    this.idleTimer = this.core.clock.setTimeout(() => {
      this.idleTimer = null;
      if (this.state !== 'open') return;
      if (this.core.clock.now() - this.lastActivity >= 3 * interval) {
        this.violation('IDLE', `nothing received for ${3 * this.core.keepaliveSeconds} seconds`);
      } else {
        this.armIdleCheck();
      }
    }, interval);
  }

  private rememberRef(ref: string): void {
    if (this.refRing.length < REF_MEMORY) {
      this.refRing.push(ref);
    } else {
      this.refs.delete(this.refRing[this.refRingPos]!);
      this.refRing[this.refRingPos] = ref;
      this.refRingPos = (this.refRingPos + 1) % REF_MEMORY;
    }
    this.refs.add(ref);
  }
}

function withLength(body: Uint8Array, announced: number): Uint8Array {
  const out = new Uint8Array(FRAME_HEADER_BYTES + body.length);
  new DataView(out.buffer).setUint32(0, announced, false);
  out.set(body, FRAME_HEADER_BYTES);
  return out;
}

/** ERR and refusal bodies are one line of plain text. */
function sanitizeReason(reason: string): string {
  const clean = reason.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 200)}...` : clean || 'protocol violation';
}
