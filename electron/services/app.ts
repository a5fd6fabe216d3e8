// The composition root: builds every main-process service once and wires them together.
// Electron's main process and the preview host both call startApp(); neither builds services itself.
//
// Start order: the keychain first (no keychain, no start: KEYCHAIN_UNAVAILABLE says why), the workstation
// settings (a damaged file starts on the safe defaults and settings.problem() reports SETTINGS_CORRUPT),
// the agency store (migrated; training roster seeded), the audit journal (<dataDir>/audit, keyed from the
// keychain; a journal that does not verify or whose key is missing stops the start with AUDIT_* and its
// message) and its replication to the store, the training switch and the link, then the session, which
// records every logon, lock, unlock, setting and roster change in the journal before it happens.
// A failure part-way closes what was already started.
import path from 'node:path';
import type { AppInfo, LinkStatusView, UnsolicitedView } from '../../shared/contract/channels';
import type { ErrorInfo } from '../../shared/contract/result';
import type { LockReason, SessionState, WorkstationSettings } from '../../shared/contract/session-schemas';
import { DEFAULT_INQUIRY_POLICY } from '../../shared/policy/inquiry-policy';
import { OPERATOR_ID } from '../../shared/wire/protocol';
import { ensureTrainingPki } from '../../switch/pki';
import { startTrainingSwitch, type TrainingSwitch } from '../../switch/server';
import {
  ensureAuditKey,
  folderScopedKeychainEntry,
  keychainCheckpointSink,
  keychainKeyProvider,
  openJournal,
  startAuditReplication,
  storeCheckpointSink,
  type AuditJournal,
} from './audit';
import { createAuditAlerts } from './audit/alerts';
import { auditWorkspaceHandlers } from './audit-workspace/handlers';
import { systemClock, type Clock } from './clock';
import { inquiryHandlers } from './inquiry/handlers';
import { createInquiryService } from './inquiry/service';
import { releaseHandlers } from './release/handlers';
import { createReleaseService, type ReleaseSource } from './release/service';
import { createHitConfirmationStore } from './store/hit-confirmations';
import type { WorkstationIdentity } from './config';
import { createEventHub, type EventHub } from './ipc/events';
import { createRouter, type Router } from './ipc/router';
import { createLink, type CletsLink, type LinkStatus } from './link';
import { createMessageBoard } from './link/message-board';
import { describeUnsolicited } from './link/unsolicited';
import { createLogger, type Logger } from './log';
import { memoryClipboard, noSystemIdle, type PlatformPorts } from './platform';
import { openKeychain } from './secrets/keychain';
import type { SecretStore } from './secrets/secret-store';
import type { SessionAudit } from './session/audit';
import type { SessionEnded } from './session/events';
import { createSessionSide } from './session/compose';
import { createSettingsService, fileSettingsBackend } from './settings';
import type { Db } from './store/db';
import { openAgencyStore } from './store/open';

/** The keychain service the app's secrets are filed under. */
export const KEYCHAIN_SERVICE = 'clets-workstation';

/** Training: how long the switch takes to answer a hit confirmation request with its YR. */
export const TRAINING_HIT_CONFIRMATION_DELAY_MS = 45_000;

/** The audit journal's folder in the data folder. */
export const AUDIT_DIR = 'audit';

/** The workstation settings file in the data folder, the same for Electron (electron-store) and Node hosts. */
export const SETTINGS_FILE = 'workstation-settings.json';

export interface AppConfig {
  dataDir: string;
  /** Training: an in-process training switch over real mutual TLS. Live mode arrives with agency settings. */
  mode: 'training';
  workstation: WorkstationIdentity;
  version: string;
}

export interface AppDeps {
  clock?: Clock;
  logger?: Logger;
  /** Seed of the training data set (tests keep the default). */
  trainingSeed?: number;
  /**
   * What the host platform provides. Defaults: no OS idle time (noSystemIdle), a process-local clipboard
   * (memoryClipboard()), settings in <dataDir>/workstation-settings.json (fileSettingsBackend, the file Electron's electron-store uses too). Electron passes its own.
   */
  ports?: Partial<PlatformPorts>;
  /** Default: the OS keychain (openKeychain, service "clets-workstation"); none working → the app does not start. */
  keychain?: SecretStore;
  /**
   * The agency database, opened by the caller, who also closes it (startApp migrates it and, in training
   * mode, seeds it). Default: the embedded PGlite store in <dataDir>/store, closed by close().
   */
  store?: Db;
  /**
   * The audit journal, opened by the caller, who also closes it (tests: a journal whose append fails).
   * Default: <dataDir>/audit, keyed from the keychain, closed by close().
   */
  journal?: AuditJournal;
  /** The clock of the session (idle lock, re-authentication, lockout, heartbeats, roster times). Default: clock. */
  sessionClock?: Clock;
  /** The inquiry service's clock (sent and due times, overdue hit confirmations, today's date). Default: clock. */
  inquiryClock?: Clock;
  /** The training switch's clock (reply stamps, keep-alive, the delayed YR). Default: the system clock. */
  switchClock?: Clock;
  /** Training switch: a hit confirmation's YR comes this long after the YQ (so the countdown shows). Default 45 000 ms. */
  hitConfirmationDelayMs?: number;
}

