// A workstation's session side on a real embedded store (PGlite, migrated), a manual clock and fakes for
// what the platform gives (OS idle time, clipboard, settings file) and for the CLETS link. Nothing sleeps:
// time moves with clock.advance(); background store work is awaited with settle().
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../../shared/contract/roles';
import type { SessionState, WorkstationSettings } from '../../../shared/contract/session-schemas';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import { ManualClock } from '../../../electron/services/clock';
import { createRouter, type Handlers, type Router } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { memoryClipboard, type IdleSource } from '../../../electron/services/platform';
import { noAudit, type SessionAudit } from '../../../electron/services/session/audit';
import { createSessionSide, type SessionSide } from '../../../electron/services/session/compose';
import type { SecurityEvent, SessionEnded } from '../../../electron/services/session/events';
import { memorySettingsBackend, type MemorySettingsBackend } from '../../../electron/services/settings';
import type { Db } from '../../../electron/services/store/db';
import { migrate } from '../../../electron/services/store/migrate';
import type { AgencyStore } from '../../../electron/services/store/open';
import { openPglite } from '../../../electron/services/store/pglite';
import { createRoster, type Roster } from '../../../electron/services/store/roster';
import { createSessionStore } from '../../../electron/services/store/sessions';
import { AUDIT_WORKSPACE_CHANNELS, type AuditWorkspaceChannel } from '../../../electron/services/audit-workspace/handlers';
import { AppError } from '../../../electron/services/errors';
import { INQUIRY_CHANNELS, type InquiryChannel } from '../../../electron/services/inquiry/handlers';
import { RELEASE_CHANNELS, type ReleaseChannel } from '../../../electron/services/release/handlers';

