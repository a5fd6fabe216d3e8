// The part of window.clets the stores use. Stores receive it as an argument, so tests pass a fake
// and nothing here reads a global.
export type Api = Window['clets'];

export type StoreApi = Pick<
  Api,
  | 'appInfo'
  | 'linkStatus'
  | 'switchMessages'
  | 'onLinkStatus'
  | 'onUnsolicited'
  | 'sessionState'
  | 'onSessionState'
  | 'acknowledgeNotice'
  | 'submitPassword'
  | 'submitBadge'
  | 'reportActivity'
  | 'lock'
  | 'unlock'
  | 'logout'
  | 'listOperators'
  | 'createOperator'
  | 'disableOperator'
  | 'setOperatorDates'
  | 'releaseOperatorLock'
  | 'getSettings'
  | 'updateSettings'
  | 'settingsStatus'
  | 'copyToClipboard'
  | 'inquiryPolicy'
  | 'sendInquiry'
  | 'listInquiries'
  | 'openInquiry'
  | 'confirmHit'
  | 'hitConfirmations'
  | 'overdueConfirmations'
  | 'onHitConfirmation'
  | 'prepareRelease'
  | 'pendingReleases'
  | 'myReleases'
  | 'decideRelease'
  | 'performRelease'
  | 'disseminationLog'
  | 'exportDisseminationLog'
  | 'recordDestruction'
  | 'onReleaseQueue'
  | 'onAuditFailure'
  | 'searchAudit'
  | 'auditRecord'
  | 'auditReviews'
  | 'markAuditReviewed'
  | 'auditStats'
  | 'exportAudit'
  | 'verifyAudit'
  | 'auditAlerts'
  | 'onAuditVerifyProgress'
>;

/** Time and timers for the stores; tests pass a manual one. */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  setInterval: (fn, ms) => {
    const handle = globalThis.setInterval(fn, ms);
    // Under Node (unit tests) a ticking clock must not keep the process alive; browsers have no unref.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof globalThis.setInterval>),
};
