// Public types of the CLETS link. Plain TypeScript (no zod): the IPC contract in shared/contract
// mirrors LinkStatus, LinkReply and LinkErrorInfo.

import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { LinkErrorInfo } from './errors';

/** PEM text (string or Buffer), or a file to read it from at each connection attempt. */
export type PemSource = string | Buffer | { path: string };

export interface ReconnectOptions {
  /** Delay before the first retry. Default 1 000 ms. */
  initialDelayMs?: number;
  /** The cap. Errors that need a person (certificates, trust, logon refused) wait this long. Default 60 000 ms. */
  maxDelayMs?: number;
  /** Growth factor per failed attempt. Default 2. */
  multiplier?: number;
  /**
   * Jitter hook: given the computed delay and the attempt number (0 = first retry), returns the delay
   * to use. Default: uniform in [delay/2, delay]. Tests pass a deterministic function.
   */
  jitter?: (delayMs: number, attempt: number) => number;
}

export interface LinkOptions {
  host: string;
  port: number;
  /** The name the switch's certificate must carry. Default: host. */
  servername?: string;
  /** The agency CA: the only trust anchor for the switch's certificate (the system store is never used). */
  ca: PemSource;
  /** This workstation's certificate (may include intermediates) and private key. */
  cert: PemSource;
  key: PemSource;
  passphrase?: string;
  /** Terminal mnemonic (TERMINAL_MNEMONIC), e.g. "SAC1WS01". */
  terminal: string;
  /** Agency ORI (ORI_PATTERN), e.g. "CA0340000". */
  ori: string;
  /**
   * OPR sent in LOGON. The link logs on as the workstation, not as a person: default is the terminal
   * mnemonic. Each inquiry carries its own operator (send(text, {operator})).
   */
  logonOperator?: string;
  clock: Clock;
  /** Time allowed for a reply after the inquiry is written. Default 30 000 ms. */
  inquiryTimeoutMs?: number;
  /** Time allowed from starting an attempt to LOGON-OK (TCP + TLS + logon). Default 15 000 ms. */
  connectTimeoutMs?: number;
  /** Time a PONG may take before the connection is declared dead. Default: the keep-alive interval. */
  pongTimeoutMs?: number;
  /** Time stop() waits for LOGOFF-OK before closing anyway. Default 2 000 ms. */
  logoffTimeoutMs?: number;
  /** Inquiries awaiting replies at once; send() beyond it fails with LINK_BUSY. Default 16. */
  maxInFlight?: number;
  reconnect?: ReconnectOptions;
  logger?: Logger;
}

export type LinkState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface LinkStatus {
  state: LinkState;
  /** True when the current (or last) session is with a training switch: show the TRAINING banner. */
  training: boolean;
  /** When the link entered this state, ISO 8601 UTC. */
  since: string;
  /** Name the switch gave in LOGON-OK. */
  switchName?: string;
  /** Why the link is not connected (last failure). Absent when connected or stopped. */
  error?: LinkErrorInfo;
  /** When the next connection attempt is due, ISO 8601 UTC ('reconnecting' and 'failed' only). */
  nextAttemptAt?: string;
}

export interface InquiryMeta {
  /** The operator making the inquiry (OPERATOR_ID); carried in the INQ frame's OPR. */
  operator: string;
  /**
   * A reference reserved beforehand with `nextRef()`, so a record made before the send (the audit
   * trail's `inquiry.sent`) carries the reference that goes on the wire. Default: a new one.
   */
  ref?: string;
}

export interface LinkReply {
  /** The message reference the link assigned to the inquiry (MESSAGE_REF). */
  ref: string;
  /** The reply's CLETS text, as received. */
  text: string;
  /** The switch marked the reply, or the session, as training data. */
  training: boolean;
  /** ISO 8601 UTC: inquiry written / switch acknowledged it (null if it never did) / reply received. */
  sentAt: string;
  ackedAt: string | null;
  repliedAt: string;
}

export interface UnsolicitedMessage {
  seq: number;
  text: string;
  training: boolean;
  receivedAt: string;
}

export interface CletsLink {
  /** Starts connecting (and reconnecting after drops) until stop(). Calling it again does nothing. */
  start(): void;
  /** Logs off, closes, fails every pending inquiry with LINK_STOPPED. Resolves when the socket is closed. */
  stop(): Promise<void>;
  /**
   * Sends one inquiry once. Resolves with the reply carrying the same reference; rejects with a
   * LinkError (NOT_CONNECTED, LINK_BUSY, INVALID_INQUIRY, INQUIRY_TIMEOUT, CONNECTION_LOST,
   * PROTOCOL_VIOLATION, LINK_STOPPED). Never queued, never re-sent.
   */
  send(text: string, meta: InquiryMeta): Promise<LinkReply>;
  /**
   * Reserves the reference of the next inquiry (pass it to send as `meta.ref`). A reference can be used
   * once; only references this link gave out are accepted (the most recent 1 024 reserved and unused).
   */
  nextRef(): string;
  status(): LinkStatus;
  /** Calls cb on each status change. Returns the unsubscribe function. */
  onStatus(cb: (status: LinkStatus) => void): () => void;
  /** Calls cb for each unsolicited ($.) message. Returns the unsubscribe function. */
  onUnsolicited(cb: (message: UnsolicitedMessage) => void): () => void;
  /** Inquiries awaiting replies. */
  inFlight(): number;
}
