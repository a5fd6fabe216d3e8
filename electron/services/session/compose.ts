// Builds the session side of the app for the composition root (app.ts): workstation settings, the
// guarded clipboard, the session service and their IPC handlers, on an opened agency store.
import type { Clock } from '../clock';
import { clipboardHandlers, createClipboardGuard, type ClipboardGuard } from '../clipboard';
import type { AuditWorkspaceChannel } from '../audit-workspace/handlers';
import type { InquiryChannel } from '../inquiry/handlers';
import type { ReleaseChannel } from '../release/handlers';
import type { Handlers } from '../ipc/router';
import type { Logger } from '../log';
import type { PlatformPorts } from '../platform';
import { createSettingsService, settingsHandlers, type SettingsService } from '../settings';
import type { AgencyStore } from '../store/open';
import type { SessionAudit } from './audit';
import { sessionHandlers } from './handlers';
import { rosterHandlers } from './roster-handlers';
import { createSecurityEvents } from './security-events';
import { createSessionService, type SessionLink, type SessionService } from './service';

export type SessionChannelHandlers = Omit<Handlers, 'app.info' | 'link.status' | 'link.messages' | InquiryChannel | AuditWorkspaceChannel | ReleaseChannel>;

export interface SessionSide {
  settings: SettingsService;
  clipboard: ClipboardGuard;
  session: SessionService;
  handlers: SessionChannelHandlers;
  /** Ends the session (removing its store row), clears the clipboard, stops every timer. */
  close(): Promise<void>;
}

export interface SessionSideDeps {
  ports: PlatformPorts;
  store: AgencyStore;
  link: SessionLink;
  clock: Clock;
  workstationId: string;
  logger: Logger;
  /** The audit trail: the app passes the journal-backed recorder; unit tests that don't care pass noAudit. */
  audit: SessionAudit;
  /** Built by the caller when it must exist before the store opens (the app reports its problem early). */
  settings?: SettingsService;
}

export function createSessionSide(deps: SessionSideDeps): SessionSide {
  const { ports, store, clock, workstationId, logger } = deps;
  const settings = deps.settings ?? createSettingsService({ backend: ports.settings, logger: logger.child('settings'), clock });
  const clipboard = createClipboardGuard({ port: ports.clipboard, clock, logger: logger.child('clipboard') });
  const securityEvents = createSecurityEvents({ clock, workstationId, logger: logger.child('security') });
  const session = createSessionService({
    roster: store.roster,
    sessions: store.sessions,
    settings,
    clipboard,
    link: deps.link,
    idle: ports.idle,
    clock,
    workstationId,
    logger: logger.child('session'),
    securityEvents,
    audit: deps.audit,
  });
  const handlers: SessionChannelHandlers = {
    ...sessionHandlers(session),
    ...rosterHandlers({ roster: store.roster, sessions: store.sessions, securityEvents, audit: deps.audit, logger: logger.child('roster') }),
    ...settingsHandlers(settings, deps.audit),
    ...clipboardHandlers(clipboard),
  };
  return {
    settings,
    clipboard,
    session,
    handlers,
    async close() {
      await session.close();
      clipboard.dispose();
    },
  };
}
