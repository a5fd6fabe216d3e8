// The training message switch: a real mutual-TLS server speaking the workstation protocol
// (docs/wire-protocol.md) and answering CLETS inquiries from the synthetic data set. Every reply
// carries TRAINING=1 and the codec's training marker line. Never connect it to real data.

import tls from 'node:tls';
import { systemClock, type Clock, type TimerHandle } from '../electron/services/clock';
import { silentLogger, type Logger } from '../electron/services/log';
import { dateToCcyymmdd, formatReply } from '../shared/codec';
import { ORI_PATTERN } from '../shared/wire/protocol';
import { Connection, type SwitchCore } from './connection';
import { createDataset, type Dataset } from './dataset';
import { mergeFaults, NO_FAULTS, type FaultConfig } from './faults';
import { deferredHitConfirmation, errorReply, ReplyCache, replyHeader, type ReplyContext } from './replies';

export type { FaultConfig } from './faults';

export interface TrainingSwitchOptions {
  /** Address to listen on. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** PEM: the CA that issues workstation certificates, the switch's certificate and its key. */
  pki: { ca: string; cert: string; key: string };
  /** Seed of the synthetic data set (ignored when `dataset` is given). */
  seed?: number;
  /** A data set built beforehand (tests share one across switches). */
  dataset?: Dataset;
  faults?: Partial<FaultConfig>;
  /** TLS overrides, for tests only (e.g. a TLS 1.1-only switch). Default: TLS 1.2 and later. */
  tls?: { minVersion?: tls.SecureVersion; maxVersion?: tls.SecureVersion; ciphers?: string };
  logger?: Logger;
  /** Keep-alive interval announced in LOGON-OK (1-3600). Default 30. */
  keepaliveSeconds?: number;
  /** Time source for stamps and timers (tests pass a ManualClock). Default: the system clock. */
  clock?: Clock;
  /** ORIs allowed to log on. Default: any California ORI (`CA` + 7). */
  allowedOris?: readonly string[];
  /** A connection that sends no LOGON within this time gets ERR LOGON_TIMEOUT. Default 30 s. */
  logonTimeoutMs?: number;
  /** Name announced in LOGON-OK. Default CLETS-TRAINING. */
  switchName?: string;
  /**
   * When set, a hit confirmation request (YQ) for a NIC on file is answered at once with an `AM`
   * (forwarded to the holding ORI) and the `YR` follows this many ms later (switch clock) as an
   * unsolicited message on the same connection. Unset (default): the YR is the reply itself.
   */
  hitConfirmationDelayMs?: number;
}

export interface TrainingSwitch {
  readonly host: string;
  readonly port: number;
  readonly dataset: Dataset;
  close(): Promise<void>;
  setFaults(f: Partial<FaultConfig>): void;
  /**
   * Sends an unsolicited message to every logged-on client. Text starting with `$.` is sent as is
   * (it must be a complete `$.` message); any other text is sent as a `$.A` administrative message.
   */
  sendUnsolicited(text: string): void;
  /** connections: currently open TLS connections; inquiries: INQ frames accepted since start. */
  stats(): { connections: number; inquiries: number };
}

export const DEFAULT_KEEPALIVE_SECONDS = 30;
export const SWITCH_NAME = 'CLETS-TRAINING';

