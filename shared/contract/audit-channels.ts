// The CRSO auditor's workspace channels (issue #4 §4): search the agency's audit, open a record with its
// neighbours, the weekly review (AU-6), charts, export for a DOJ audit, and the in-app verification.
// PLACEHOLDER schemas: the audit workspace work replaces them (every one is CRSO only and refused while locked).
import { z } from 'zod';
import type { ChannelSpec, EventSpec } from './channels';

const crso = { roles: ['crso'] } as const;
const pending = (summary: string): ChannelSpec => ({ request: z.object({}).strict(), response: z.null(), access: crso, allowedWhileLocked: false, summary });

export const auditChannels = {
  'audit.search': pending('Search the agency audit trail.'),
  'audit.record': pending('One audit record with its neighbours.'),
  'audit.reviews': pending('Weekly reviews (AU-6).'),
  'audit.markReviewed': pending('Mark a week reviewed with a note.'),
  'audit.stats': pending('Charts of inquiries.'),
  'audit.export': pending('Export for a DOJ audit.'),
  'audit.verify': pending('Verify the journal in the app.'),
} as const;

export const auditEvents = {
  'audit.verifyProgress': { payload: z.object({}).strict(), access: crso, deliverWhileLocked: false } satisfies EventSpec,
} as const;
