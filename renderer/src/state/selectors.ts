// Pure selectors over the store. The ones used with useStore return values already in the state (or
// primitives) so a render never sees a new object for an unchanged state; view models are built from
// those by the pure describe* functions.
import type { AppInfo, LinkStatusView } from '../../../shared/contract/channels';
import type { ErrorInfo } from '../../../shared/contract/result';
import { ROLE_LABELS, type Role } from '../../../shared/contract/roles';
import type { LockReason, RosterEntry, SessionState } from '../../../shared/contract/session-schemas';
import { formatDateOnly, formatDateTime } from './format';
import type { InquiryData } from './inquiry';
import type { ViewName } from './nav';
import { mayPrepareRelease, mayReadDisseminationLog } from './release';
import type { RosterData } from './roster';
import type { SessionData } from './session';
import type { SettingsData } from './settings';
import type { AppState } from './store';
import type { UnsolicitedEntry } from './unsolicited';

export const selectInfo = (s: AppState): AppInfo | null => s.info.value;
export const selectInfoError = (s: AppState): ErrorInfo | null => s.info.loadError;
export const selectLinkStatus = (s: AppState): LinkStatusView | null => s.link.status;
export const selectLinkLoadError = (s: AppState): ErrorInfo | null => s.link.loadError;
export const selectUnsolicited = (s: AppState): readonly UnsolicitedEntry[] => s.unsolicited.entries;
export const selectSession = (s: AppState): SessionData => s.session;
export const selectSessionState = (s: AppState): SessionState | null => s.session.state;
export const selectView = (s: AppState): ViewName => s.nav.view;
export const selectNow = (s: AppState): number => s.clock.now;
export const selectRoster = (s: AppState): RosterData => s.roster;
export const selectSettings = (s: AppState): SettingsData => s.settings;
export const selectClipboardNotice = (s: AppState) => s.clipboard.notice;
export const selectInquiry = (s: AppState): InquiryData => s.inquiry;

/** What the screen shows: one of the logon steps, the lock, or the active session. */
export type Screen = 'starting' | 'notice' | 'credentials' | 'second-factor' | 'active' | 'locked';

export function screenOf(session: SessionData): Screen {
  if (session.state === null) return 'starting';
  // Locking: the data is already gone; show the lock screen's frame until the main process confirms.
  if (session.locking) return 'locked';
  return session.state.phase;
}

export interface ViewTab {
  view: ViewName;
  label: string;
}

/** The screens an operator's roles open. The main process refuses the calls anyway; this only hides. */
export function viewsFor(roles: readonly Role[]): ViewTab[] {
  const tabs: ViewTab[] = [{ view: 'home', label: 'Workspace' }];
  if (roles.includes('crso')) tabs.push({ view: 'operators', label: 'Operators' });
  if (roles.includes('supervisor') || roles.includes('crso')) tabs.push({ view: 'supervision', label: 'Supervision' });
  if (mayPrepareRelease(roles)) tabs.push({ view: 'releases', label: 'Releases' });
  if (mayReadDisseminationLog(roles)) tabs.push({ view: 'dissemination', label: 'Dissemination log' });
  if (roles.includes('crso')) tabs.push({ view: 'audit', label: 'Audit trail' });
  if (roles.includes('admin')) tabs.push({ view: 'settings', label: 'Workstation settings' });
  return tabs;
}

/** The view to show: the chosen one if the roles open it, else the workspace. */
export function effectiveView(view: ViewName, roles: readonly Role[]): ViewName {
  return viewsFor(roles).some((t) => t.view === view) ? view : 'home';
}

export function rolesLabel(roles: readonly Role[]): string {
  return roles.map((r) => ROLE_LABELS[r]).join(', ');
}

function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/** Why the workstation locked, in plain words (Bitwarden's users found "idle" alone ambiguous). */
export function describeLockReason(reason: LockReason, idleTimeoutMs: number | null = null): string {
  switch (reason) {
    case 'idle':
      return idleTimeoutMs !== null
        ? `Locked because there was no keyboard or mouse activity for ${minutes(idleTimeoutMs)}.`
        : 'Locked because there was no keyboard or mouse activity for the time set on this workstation.';
    case 'os-lock':
      return 'Locked because the computer’s screen was locked.';
    case 'suspend':
      return 'Locked because the computer went to sleep.';
    case 'shortcut':
      return 'Locked with the Ctrl+L shortcut.';
    case 'operator':
      return 'Locked by the operator.';
    case 'reauth-due':
      return 'Locked because the session reached its 12-hour limit. Sign off, then sign on again with your password, badge and PIN.';
  }
}

export type Flag = 'ok' | 'warning' | 'danger';

export interface OperatorRow {
  id: string;
  name: string;
  roles: string;
  statement: { text: string; flag: Flag };
  certification: { text: string; flag: Flag; lapsed: boolean };
  lastLogon: string;
  status: { text: string; flag: Flag; detail: string | null };
  locked: boolean;
  disabled: boolean;
  statementSignedOn: string | null;
  certifiedUntil: string | null;
}

/** A roster row for the CRSO's table; `today` is the local date (YYYY-MM-DD). */
export function describeOperator(entry: RosterEntry, today: string): OperatorRow {
  const lapsed = entry.certifiedUntil !== null && entry.certifiedUntil < today;
  return {
    id: entry.id,
    name: entry.name,
    roles: rolesLabel(entry.roles),
    statement: entry.statementSignedOn === null ? { text: 'Not signed', flag: 'danger' } : { text: formatDateOnly(entry.statementSignedOn), flag: 'ok' },
    certification:
      entry.certifiedUntil === null
        ? { text: 'Not recorded', flag: 'danger', lapsed: false }
        : { text: formatDateOnly(entry.certifiedUntil), flag: lapsed ? 'danger' : 'ok', lapsed },
    lastLogon: entry.lastLogonAt === null ? 'Never' : formatDateTime(entry.lastLogonAt),
    status: entry.disabled
      ? { text: 'Disabled', flag: 'warning', detail: null }
      : entry.locked
        ? { text: 'Locked', flag: 'danger', detail: entry.lockedReason }
        : { text: 'Active', flag: 'ok', detail: null },
    locked: entry.locked,
    disabled: entry.disabled,
    statementSignedOn: entry.statementSignedOn,
    certifiedUntil: entry.certifiedUntil,
  };
}

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

export { formatClock } from './format';

/** Counts for the message panel heading: "3 messages", "1 message". */
export function countLabel(n: number): string {
  return n === 1 ? '1 message' : `${n} messages`;
}
