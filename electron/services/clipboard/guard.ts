// The guarded clipboard (L11): text copied from a view with criminal justice information is cleared
// after 30 seconds if the clipboard still holds exactly that text, and at once at lock and logout (again
// only if it is still ours: what the operator copied since from another program is left alone).
// The guard remembers a SHA-256 digest of what it wrote, not the text itself.
import { createHash } from 'node:crypto';
import type { Clock, TimerHandle } from '../clock';
import { silentLogger, type Logger } from '../log';
import type { ClipboardPort } from '../platform';

export const CLIPBOARD_CLEAR_MS = 30_000;

export interface ClipboardGuard {
  /** Writes the text and schedules its clearing. Returns when it will be cleared (epoch ms). */
  copy(text: string): { clearsAt: number };
  /**
   * Clears the clipboard now if it still holds what the guard wrote (lock, logout, quit). Never rejects;
   * resolves once the clipboard operations queued so far have landed.
   */
  clearNow(): Promise<void>;
  /** Clears as clearNow() and stops the timer. */
  dispose(): Promise<void>;
  /** Resolves when every clipboard operation asked for so far has landed (tests, quit). */
  settled(): Promise<void>;
}

export interface ClipboardGuardDeps {
  port: ClipboardPort;
  clock: Clock;
  clearAfterMs?: number;
  logger?: Logger;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  const { port, clock } = deps;
  const clearAfterMs = deps.clearAfterMs ?? CLIPBOARD_CLEAR_MS;
  const logger = deps.logger ?? silentLogger;
  let held: string | null = null;
  let timer: TimerHandle | null = null;
  /** Clipboard operations run one after another, in the order asked (the port may be asynchronous). */
  let queue: Promise<void> = Promise.resolve();
  const enqueue = (label: string, operation: () => Promise<void> | void): Promise<void> => {
    queue = queue
      .then(operation)
      .catch((error: unknown) => logger.error(`the clipboard could not be ${label}`, { error }));
    return queue;
  };

  function cancel(): void {
    if (timer) clock.clearTimeout(timer);
    timer = null;
  }

  function clearIfOurs(): Promise<void> {
    const ours = held;
    held = null;
    cancel();
    if (ours === null) return queue;
    return enqueue('cleared', async () => {
      if (digest(await port.readText()) === ours) await port.clear();
    });
  }

  return {
    copy(text) {
      cancel();
      held = digest(text);
      void enqueue('written', () => port.writeText(text));
      timer = clock.setTimeout(() => {
        timer = null;
        void clearIfOurs();
      }, clearAfterMs);
      return { clearsAt: clock.now() + clearAfterMs };
    },
    clearNow: clearIfOurs,
    dispose: clearIfOurs,
    settled: () => queue,
  };
}
