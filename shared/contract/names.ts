// Channel, event and API method names. Zod-free, so the sandboxed preload can bundle it small;
// the schemas for the same names live in channels.ts and events.ts.

export const CHANNEL_NAMES = [
  'app.info',
  'link.status',
  'link.messages',
  'session.state',
  'session.acknowledgeNotice',
  'session.submitPassword',
  'session.submitBadge',
  'session.activity',
  'session.lock',
  'session.unlock',
  'session.logout',
  'roster.list',
  'roster.create',
  'roster.disable',
  'roster.setDates',
  'roster.releaseLock',
  'settings.get',
  'settings.update',
  'settings.status',
  'clipboard.copy',
  'inquiry.policy',
  'inquiry.send',
  'inquiry.list',
  'inquiry.open',
  'inquiry.confirmHit',
  'inquiry.hitConfirmations',
  'supervision.overdueConfirmations',
  'audit.search',
  'audit.record',
  'audit.reviews',
  'audit.markReviewed',
  'audit.stats',
  'audit.export',
  'audit.verify',
  'audit.alerts',
  'release.prepare',
  'release.pending',
  'release.mine',
  'release.decide',
  'release.perform',
  'release.log',
  'release.exportLog',
  'release.recordDestruction',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = [
  'audit.failure',
  'audit.verifyProgress',
  'inquiry.hitConfirmation',
  'link.status',
  'link.unsolicited',
  'release.queue',
  'session.state',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The renderer's named methods: one capability each, never a pass-through. */
export const API_METHODS = {
  appInfo: 'app.info',
  linkStatus: 'link.status',
  switchMessages: 'link.messages',
  sessionState: 'session.state',
  acknowledgeNotice: 'session.acknowledgeNotice',
  submitPassword: 'session.submitPassword',
  submitBadge: 'session.submitBadge',
  reportActivity: 'session.activity',
  lock: 'session.lock',
  unlock: 'session.unlock',
  logout: 'session.logout',
  listOperators: 'roster.list',
  createOperator: 'roster.create',
  disableOperator: 'roster.disable',
  setOperatorDates: 'roster.setDates',
  releaseOperatorLock: 'roster.releaseLock',
  getSettings: 'settings.get',
  updateSettings: 'settings.update',
  settingsStatus: 'settings.status',
  copyToClipboard: 'clipboard.copy',
  inquiryPolicy: 'inquiry.policy',
  sendInquiry: 'inquiry.send',
  listInquiries: 'inquiry.list',
  openInquiry: 'inquiry.open',
  confirmHit: 'inquiry.confirmHit',
  hitConfirmations: 'inquiry.hitConfirmations',
  overdueConfirmations: 'supervision.overdueConfirmations',
  searchAudit: 'audit.search',
  auditRecord: 'audit.record',
  auditReviews: 'audit.reviews',
  markAuditReviewed: 'audit.markReviewed',
  auditStats: 'audit.stats',
  exportAudit: 'audit.export',
  verifyAudit: 'audit.verify',
  auditAlerts: 'audit.alerts',
  prepareRelease: 'release.prepare',
  pendingReleases: 'release.pending',
  myReleases: 'release.mine',
  decideRelease: 'release.decide',
  performRelease: 'release.perform',
  disseminationLog: 'release.log',
  exportDisseminationLog: 'release.exportLog',
  recordDestruction: 'release.recordDestruction',
} as const satisfies Record<string, ChannelName>;

/** The renderer's listeners; each returns its own unsubscribe function. */
export const API_EVENTS = {
  onAuditFailure: 'audit.failure',
  onAuditVerifyProgress: 'audit.verifyProgress',
  onHitConfirmation: 'inquiry.hitConfirmation',
  onReleaseQueue: 'release.queue',
  onLinkStatus: 'link.status',
  onUnsolicited: 'link.unsolicited',
  onSessionState: 'session.state',
} as const satisfies Record<string, EventName>;

/** IPC channel strings used by the Electron transport. */
export const IPC_INVOKE_PREFIX = 'clets:';
export const IPC_EVENT_CHANNEL = 'clets:event';

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}
