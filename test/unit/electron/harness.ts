// Boots the Electron main process against the fake electron module. Each test file that uses it
// must itself declare (vi.mock calls are hoisted per file):
//   vi.mock('electron', async () => (await import('./fake-electron')).electronModule);
//   vi.mock('../../../electron/services/app', () => ({ startApp: vi.fn() }));
import { vi } from 'vitest';
import type { AppServices } from '../../../electron/services/app';
import { startApp } from '../../../electron/services/app';
import { noSession } from '../../../electron/services/ipc/access';
import { createEventHub } from '../../../electron/services/ipc/events';
import type { Caller } from '../../../electron/services/ipc/router';
import { silentLogger } from '../../../electron/services/log';
import { runMainProcess } from '../../../electron/main/lifecycle';
import { fail, ok } from '../../../shared/contract/result';
import { fake, resetFake, type FakeState } from './fake-electron';

export const MAIN_DIR = '/opt/clets/dist/electron';

/** Services as startApp returns them, with a router that records every caller verdict. */
export function fakeServices() {
  const dispatched: Array<{ channel: unknown; payload: unknown; caller: Caller }> = [];
  const close = vi.fn(async () => {});
  const services = {
    router: {
      async dispatch(channel: unknown, payload: unknown, caller: Caller) {
        dispatched.push({ channel, payload, caller });
        return caller.senderVerified ? ok({ channel }) : fail('FORBIDDEN_SENDER', 'The request did not come from the application window.');
      },
    },
    events: createEventHub({ session: noSession, logger: silentLogger }),
    close,
  };
  return { services: services as unknown as AppServices, dispatched, close };
}

export interface BootOptions {
  packaged?: boolean;
  env?: NodeJS.ProcessEnv;
  startApp?: () => Promise<AppServices>;
  loadURLFailure?: Error;
}

/** Runs the main process to a loaded window (or a startup failure) and returns the fake state. */
export async function bootMain(options: BootOptions = {}): Promise<{ state: FakeState; services: ReturnType<typeof fakeServices> }> {
  const state = resetFake();
  state.app.isPackaged = options.packaged ?? false;
  if (options.loadURLFailure) state.loadURLFailure = options.loadURLFailure;
  const services = fakeServices();
  const start = vi.mocked(startApp);
  start.mockReset();
  start.mockImplementation(options.startApp ?? (async () => services.services));

  runMainProcess({ mainDir: MAIN_DIR, env: options.env ?? {}, logger: silentLogger, handleSignals: false });
  fake.app.becomeReady();
  await vi.waitFor(() => {
    const loaded = state.windowsCreated.some((w) => w.loadURLCalls.length > 0 && w.webContents.getURL() !== '');
    if (!loaded && state.errorBoxes.length === 0 && state.app.quitCalls === 0) throw new Error('main process still starting');
  });
  return { state, services };
}
