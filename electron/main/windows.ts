// The windows this app created. IPC is accepted only from, and events are sent only to, these.
import type { BrowserWindow, WebContents } from 'electron';

export interface WindowRegistry {
  track(window: BrowserWindow): void;
  /** True when `contents` belongs to a live window of ours. */
  owns(contents: WebContents): boolean;
  /** Live windows, oldest first. */
  windows(): BrowserWindow[];
}

export function createWindowRegistry(): WindowRegistry {
  const live = new Set<BrowserWindow>();
  const alive = (window: BrowserWindow) => !window.isDestroyed() && !window.webContents.isDestroyed();
  return {
    track(window) {
      live.add(window);
      window.once('closed', () => live.delete(window));
    },
    owns(contents) {
      for (const window of live) {
        if (alive(window) && window.webContents === contents) return true;
      }
      return false;
    },
    windows() {
      return [...live].filter(alive);
    },
  };
}
