// The composition root: builds every main-process service once and wires them together.
// Electron's main process and the preview host both call startApp(); neither builds services itself.
import path from 'node:path';
import type { AppInfo, LinkStatusView, UnsolicitedView } from '../../shared/contract/channels';
import { ensureTrainingPki } from '../../switch/pki';
import { startTrainingSwitch, type TrainingSwitch } from '../../switch/server';
import { systemClock, type Clock } from './clock';
import type { WorkstationIdentity } from './config';
import { noSession } from './ipc/access';
import { createEventHub, type EventHub } from './ipc/events';
import { createRouter, type Router } from './ipc/router';
import { createLink, type CletsLink, type LinkStatus } from './link';
import { describeUnsolicited } from './link/unsolicited';
import { createLogger, type Logger } from './log';

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
}

export interface AppServices {
  readonly router: Router;
  readonly events: EventHub;
  readonly link: CletsLink;
  readonly info: AppInfo;
  /** The in-process training switch, for tests and diagnostics. */
  readonly trainingSwitch: TrainingSwitch;
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
  const logger = deps.logger ?? createLogger('app');
  const session = noSession;

  const pki = await ensureTrainingPki(path.join(config.dataDir, 'pki'));
  const trainingSwitch = await startTrainingSwitch({
    host: '127.0.0.1',
    port: 0,
    pki: { ca: pki.ca.cert, cert: pki.switch.cert, key: pki.switch.key },
    ...(deps.trainingSeed !== undefined ? { seed: deps.trainingSeed } : {}),
    logger: logger.child('switch'),
  });

  const events = createEventHub({ session, logger: logger.child('events') });
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
  const unsubscribers = [
    link.onStatus((status) => events.emit('link.status', toLinkStatusView(status))),
    link.onUnsolicited((message) => {
      const view: UnsolicitedView = {
        ...describeUnsolicited(message.text),
        receivedAt: message.receivedAt,
        training: message.training,
        text: message.text,
      };
      events.emit('link.unsolicited', view);
    }),
  ];

  const info: AppInfo = {
    product: 'CLETS Workstation',
    version: config.version,
    mode: config.mode,
    workstation: { id: config.workstation.id, ori: config.workstation.ori, terminal: config.workstation.terminal },
  };

  const router = createRouter({
    session,
    logger: logger.child('ipc'),
    handlers: {
      'app.info': () => info,
      'link.status': () => toLinkStatusView(link.status()),
    },
  });

  link.start();

  let closed = false;
  return {
    router,
    events,
    link,
    info,
    trainingSwitch,
    async close() {
      if (closed) return;
      closed = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      await link.stop();
      await trainingSwitch.close();
    },
  };
}