/** The session as the Electron layer drives it. */
export interface AppSession {
  /** OS screen lock, suspend, Ctrl+L: lock now. Harmless when nobody is signed on. */
  lock(reason: LockReason): void;
  state(): SessionState;
  onChange(listener: (state: SessionState) => void): () => void;
  /** A session ended (logout, another operator's unlock, close…): discard what it held. */
  onSessionEnded(listener: (ended: SessionEnded) => void): () => void;
}

/** The workstation settings as the Electron layer needs them (content protection, startup warning). */
export interface AppSettings {
  current(): WorkstationSettings;
  onChange(listener: (settings: WorkstationSettings) => void): () => void;
  /** SETTINGS_CORRUPT (with the file and the way back) while running on defaults; null otherwise. */
  problem(): ErrorInfo | null;
  /** The way back from a damaged settings file: saves the defaults (the damaged file was copied aside). */
  resetToDefaults(actor: string): WorkstationSettings;
}

export interface AppServices {
  readonly router: Router;
  readonly events: EventHub;
  readonly link: CletsLink;
  readonly info: AppInfo;
  /** The in-process training switch, for tests and diagnostics. */
  readonly trainingSwitch: TrainingSwitch;
  readonly session: AppSession;
  readonly settings: AppSettings;
  /** The tamper-evident audit trail every logon, lock, unlock, setting and roster change is recorded in first. */
  readonly journal: AuditJournal;
  /** Ends the session (its active_sessions row removed), clears the guarded clipboard, stops the link and the switch, closes the store. */
  close(): Promise<void>;
}

export function toLinkStatusView(status: LinkStatus): LinkStatusView {
  return {
    state: status.state,
    training: status.training,
    since: status.since,
    ...(status.switchName !== undefined ? { switchName: status.switchName } : {}),
    ...(status.error !== undefined ? { error: { code: status.error.code, message: status.error.message } } : {}),
    ...(status.nextAttemptAt !== undefined ? { nextAttemptAt: status.nextAttemptAt } : {}),
  };
}

