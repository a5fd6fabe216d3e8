// The CLETS link: one long-lived, mutually authenticated connection to the message switch.
// It owns reconnecting, the table of inquiries awaiting replies, and the status the UI shows.
//
// Inquiries are sent exactly once. If the connection drops, times out or is stopped before the
// reply arrives, the inquiry fails with a clear error and the operator decides whether to ask again:
// the link never re-sends and never queues for later.

import { OPERATOR_ID, ORI_PATTERN, TERMINAL_MNEMONIC } from '../../../shared/wire/protocol';
import type { TimerHandle } from '../clock';
import { silentLogger, type Logger } from '../log';
import { SwitchConnection, type SessionInfo, type SessionMessage } from './connection';
import { loadCredentials } from './credentials';
import { LinkError, needsAttention, seconds } from './errors';
import { PendingTable } from './pending';
import { createReconnectPolicy, type ReconnectPolicy } from './reconnect';
import { createRefGenerator } from './ref';
import { StatusStore, iso } from './status';
import type { CletsLink, InquiryMeta, LinkOptions, LinkReply, LinkStatus, UnsolicitedMessage } from './types';

export const LINK_DEFAULTS = {
  inquiryTimeoutMs: 30_000,
  connectTimeoutMs: 15_000,
  logoffTimeoutMs: 2_000,
  maxInFlight: 16,
} as const;

const NOT_RESENT = 'The inquiry was not sent again';

export const inquiryErrors = {
  notConnected: () =>
    new LinkError('NOT_CONNECTED', 'The workstation is not connected to the switch, so the inquiry was not sent. Send it again once the link shows connected.'),
  timeout: (ms: number) =>
    new LinkError(
      'INQUIRY_TIMEOUT',
      `No reply from the switch within ${seconds(ms)}. ${NOT_RESENT}, and the switch may still have received it. Ask again if you still need the answer.`,
    ),
  lost: (cause: LinkError | null) =>
    new LinkError('CONNECTION_LOST', `The connection to the switch dropped before the reply arrived. ${NOT_RESENT}: ask again once the link is connected.`, { cause }),
  violation: (cause: LinkError) =>
    new LinkError(
      'PROTOCOL_VIOLATION',
      `The switch sent a malformed message and the connection was dropped before the reply arrived. ${NOT_RESENT}: ask again once the link is connected.`,
      { cause },
    ),
  stopped: () => new LinkError('LINK_STOPPED', `The link to the switch was closed before the reply arrived. ${NOT_RESENT}.`),
  busy: (n: number) =>
    new LinkError('LINK_BUSY', `${n} inquiries are already waiting for replies, the most this workstation allows. This inquiry was not sent; send it again when one has finished.`),
  invalid: (why: string, cause?: unknown) => new LinkError('INVALID_INQUIRY', `The inquiry was not sent: ${why}.`, { cause }),
};

function check(condition: boolean, what: string): void {
  if (!condition) throw new RangeError(`createLink: ${what}`);
}

export function createLink(opts: LinkOptions): CletsLink {
  check(typeof opts.host === 'string' && opts.host.length > 0, 'host is required');
  check(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536, 'port must be 1-65535');
  check(TERMINAL_MNEMONIC.test(opts.terminal), 'terminal must match TERMINAL_MNEMONIC');
  check(ORI_PATTERN.test(opts.ori), 'ori must match ORI_PATTERN');
  check(OPERATOR_ID.test(opts.logonOperator ?? opts.terminal), 'logonOperator must match OPERATOR_ID');
  check(opts.clock !== undefined, 'clock is required');
  for (const key of ['inquiryTimeoutMs', 'connectTimeoutMs', 'pongTimeoutMs', 'logoffTimeoutMs', 'maxInFlight'] as const) {
    const v = opts[key];
    check(v === undefined || (Number.isFinite(v) && v > 0), `${key} must be a positive number`);
  }
  return new Link(opts);
}

/** Reserved references kept for send(); a reservation never used is forgotten after this many more. */
const MAX_RESERVED_REFS = 1024;