export async function startTrainingSwitch(opts: TrainingSwitchOptions): Promise<TrainingSwitch> {
  const host = opts.host ?? '127.0.0.1';
  const keepaliveSeconds = opts.keepaliveSeconds ?? DEFAULT_KEEPALIVE_SECONDS;
  if (!Number.isInteger(keepaliveSeconds) || keepaliveSeconds < 1 || keepaliveSeconds > 3600) {
    throw new RangeError('keepaliveSeconds must be a whole number from 1 to 3600');
  }
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const dataset = opts.dataset ?? createDataset(opts.seed !== undefined ? { seed: opts.seed } : {});
  const confirmDelay = opts.hitConfirmationDelayMs;
  if (confirmDelay !== undefined && (!Number.isInteger(confirmDelay) || confirmDelay < 0 || confirmDelay > 86_400_000)) {
    throw new RangeError('hitConfirmationDelayMs must be a whole number of ms from 0 to one day');
  }
  const allowed = opts.allowedOris ? new Set(opts.allowedOris) : null;
  const faults: FaultConfig = mergeFaults({ ...NO_FAULTS }, opts.faults ?? {});
  let seq = 0;
  let inquiries = 0;
  const connections = new Set<Connection>();
  const replies = new ReplyCache();

  const context = (ori: string): ReplyContext => {
    const now = new Date(clock.now());
    seq = (seq % 99_999) + 1;
    return { destOri: ORI_PATTERN.test(ori) ? ori : 'CA0000000', now, seq, today: dateToCcyymmdd(now) };
  };

  const core: SwitchCore = {
    clock,
    logger,
    keepaliveSeconds,
    logonTimeoutMs: opts.logonTimeoutMs ?? 30_000,
    switchName: opts.switchName ?? SWITCH_NAME,
    faults,
    refuseOri(ori) {
      if (allowed) return allowed.has(ori) ? null : `ORI ${ori} is not authorized on this switch.`;
      if (!ori.startsWith('CA')) return `ORI ${ori} is not a California ORI; only California agencies use CLETS.`;
      if (ori === 'CA0000000') return 'ORI CA0000000 is the switch itself, not an agency.';
      return null;
    },
    answer(text, ori, later) {
      if (confirmDelay !== undefined && later !== undefined && text.startsWith('YQ.')) {
        const deferred = deferredHitConfirmation(dataset, text, ori, context(ori));
        if (deferred !== null) {
          if (faults.withholdConfirmations > 0) {
            faults.withholdConfirmations -= 1;
            logger.info('fault: the YR of this hit confirmation request will never come');
          } else {
            later(confirmDelay, () => deferred.confirmation(context(ori)));
          }
          return deferred.ack;
        }
      }
      return replies.respond(dataset, text, ori, context(ori), logger);
    },
    forcedError(text, ori) {
      const ctx = context(ori);
      return formatReply(errorReply('22', ['TRAINING FAULT INJECTION: FORCED ERROR REPLY'], text, ctx));
    },
    countInquiry() {
      inquiries += 1;
    },
  };

  const server = tls.createServer({
    key: opts.pki.key,
    cert: opts.pki.cert,
    ca: [opts.pki.ca],
    requestCert: true,
    rejectUnauthorized: true,
    minVersion: opts.tls?.minVersion ?? 'TLSv1.2',
    ...(opts.tls?.maxVersion ? { maxVersion: opts.tls.maxVersion } : {}),
    ...(opts.tls?.ciphers ? { ciphers: opts.tls.ciphers } : {}),
    handshakeTimeout: 10_000,
  });
  if (opts.tls?.minVersion && opts.tls.minVersion !== 'TLSv1.2' && opts.tls.minVersion !== 'TLSv1.3') {
    logger.warn('training switch allows TLS below 1.2 (test configuration)', { minVersion: opts.tls.minVersion });
  }
  const log = logger.child('conn');
  server.on('secureConnection', (socket) => {
    if (!socket.authorized) {
      socket.destroy();
      return;
    }
    connections.add(new Connection(socket, core, log, (c) => connections.delete(c)));
  });
  server.on('tlsClientError', (err) => logger.warn('TLS handshake refused', { err: err.message }));

  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (err) => logger.error('switch server error', { err: err.message }));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (opts.port ?? 0);
  logger.info('training switch listening', { host, port, seed: dataset.seed, persons: dataset.personCount, vehicles: dataset.vehicleCount });

  // --- unsolicited messages ------------------------------------------------------------------------
  let closed = false;
  let closing: Promise<void> | null = null;
  let unsCount = 0;
  let unsTimer: TimerHandle | null = null;

  const adminText = (message: string, ori: string): string => {
    const ctx = context(ori);
    return formatReply({ kind: 'unsolicited', header: replyHeader('$.A', ctx), training: true, code: 'A', text: message, records: [] });
  };
  const broadcast = (text: string): void => {
    for (const c of connections) {
      if (!c.loggedOn) continue;
      c.sendUnsolicited(text.startsWith('$.') ? text : adminText(text, c.ori));
    }
  };
  const armUnsolicited = (): void => {
    if (unsTimer) clock.clearTimeout(unsTimer);
    unsTimer = null;
    const every = faults.unsolicitedEveryMs;
    if (every <= 0 || closed) return;
    unsTimer = clock.setTimeout(() => {
      unsTimer = null;
      unsCount += 1;
      broadcast(`TRAINING SWITCH PERIODIC ADMINISTRATIVE MESSAGE ${unsCount}`);
      armUnsolicited();
    }, every);
  };

  armUnsolicited();

  return {
    host,
    port,
    dataset,
    close() {
      if (closing) return closing;
      closed = true;
      if (unsTimer) clock.clearTimeout(unsTimer);
      unsTimer = null;
      closing = new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const c of connections) c.destroy();
      });
      return closing;
    },
    setFaults(update) {
      const before = faults.unsolicitedEveryMs;
      const next = mergeFaults(faults, update);
      // Mutate in place: connections read the same object and count it down.
      Object.assign(faults, next);
      if (faults.unsolicitedEveryMs !== before) armUnsolicited();
    },
    sendUnsolicited(text) {
      if (typeof text !== 'string' || text.length === 0) throw new TypeError('unsolicited text must be non-empty');
      broadcast(text);
    },
    stats() {
      return { connections: connections.size, inquiries };
    },
  };
}
