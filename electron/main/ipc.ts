// The Electron IPC adapter (checklist item 17). One ipcMain.handle per contract channel, each
// passing the router a verdict on the sender: our window's top frame, at app://clets, or refused.
// Events go to our windows only, and only while they show the app origin.
import { ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { CHANNEL_NAMES, IPC_EVENT_CHANNEL, IPC_INVOKE_PREFIX } from '../../shared/contract/names';
import { fail } from '../../shared/contract/result';
import type { EventHub } from '../services/ipc/events';
import type { Router } from '../services/ipc/router';
import type { Logger } from '../services/log';
import { isAppUrl } from './origin';
import type { WindowRegistry } from './windows';

function isMainFrameOf(frame: WebFrameMain, main: WebFrameMain): boolean {
  return frame === main || frame.frameTreeNodeId === main.frameTreeNodeId;
}

/**
 * The sender is trusted only when all hold: its webContents is live and one of our windows; the
 * frame still exists, is not detached, is the top frame (no parent, the webContents' main frame);
 * and the frame's URL is on the app origin. Any exception (a frame disposed mid-check) refuses.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, registry: WindowRegistry): boolean {
  try {
    const contents = event.sender;
    if (!contents || contents.isDestroyed() || !registry.owns(contents)) return false;
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed() || frame.detached) return false;
    if (frame.parent !== null) return false;
    if (!isMainFrameOf(frame, contents.mainFrame)) return false;
    return isAppUrl(frame.url);
  } catch {
    return false;
  }
}

export interface IpcWiring {
  router: Router;
  events: EventHub;
  registry: WindowRegistry;
  logger?: Logger;
}

/** Registers every channel and starts forwarding events. Returns a function that undoes both. */
export function wireIpc({ router, events, registry, logger }: IpcWiring): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(IPC_INVOKE_PREFIX + name, async (event: IpcMainInvokeEvent, payload: unknown) => {
      try {
        return await router.dispatch(name, payload, { senderVerified: isTrustedSender(event, registry) });
      } catch (error) {
        logger?.error('ipc dispatch failed', { channel: name, error });
        return fail('INTERNAL', 'The application could not complete the request.');
      }
    });
  }

  const unsubscribe = events.subscribe((name, payload) => {
    for (const window of registry.windows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) continue;
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    unsubscribe();
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(IPC_INVOKE_PREFIX + name);
  };
}