class Link implements CletsLink {
  private running = false;
  private conn: SwitchConnection | null = null;
  private session: SessionInfo | null = null;
  private attempt = 0;
  private retryTimer: TimerHandle | null = null;
  private readonly logger: Logger;
  private readonly pending: PendingTable;
  private readonly makeRef: () => string;
  /** References given out by nextRef() and not yet used, oldest first (bounded). */
  private readonly reserved = new Set<string>();
  private readonly policy: ReconnectPolicy;
  private readonly statusStore: StatusStore;
  private readonly unsolicitedListeners = new Set<(m: UnsolicitedMessage) => void>();
  private readonly inquiryTimeoutMs: number;
  private readonly servername: string;
  private closing: Promise<void> = Promise.resolve();

  constructor(private readonly opts: LinkOptions) {
    this.logger = opts.logger ?? silentLogger;
    this.pending = new PendingTable(opts.clock, opts.maxInFlight ?? LINK_DEFAULTS.maxInFlight);
    this.makeRef = createRefGenerator(opts.terminal, opts.clock);
    this.policy = createReconnectPolicy(opts.reconnect);
    this.statusStore = new StatusStore(opts.clock, this.logger);
    this.inquiryTimeoutMs = opts.inquiryTimeoutMs ?? LINK_DEFAULTS.inquiryTimeoutMs;
    this.servername = opts.servername ?? opts.host;
  }