export async function startApp(config: AppConfig, deps: AppDeps = {}): Promise<AppServices> {
  const clock = deps.clock ?? systemClock;
  const sessionClock = deps.sessionClock ?? clock;
  const logger = deps.logger ?? createLogger('app');

  const keychain = deps.keychain ?? (await openKeychain({ service: KEYCHAIN_SERVICE, logger }));
  const ports: PlatformPorts = {
    idle: deps.ports?.idle ?? noSystemIdle,
    clipboard: deps.ports?.clipboard ?? memoryClipboard(),
    settings: deps.ports?.settings ?? fileSettingsBackend(path.join(config.dataDir, SETTINGS_FILE)),
  };
  const settings = createSettingsService({ backend: ports.settings, logger: logger.child('settings'), clock: sessionClock });

  /** What is running so far, closed in reverse order if the start fails or when the app closes. */
  const running: Array<{ name: string; close: () => Promise<void> | void }> = [];
  const closeAll = async () => {
    for (const part of running.splice(0).reverse()) {
      try {
        await part.close();
      } catch (error) {
        logger.error('a service did not close cleanly', { service: part.name, error });
      }
    }
  };

  try {
    const store = await openAgencyStore({
      dataDir: config.dataDir,
      mode: config.mode,
      keychain,
      clock: sessionClock,
      ...(deps.store !== undefined ? { db: deps.store } : {}),
      logger,
    });
    running.push({ name: 'store', close: () => store.close() });

    // The audit trail: no journal, no start (AUDIT_JOURNAL_DAMAGED, AUDIT_KEY_UNAVAILABLE … say why).
    let journal: AuditJournal;
    if (deps.journal !== undefined) {
      journal = deps.journal;
    } else {
      await ensureAuditKey(keychain);
      const auditDir = path.join(config.dataDir, AUDIT_DIR);
      // The keychain is per user: its entry keeps one checkpoint per journal folder, so a new data folder
      // starts a new journal while a known folder's deleted or truncated journal meets its own checkpoint.
      const keychainEntry = { get: () => keychain.get('audit-checkpoint'), set: (value: string) => keychain.set('audit-checkpoint', value) };
      const checkpointSinks = [
        keychainCheckpointSink(folderScopedKeychainEntry(keychainEntry, auditDir)),
        storeCheckpointSink(store.db, config.workstation.id),
      ];
      const opened = await openJournal({
        dir: auditDir,
        workstationId: config.workstation.id,
        ori: config.workstation.ori,
        keyProvider: keychainKeyProvider(keychain),
        clock,
        logger: logger.child('audit'),
        checkpointSinks,
      });
      running.push({ name: 'audit journal', close: () => opened.close() });
      journal = opened;
    }
    if (journal.recovery) logger.warn('the audit journal set a torn last line aside at open: tell the CRSO', { recovery: journal.recovery });
    const replication = startAuditReplication({
      dir: journal.dir,
      db: store.db,
      workstationId: config.workstation.id,
      clock,
      logger: logger.child('audit-replication'),
      durableSeq: () => journal.durableSeq(),
    });
    running.push({ name: 'audit replication', close: () => replication.stop() });
    const stopNotify = journal.onDurable(() => replication.notify());
    running.push({ name: 'audit notify', close: stopNotify });
    // AU-5: a failure of this journal is filed in the agency store for the CRSO on any workstation.
    const alerts = createAuditAlerts({ db: store.db, workstationId: config.workstation.id, clock, logger: logger.child('audit-alerts') });
    const audit: SessionAudit = {
      async record(event) {
        await journal.append(event);
      },
    };

    const pki = await ensureTrainingPki(path.join(config.dataDir, 'pki'));
    const trainingSwitch = await startTrainingSwitch({
      host: '127.0.0.1',
      port: 0,
      pki: { ca: pki.ca.cert, cert: pki.switch.cert, key: pki.switch.key },
      ...(deps.trainingSeed !== undefined ? { seed: deps.trainingSeed } : {}),
      ...(deps.switchClock !== undefined ? { clock: deps.switchClock } : {}),
      hitConfirmationDelayMs: deps.hitConfirmationDelayMs ?? TRAINING_HIT_CONFIRMATION_DELAY_MS,
      logger: logger.child('switch'),
    });
    running.push({ name: 'training switch', close: () => trainingSwitch.close() });

    const link = createLink({
      host: trainingSwitch.host,
      port: trainingSwitch.port,
      servername: 'localhost',
      ca: pki.ca.cert,
      cert: pki.workstation.cert,
      key: pki.workstation.key,
      terminal: config.workstation.terminal,
      ori: config.workstation.ori,
      clock,
      logger: logger.child('link'),
    });
    running.push({ name: 'link', close: () => link.stop() });

    const side = createSessionSide({ ports, store, link, clock: sessionClock, workstationId: config.workstation.id, logger, settings, audit });
    running.push({ name: 'session', close: () => side.close() });

    const events = createEventHub({ session: side.session, logger: logger.child('events') });
    const board = createMessageBoard();
    const inquiries = createInquiryService({
      link,
      audit,
      roster: store.roster,
      hitConfirmations: createHitConfirmationStore(store.db),
      clock: deps.inquiryClock ?? clock,
      workstation: { ori: config.workstation.ori, id: config.workstation.id },
      // The agency's rules from the workstation settings (defaults when a settings file predates them).
      policy: () => settings.current().inquiryPolicy ?? DEFAULT_INQUIRY_POLICY,
      logger: logger.child('inquiry'),
      emit: (view) => events.emit('inquiry.hitConfirmation', view),
      currentOperator: () => side.session.view().operatorId,
    });
    running.push({ name: 'inquiries', close: () => inquiries.close() });
    // Hit confirmation requests a previous run left waiting still fall due (Q7).
    void inquiries
      .resumeWaiting()
      .then((n) => n > 0 && logger.info('hit confirmation requests still waiting after a restart', { count: n }))
      .catch((error: unknown) => logger.error('the waiting hit confirmation requests could not be read from the agency store', { error }));
    // CORI release (issue #6): from a criminal history return of the operator's own session.
    const releaseSource: ReleaseSource = { criminalHistory: (ref, operatorId) => inquiries.criminalHistory(ref, operatorId) };
    const releases = createReleaseService({
      db: store.db,
      audit,
      clock: sessionClock,
      workstationId: config.workstation.id,
      source: releaseSource,
      copiesDir: path.join(config.dataDir, 'releases'),
      logger: logger.child('release'),
    });
    const emitQueue = async (change: { id: string; status: 'pending' | 'approved' | 'denied' | 'released' } | null) => {
      try {
        const queue = await releases.pending({});
        // A change we know, or (after the notification connection was re-opened) every pending request again.
        if (change) events.emit('release.queue', { ...change, pending: queue.length });
        else for (const r of queue) events.emit('release.queue', { id: r.id, status: r.status, pending: queue.length });
      } catch (error) {
        logger.warn('the release queue could not be read after a change', { error });
      }
    };
    const stopWatch = await releases.watch((change) => void emitQueue(change));
    running.push({ name: 'release queue', close: stopWatch });
    const unsubscribers = [
      side.session.onChange((state) => events.emit('session.state', state)),
      side.session.onSessionEnded(() => board.clear()),
      side.session.onSessionEnded((ended) => inquiries.endSession(ended.operatorId)),
      journal.onFailure((failure) => {
        logger.error('the audit trail could not be written', { code: failure.code, severity: failure.severity, message: failure.message });
        void alerts.report(failure);
        events.emit('audit.failure', { code: failure.code, message: failure.message.slice(0, 2000), at: failure.at });
      }),
      // A reset from the settings problem screen (Electron) is synchronous: recorded as it happens.
      settings.onRecordedChange((change) => {
        if (change.action !== 'reset') return;
        void audit
          .record({ type: 'setting.change', operator: OPERATOR_ID.test(change.actor) ? change.actor : null, outcome: 'success', change: { item: 'reset' } })
          .catch((error: unknown) => logger.error('the settings reset could not be recorded in the audit trail', { error }));
      }),
      link.onStatus((status) => events.emit('link.status', toLinkStatusView(status))),
      link.onUnsolicited((message) => {
        // A YR answering a hit confirmation request goes to the request it closes, not to the message board.
        if (inquiries.handleUnsolicited(message.text)) return;
        const view: UnsolicitedView = {
          ...describeUnsolicited(message.text),
          receivedAt: message.receivedAt,
          training: message.training,
          text: message.text,
        };
        // Kept only while an operator is signed on (the event itself reaches signed-on operators only).
        if (side.session.view().signedOn) board.add(view);
        events.emit('link.unsolicited', view);
      }),
    ];
    running.push({ name: 'event wiring', close: () => unsubscribers.forEach((unsubscribe) => unsubscribe()) });

    const info: AppInfo = {
      product: 'CLETS Workstation',
      version: config.version,
      mode: config.mode,
      workstation: { id: config.workstation.id, ori: config.workstation.ori, terminal: config.workstation.terminal },
    };

    const router = createRouter({
      session: side.session,
      logger: logger.child('ipc'),
      handlers: {
        'app.info': () => info,
        'link.status': () => toLinkStatusView(link.status()),
        'link.messages': () => board.list(),
        ...side.handlers,
        ...inquiryHandlers(inquiries),
        ...releaseHandlers({ service: releases, audit, clock: sessionClock, exportsDir: path.join(config.dataDir, 'exports') }),
        ...auditWorkspaceHandlers({
          db: store.db,
          journal,
          dataDir: config.dataDir,
          keyProvider: keychainKeyProvider(keychain),
          clock,
          emit: (name, payload) => events.emit(name, payload),
          logger: logger.child('audit-workspace'),
          workstation: config.workstation,
          alerts,
        }),
      },
    });

    link.start();

    let closing: Promise<void> | null = null;
    return {
      router,
      events,
      link,
      info,
      trainingSwitch,
      journal,
      session: {
        lock: (reason) => side.session.lock(reason),
        state: () => side.session.state(),
        onChange: (listener) => side.session.onChange(listener),
        onSessionEnded: (listener) => side.session.onSessionEnded(listener),
      },
      settings: {
        current: () => settings.current(),
        onChange: (listener) => settings.onChange(listener),
        problem: () => settings.problem(),
        resetToDefaults: (actor) => settings.resetToDefaults(actor),
      },
      close() {
        closing ??= closeAll();
        return closing;
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