export const T0 = Date.UTC(2026, 10, 23, 18, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Login {
  operatorId: string;
  name: string;
  password: string;
  badge: string;
  pin: string;
  roles: Role[];
}

export interface FakeLink {
  running: boolean;
  starts: number;
  stops: number;
  start(): void;
  stop(): Promise<void>;
}

export function fakeLink(): FakeLink {
  const link: FakeLink = {
    running: true,
    starts: 0,
    stops: 0,
    start() {
      link.running = true;
      link.starts += 1;
    },
    async stop() {
      link.running = false;
      link.stops += 1;
    },
  };
  return link;
}

export interface Workstation extends SessionSide {
  id: string;
  link: FakeLink;
  /** The OS's last input anywhere on the machine (epoch ms), or null: the OS cannot tell. */
  osInput: { lastAt: number | null };
  clipboardPort: ReturnType<typeof memoryClipboard>;
  settingsBackend: MemorySettingsBackend;
  router: Router;
  states: SessionState[];
  ended: SessionEnded[];
  security: SecurityEvent[];
  /** Calls a channel as the verified app window would. */
  call(channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
}

export interface Harness {
  db: Db;
  roster: Roster;
  store: AgencyStore;
  clock: ManualClock;
  newOperator(extra?: Partial<Omit<Login, 'password' | 'badge' | 'pin'>> & { statementSignedOn?: string | null; certifiedUntil?: string | null; withBadge?: boolean }): Promise<Login>;
  workstation(options?: { id?: string; settings?: Partial<WorkstationSettings>; clock?: ManualClock; audit?: SessionAudit }): Workstation;
  close(): Promise<void>;
}

/** Opens a fresh store on PGlite (or uses `db`), migrated, with a roster and the session facts. */
export async function openHarness(options: { db?: Db; clock?: ManualClock } = {}): Promise<Harness> {
  const dir = options.db ? null : mkdtempSync(path.join(os.tmpdir(), 'clets-session-'));
  const db = options.db ?? (await openPglite(dir!, { relaxedDurability: true }));
  await migrate(db);
  const clock = options.clock ?? new ManualClock(T0);
  const roster = createRoster(db, clock, { badgeKey: randomBytes(32) });
  const store: AgencyStore = { db, roster, sessions: createSessionStore(db, clock), close: async () => undefined };
  const workstations: Workstation[] = [];
  let counter = 0;
  const prefix = randomBytes(2).toString('hex').toUpperCase();

  return {
    db,
    roster,
    store,
    clock,

    async newOperator(extra = {}) {
      counter += 1;
      const login: Login = {
        operatorId: extra.operatorId ?? `OP${prefix}${counter}`,
        name: extra.name ?? 'Pat Example',
        password: `quiet river ${counter} lantern`,
        badge: `BDG-${prefix}-${counter}`,
        pin: String(482913 + counter * 7),
        roles: extra.roles ?? ['records'],
      };
      await roster.createOperator({
        operatorId: login.operatorId,
        name: login.name,
        roles: login.roles,
        password: login.password,
        ...(extra.withBadge === false ? {} : { badge: login.badge, pin: login.pin }),
        statementSignedOn: extra.statementSignedOn === undefined ? '2026-01-15' : extra.statementSignedOn,
        certifiedUntil: extra.certifiedUntil === undefined ? '2028-01-14' : extra.certifiedUntil,
      });
      return login;
    },

    workstation(ws = {}) {
      const id = ws.id ?? 'WS-TEST-01';
      const wsClock = ws.clock ?? clock;
      const link = fakeLink();
      const osInput = { lastAt: null as number | null };
      const idle: IdleSource = { systemIdleMs: () => (osInput.lastAt === null ? null : wsClock.now() - osInput.lastAt) };
      const clipboardPort = memoryClipboard();
      const settingsBackend = memorySettingsBackend(
        ws.settings
          ? {
              idleTimeoutMinutes: 10,
              dispatchIdleExemption: { enabled: false, justification: '' },
              accessibilityCaptureExemption: { enabled: false, justification: '' },
              lockoutRule: 'cjis-5.9.4',
              ...ws.settings,
            }
          : undefined,
      );
      const side = createSessionSide({
        ports: { idle, clipboard: clipboardPort, settings: settingsBackend },
        store: { ...store, sessions: createSessionStore(db, wsClock) },
        link,
        clock: wsClock,
        workstationId: id,
        logger: silentLogger,
        // The audit trail is the subject of test/integration/audit; these tests pass one when they care.
        audit: ws.audit ?? noAudit,
      });
      const router = createRouter({
        session: side.session,
        logger: silentLogger,
        handlers: {
          'app.info': () => ({ product: 'CLETS Workstation', version: '0.0.0', mode: 'training', workstation: { id, ori: 'CA0349999', terminal: 'TRN1' } }),
          'link.status': () => ({ state: 'connected', training: true, since: new Date(wsClock.now()).toISOString() }),
          'link.messages': () => [],
          ...side.handlers,
          // The session tests do not use inquiries, the audit workspace or releases (they have their own tests).
          ...(notInTheseTests as unknown as Pick<Handlers, InquiryChannel | AuditWorkspaceChannel | ReleaseChannel>),
        },
      });
      const w: Workstation = {
        ...side,
        id,
        link,
        osInput,
        clipboardPort,
        settingsBackend,
        router,
        states: [],
        ended: [],
        security: [],
        call: (channel, payload = {}) => router.dispatch(channel, payload, { senderVerified: true }) as ReturnType<Workstation['call']>,
      };
      side.session.onChange((state) => w.states.push(state));
      side.session.onSessionEnded((ended) => w.ended.push(ended));
      side.session.onSecurityEvent((event) => w.security.push(event));
      workstations.push(w);
      return w;
    },

    async close() {
      for (const w of workstations) await w.close();
      if (!options.db) {
        await db.close();
        rmSync(dir!, { recursive: true, force: true });
      }
    },
  };
}

/** Notice → credentials → second factor → active, through the router. Returns the final state. */
export async function signOn(ws: Workstation, login: Login): Promise<SessionState> {
  const steps: Array<[string, unknown]> = [
    ['session.acknowledgeNotice', { noticeVersion: SYSTEM_USE_NOTICE.version }],
    ['session.submitPassword', { operatorId: login.operatorId, password: login.password }],
    ['session.submitBadge', { badge: login.badge, pin: login.pin }],
  ];
  let last: unknown;
  for (const [channel, payload] of steps) {
    const result = await ws.call(channel, payload);
    if (!result.ok) throw new Error(`${channel} refused: ${result.error?.code} ${result.error?.message}`);
    last = result.value;
  }
  return last as SessionState;
}

/** The error code of a refused call (or 'OK'). */
export async function codeOf(promise: Promise<{ ok: boolean; error?: { code: string } }>): Promise<string> {
  const result = await promise;
  return result.ok ? 'OK' : (result.error?.code ?? 'NONE');
}

/** A different PIN that passes the PIN rules. */
export const wrongPin = (pin: string) => (pin === '739104' ? '739105' : '739104');

const notInTheseTests = Object.fromEntries(
  [...INQUIRY_CHANNELS, ...AUDIT_WORKSPACE_CHANNELS, ...RELEASE_CHANNELS].map((channel) => [
    channel,
    () => {
      throw new AppError('NOT_IMPLEMENTED', `${channel} is not wired in the session test harness.`);
    },
  ]),
);
