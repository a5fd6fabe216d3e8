// Channel, event and API method names. Zod-free, so the sandboxed preload can bundle it small;
// the schemas for the same names live in channels.ts and events.ts.

export const CHANNEL_NAMES = ['app.info', 'link.status'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

export const EVENT_NAMES = ['link.status', 'link.unsolicited'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** The renderer's named methods: one capability each, never a pass-through. */
export const API_METHODS = {
  appInfo: 'app.info',
  linkStatus: 'link.status',
} as const satisfies Record<string, ChannelName>;

/** The renderer's listeners; each returns its own unsubscribe function. */
export const API_EVENTS = {
  onLinkStatus: 'link.status',
  onUnsolicited: 'link.unsolicited',
} as const satisfies Record<string, EventName>;

/** IPC channel strings used by the Electron transport. */
export const IPC_INVOKE_PREFIX = 'clets:';
export const IPC_EVENT_CHANNEL = 'clets:event';

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}