  // --- lifecycle --------------------------------------------------------------------------

  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connectNow();
  }

  stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) this.opts.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const failed = this.pending.failAll(() => inquiryErrors.stopped());
    const conn = this.conn;
    this.conn = null;
    this.session = null;
    this.statusStore.set({ state: 'disconnected', training: false, switchName: undefined });
    if (failed > 0) this.logger.info('link stopped with inquiries pending', { failed });
    if (conn) this.closing = conn.logoff(this.opts.logoffTimeoutMs ?? LINK_DEFAULTS.logoffTimeoutMs);
    return this.closing;
  }

  private connectNow(): void {
    this.retryTimer = null;
    if (!this.running) return;
    // While retrying, the last error stays visible.
    this.statusStore.set({ state: 'connecting', error: this.statusStore.get().error });
    let credentials;
    try {
      credentials = loadCredentials(this.opts, this.opts.clock.now());
    } catch (err) {
      const error = err instanceof LinkError ? err : new LinkError('CERT_INVALID', 'The workstation credentials could not be loaded.', { cause: err });
      this.scheduleRetry(error);
      return;
    }
    const conn: SwitchConnection = new SwitchConnection(
      {
        host: this.opts.host,
        port: this.opts.port,
        servername: this.servername,
        credentials,
        logon: { trm: this.opts.terminal, ori: this.opts.ori, opr: this.opts.logonOperator ?? this.opts.terminal },
        clock: this.opts.clock,
        connectTimeoutMs: this.opts.connectTimeoutMs ?? LINK_DEFAULTS.connectTimeoutMs,
        ...(this.opts.pongTimeoutMs === undefined ? {} : { pongTimeoutMs: this.opts.pongTimeoutMs }),
        logger: this.logger,
      },
      {
        established: (info) => this.onEstablished(conn, info),
        message: (message) => this.onMessage(conn, message),
        closed: (error) => this.onClosed(conn, error),
      },
    );
    this.conn = conn;
    conn.open();
  }

  private onEstablished(conn: SwitchConnection, info: SessionInfo): void {
    if (conn !== this.conn) return;
    this.attempt = 0;
    this.session = info;
    this.logger.info('logged on to switch', { switchName: info.switchName, training: info.training, keepaliveSeconds: info.keepaliveSeconds });
    this.statusStore.set({ state: 'connected', training: info.training, switchName: info.switchName });
  }

  private onClosed(conn: SwitchConnection, error: LinkError | null): void {
    if (conn !== this.conn) return;
    this.conn = null;
    this.session = null;
    const cause = error ?? new LinkError('CONNECTION_LOST', 'The connection to the switch closed.');
    const failed = this.pending.failAll(() =>
      cause.code === 'PROTOCOL_VIOLATION' ? inquiryErrors.violation(cause) : inquiryErrors.lost(cause),
    );
    if (failed > 0) this.logger.warn('connection closed with inquiries pending; they were failed, not re-sent', { failed, code: cause.code });
    if (!this.running) return;
    this.scheduleRetry(cause);
  }

  private scheduleRetry(error: LinkError): void {
    const delay = this.policy.delayFor(this.attempt, error.code);
    this.attempt += 1;
    const at = this.opts.clock.now() + delay;
    this.retryTimer = this.opts.clock.setTimeout(() => this.connectNow(), delay);
    this.logger.warn('switch connection attempt failed; will retry', { code: error.code, delayMs: delay, attempt: this.attempt });
    this.statusStore.set({
      state: needsAttention(error.code) ? 'failed' : 'reconnecting',
      error: error.toJSON(),
      nextAttemptAt: at,
    });
  }

  // --- inquiries --------------------------------------------------------------------------

  send(text: string, meta: InquiryMeta): Promise<LinkReply> {
    if (typeof meta?.operator !== 'string' || !OPERATOR_ID.test(meta.operator)) {
      return Promise.reject(inquiryErrors.invalid('the operator ID is missing or not in the expected form'));
    }
    if (typeof text !== 'string' || text.length === 0) return Promise.reject(inquiryErrors.invalid('the message text is empty'));
    const conn = this.conn;
    if (!conn || !conn.isEstablished || !this.session) return Promise.reject(inquiryErrors.notConnected());
    if (this.pending.full) return Promise.reject(inquiryErrors.busy(this.pending.capacity));

    let ref: string;
    if (meta.ref !== undefined) {
      if (typeof meta.ref !== 'string' || !this.reserved.delete(meta.ref)) {
        return Promise.reject(inquiryErrors.invalid('the message reference was not reserved on this link or was already used'));
      }
      ref = meta.ref;
    } else {
      ref = this.makeRef();
    }
    const timeoutMs = this.inquiryTimeoutMs;
    const reply = this.pending.add(ref, timeoutMs, () => {
      this.logger.warn('inquiry timed out', { ref, timeoutMs });
      return inquiryErrors.timeout(timeoutMs);
    });
    let written: boolean;
    try {
      written = conn.write({ kind: 'INQ', ref, opr: meta.operator, text });
    } catch (err) {
      this.pending.fail(ref, inquiryErrors.invalid('the message is too large or malformed for the link', err));
      return reply;
    }
    if (!written) this.pending.fail(ref, inquiryErrors.notConnected());
    return reply;
  }

  private onMessage(conn: SwitchConnection, message: SessionMessage): void {
    if (conn !== this.conn) return;
    switch (message.kind) {
      case 'ACK':
        if (!this.pending.acknowledge(message.ref)) this.logger.debug('switch acknowledged an unknown reference', { ref: message.ref });
        return;
      case 'RPL': {
        const training = message.training || (this.session?.training ?? false);
        const outcome = this.pending.reply(message.ref, message.text, training);
        if (outcome !== 'delivered') {
          // Never delivered to another inquiry: the reference is the only key.
          this.logger.warn(outcome === 'late' ? 'late reply for a timed-out inquiry dropped' : 'reply with an unknown reference dropped', {
            ref: message.ref,
          });
        }
        return;
      }
      case 'UNS': {
        const unsolicited: UnsolicitedMessage = {
          seq: message.seq,
          text: message.text,
          training: message.training || (this.session?.training ?? false),
          receivedAt: iso(this.opts.clock.now()),
        };
        for (const listener of [...this.unsolicitedListeners]) {
          try {
            listener(unsolicited);
          } catch (err) {
            this.logger.error('unsolicited-message listener threw', { err });
          }
        }
        return;
      }
      case 'ERR':
        this.logger.warn('switch ended the session with an error', { code: message.code });
        return;
    }
  }

  // --- status -----------------------------------------------------------------------------

  nextRef(): string {
    const ref = this.makeRef();
    this.reserved.add(ref);
    if (this.reserved.size > MAX_RESERVED_REFS) this.reserved.delete(this.reserved.values().next().value!);
    return ref;
  }

  status(): LinkStatus {
    return this.statusStore.get();
  }

  onStatus(cb: (status: LinkStatus) => void): () => void {
    return this.statusStore.subscribe(cb);
  }

  onUnsolicited(cb: (message: UnsolicitedMessage) => void): () => void {
    const wrapped = (m: UnsolicitedMessage) => cb(m);
    this.unsolicitedListeners.add(wrapped);
    return () => {
      this.unsolicitedListeners.delete(wrapped);
    };
  }

  inFlight(): number {
    return this.pending.size;
  }
}
