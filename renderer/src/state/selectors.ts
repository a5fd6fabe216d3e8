// Pure selectors over the store. The ones used with useStore return values already in the state (or
// primitives) so a render never sees a new object for an unchanged state; view models are built from
// those by the pure describe* functions.
import type { AppInfo, LinkStatusView } from '../../../shared/contract/channels';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { AppState } from './store';
import type { UnsolicitedEntry } from './unsolicited';

export const selectInfo = (s: AppState): AppInfo | null => s.info.value;
export const selectInfoError = (s: AppState): ErrorInfo | null => s.info.loadError;
export const selectLinkStatus = (s: AppState): LinkStatusView | null => s.link.status;
export const selectLinkLoadError = (s: AppState): ErrorInfo | null => s.link.loadError;
export const selectUnsolicited = (s: AppState): readonly UnsolicitedEntry[] => s.unsolicited.entries;

/**
 * Training is shown when either the link or the app says so: a workstation that is not sure it is
 * live must not look live.
 */
export const selectTraining = (s: AppState): boolean =>
  s.link.status?.training === true || s.info.value?.mode === 'training';

export type LinkTone = 'ok' | 'pending' | 'warning' | 'error' | 'idle';

export interface LinkIndicator {
  tone: LinkTone;
  /** Short state, shown in bold: "Connected", "Reconnecting". */
  label: string;
  /** Plain-English detail, if any. */
  detail: string | null;
  /** ISO time of the next connection attempt while reconnecting. */
  nextAttemptAt: string | null;
}

const FALLBACK_FAILURE = 'The link to the message switch failed.';

export function describeLink(status: LinkStatusView | null, loadError: ErrorInfo | null = null): LinkIndicator {
  if (status === null) {
    return loadError
      ? { tone: 'error', label: 'Link status unavailable', detail: loadError.message, nextAttemptAt: null }
      : { tone: 'pending', label: 'Checking link', detail: null, nextAttemptAt: null };
  }
  switch (status.state) {
    case 'connected':
      return { tone: 'ok', label: 'Connected', detail: status.switchName ? `Message switch ${status.switchName}` : null, nextAttemptAt: null };
    case 'connecting':
      return { tone: 'pending', label: 'Connecting', detail: 'Opening a secure link to the message switch.', nextAttemptAt: null };
    case 'reconnecting':
      return {
        tone: 'warning',
        label: 'Reconnecting',
        detail: status.error?.message ?? 'The link to the message switch dropped.',
        nextAttemptAt: status.nextAttemptAt ?? null,
      };
    case 'failed':
      return { tone: 'error', label: 'Link failed', detail: status.error?.message ?? FALLBACK_FAILURE, nextAttemptAt: null };
    case 'disconnected':
      return { tone: 'idle', label: 'Disconnected', detail: null, nextAttemptAt: null };
  }
}

/** "14:03:07" (24-hour, as dispatch centres keep time). timeZone is for tests; the UI uses local time. */
export function formatClock(iso: string, timeZone?: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(t);
}

/** Counts for the message panel heading: "3 messages", "1 message". */
export function countLabel(n: number): string {
  return n === 1 ? '1 message' : `${n} messages`;
}
