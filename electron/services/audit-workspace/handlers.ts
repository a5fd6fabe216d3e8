// IPC handlers of the CRSO auditor's workspace (issue #4 §4). PLACEHOLDER until the workspace lands.
import { AppError } from '../errors';
import type { Handlers } from '../ipc/router';

export const AUDIT_WORKSPACE_CHANNELS = ['audit.search', 'audit.record', 'audit.reviews', 'audit.markReviewed', 'audit.stats', 'audit.export', 'audit.verify'] as const;
export type AuditWorkspaceChannel = (typeof AUDIT_WORKSPACE_CHANNELS)[number];
export type AuditWorkspaceHandlers = Pick<Handlers, AuditWorkspaceChannel>;

const notYet = (): never => {
  throw new AppError('NOT_IMPLEMENTED', 'The audit workspace is not available yet.');
};

export function auditWorkspaceHandlers(): AuditWorkspaceHandlers {
  return Object.fromEntries(AUDIT_WORKSPACE_CHANNELS.map((c) => [c, notYet])) as unknown as AuditWorkspaceHandlers;
}
