// The window's keyboard and pointer input: every event counts as activity (throttled in the
// activity slice), and Ctrl+L locks at once. The Electron main process catches Ctrl+L too, so the
// lock does not depend on this page being responsive.
import type { AppStore } from './store';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/** Ctrl+L (either case, no other modifier). */
export function isLockShortcut(e: KeyLike): boolean {
  return e.ctrlKey && !e.altKey && !e.metaKey && !e.shiftKey && e.key.toLowerCase() === 'l';
}

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function startInputWatch(store: AppStore, target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>): () => void {
  const onKey = (event: Event) => {
    const key = event as unknown as KeyLike & Event;
    if (typeof key.key === 'string' && isLockShortcut(key)) {
      event.preventDefault();
      void store.getState().lock('shortcut');
      return;
    }
    store.getState().noteActivity();
  };
  const onPointer = () => store.getState().noteActivity();
  target.addEventListener('keydown', onKey, { capture: true });
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onPointer, { capture: true, passive: true });
  return () => {
    target.removeEventListener('keydown', onKey, { capture: true });
    for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onPointer, { capture: true });
  };
}
