// CORI leaves the app only through an approved release (issue #6): Ctrl/Cmd+P and Ctrl/Cmd+S are blocked
// everywhere, except that Ctrl/Cmd+P prints while a release document is on screen. The print CSS
// (styles/release.css) is the second line: printing from anywhere else prints only the refusal line.
import { useEffect } from 'react';

let documentsOnScreen = 0;

/** A release document is mounted: printing is allowed while it is (ReleaseDocumentView calls it). */
export function usePrintPermit(): void {
  useEffect(() => {
    documentsOnScreen += 1;
    return () => {
      documentsOnScreen -= 1;
    };
  }, []);
}

export function printPermitted(): boolean {
  return documentsOnScreen > 0;
}

/** What a key press means to the guard: null when it is none of its business. */
export function printGuardVerdict(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, permitted: boolean): 'allow' | 'block' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === 's') return 'block';
  if (key === 'p') return permitted ? 'allow' : 'block';
  return null;
}

export function installPrintGuard(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (printGuardVerdict(event, printPermitted()) === 'block') {
      event.preventDefault();
      event.stopPropagation();
    }
  };
  target.addEventListener('keydown', onKeyDown, { capture: true });
  return () => target.removeEventListener('keydown', onKeyDown, { capture: true });
}

/** Mounted once at the top of the app (App.tsx). */
export function usePrintGuard(): void {
  useEffect(() => installPrintGuard(window), []);
}

/** What prints when printing is started anywhere but a release document (mounted once in App.tsx). */
export const PRINT_REFUSAL_TEXT = 'Criminal justice information is printed only through an approved CORI release.';
