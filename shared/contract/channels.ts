// The IPC contract: for each channel its request and response schema, who may call it and whether
// it may be called while the screen is locked. The main process parses every payload as unknown
// with these schemas; the renderer's types come from the same file (style.md §2).
import { z } from 'zod';
import type { ChannelName, EventName } from './names';
import { ROLES, type Role } from './roles';

export const roleSchema = z.enum(ROLES);

/** Who may call: `public` needs no session (before logon); otherwise a signed-on operator with one of the roles. */
export type Access = 'public' | { roles: readonly Role[] };

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
  /** Data channels are refused while locked; only lock-screen and status channels are allowed. */
  allowedWhileLocked: boolean;
  /** One line for the contract table in docs and for reviewers. */
  summary: string;
}

const empty = z.object({}).strict();
const isoTime = z.iso.datetime({ offset: false });

export const linkStateSchema = z.enum(['disconnected', 'connecting', 'connected', 'reconnecting', 'failed']);

export const linkStatusSchema = z
  .object({
    state: linkStateSchema,
    training: z.boolean(),
    since: isoTime,
    switchName: z.string().max(64).optional(),
    error: z.object({ code: z.string().max(64), message: z.string().max(500) }).optional(),
    nextAttemptAt: isoTime.optional(),
  })
  .strict();
export type LinkStatusView = z.infer<typeof linkStatusSchema>;

export const appInfoSchema = z
  .object({
    product: z.literal('CLETS Workstation'),
    version: z.string().max(32),
    mode: z.enum(['training', 'live']),
    workstation: z.object({ id: z.string().max(32), ori: z.string().length(9), terminal: z.string().max(8) }).strict(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

export const unsolicitedSchema = z
  .object({
    receivedAt: isoTime,
    training: z.boolean(),
    code: z.string().max(8),
    meaning: z.string().max(200),
    text: z.string().max(64 * 1024),
  })
  .strict();
export type UnsolicitedView = z.infer<typeof unsolicitedSchema>;

export const channels = {
  'app.info': {
    request: empty,
    response: appInfoSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'Product, version, training or live mode, and this workstation’s identity.',
  },
  'link.status': {
    request: empty,
    response: linkStatusSchema,
    access: 'public',
    allowedWhileLocked: true,
    summary: 'State of the link to the message switch.',
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  access: Access;
  /** Events carrying criminal justice information are never delivered to a locked renderer. */
  deliverWhileLocked: boolean;
}

export const events = {
  'link.status': { payload: linkStatusSchema, access: 'public', deliverWhileLocked: true },
  'link.unsolicited': { payload: unsolicitedSchema, access: 'public', deliverWhileLocked: false },
} as const satisfies Record<EventName, EventSpec>;

export type Channels = typeof channels;
export type RequestOf<K extends ChannelName> = z.input<Channels[K]['request']>;
export type ParsedRequestOf<K extends ChannelName> = z.output<Channels[K]['request']>;
export type ResponseOf<K extends ChannelName> = z.output<Channels[K]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]['payload']>;
