// Boots the Electron main process against the fake electron module. Each test file that uses it
// must itself declare (vi.mock calls are hoisted per file):
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
//   vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));
import { defaultSettings } from '../../../electron/services/settings/defaults';
import { vi } from 'vitest';
import type { AppServices } from '../../../electron/services/app';
import { startApp } from '../../../electron/services/app';
import { noSession } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import type { Caller } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { runMainProcess } from '../../../electron/main/lifecycle';
import { fail, ok, type ErrorInfo } from '../../../shared/contract/result';
import type { LockReason, SessionState, WorkstationSettings } from '../../../shared/contract/session-schemas';
import { fake, resetFake, type FakeState } from './fake-electron';

export const MAIN_DIR = '/opt/clets/dist/electron';

/** The strictest settings (what a fresh workstation runs on): no exemption. */
export function strictSettings(): WorkstationSettings {
  return {
    idleTimeoutMinutes: 10,
    dispatchIdleExemption: { enabled: false, justification: '' },
    accessibilityCaptureExemption: { enabled: false, justification: '' },
    lockoutRule: 'cjis-5.9.4',
    inquiryPolicy: defaultSettings().inquiryPolicy,
    inquiryPolicyJustification: '',
  };
}

export function withCaptureExemption(enabled: boolean): WorkstationSettings {
  return {
    ...strictSettings(),
    accessibilityCaptureExemption: enabled ? { enabled: true, justification: 'Screen reader user (agency policy 4.2)' } : { enabled: false, justification: '' },
  };
}

/** The settings service as the lifecycle sees it: current(), onChange(), problem(); set() is the test's lever. */
export function fakeSettings(initial: WorkstationSettings = strictSettings(), problem: ErrorInfo | null = null) {
  let current = initial;
  const listeners = new Set<(settings: WorkstationSettings) => void>();
  return {
    current: () => structuredClone(current),
    problem: () => problem,
    resetToDefaults: () => strictSettings(),
    onChange(listener: (settings: WorkstationSettings) => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    /** Applies new settings and tells the listeners, as the settings service does after an update. */
    set(next: WorkstationSettings) {
      current = next;
      for (const listener of [...listeners]) listener(structuredClone(next));
    },
    listenerCount: () => listeners.size,
  };
}

/** The session service as the lifecycle sees it: lock() is recorded. */
export function fakeSession() {
  const locks: LockReason[] = [];
  let state: SessionState = { phase: 'credentials' };
  return {
    locks,
    lock: vi.fn((reason: LockReason) => {
      locks.push(reason);
      state = { phase: 'locked', operatorId: 'TREC01', reason, since: new Date(0).toISOString() };
    }),
    state: () => state,
    onChange: () => () => {},
    onSessionEnded: () => () => {},
  };
}

/** Services as startApp returns them, with a router that records every caller verdict. */
export function fakeServices(options: { settings?: WorkstationSettings; settingsProblem?: ErrorInfo } = {}) {
  const dispatched: Array<{ channel: unknown; payload: unknown; caller: Caller }> = [];
  const close = vi.fn(async () => {});
  const session = fakeSession();
  const settings = fakeSettings(options.settings, options.settingsProblem ?? null);
  const services = {
    router: {
      async dispatch(channel: unknown, payload: unknown, caller: Caller) {
        dispatched.push({ channel, payload, caller });
        return caller.senderVerified ? ok({ channel }) : fail('FORBIDDEN_SENDER', 'The request did not come from the application window.');
      },
    },
    events: createEventHub({ session: noSession, logger: silentLogger }),
    session,
    settings,
    close,
  };
  return { services: services as unknown as AppServices, dispatched, close, session, settings };
}

export interface BootOptions {
  packaged?: boolean;
  env?: NodeJS.ProcessEnv;
  startApp?: () => Promise<AppServices>;
  loadURLFailure?: Error;
  /** The settings the fake settings service starts with (default: no exemption). */
  settings?: WorkstationSettings;
  /** What settings.problem() reports (default: none). */
  settingsProblem?: ErrorInfo;
  /** The platform the main process builds the menu and the lock shortcut for (default: this one). */
  platform?: NodeJS.Platform;
}

/** Runs the main process to a loaded window (or a startup failure) and returns the fake state. */
export async function bootMain(options: BootOptions = {}): Promise<{ state: FakeState; services: ReturnType<typeof fakeServices> }> {
  const state = resetFake();
  state.app.isPackaged = options.packaged ?? false;
  if (options.loadURLFailure) state.loadURLFailure = options.loadURLFailure;
  const services = fakeServices({
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.settingsProblem ? { settingsProblem: options.settingsProblem } : {}),
  });
  const start = vi.mocked(startApp);
  start.mockReset();
  start.mockImplementation(options.startApp ?? (async () => services.services));

  runMainProcess({
    mainDir: MAIN_DIR,
    env: options.env ?? {},
    logger: silentLogger,
    handleSignals: false,
    ...(options.platform ? { platform: options.platform } : {}),
  });
  fake.app.becomeReady();
  await vi.waitFor(() => {
    const loaded = state.windowsCreated.some((w) => w.loadURLCalls.length > 0 && w.webContents.getURL() !== '');
    if (!loaded && state.errorBoxes.length === 0 && state.app.quitCalls === 0) throw new Error('main process still starting');
  });
  return { state, services };
}
