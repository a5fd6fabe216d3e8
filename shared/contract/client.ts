// Builds the renderer's API object from the contract over any transport: the Electron preload uses
// ipcRenderer, the preview host uses HTTP. One frozen object of named methods; no raw channel access.
import type { ChannelName, EventName } from './names';
import { API_EVENTS, API_METHODS } from './names';
import type { EventPayloadOf, RequestOf, ResponseOf } from './channels';
import type { Result } from './result';

export interface Transport {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type Methods = typeof API_METHODS;
type Events = typeof API_EVENTS;

type MethodOf<K extends ChannelName> =
  {} extends RequestOf<K>
    ? (request?: RequestOf<K>) => Promise<Result<ResponseOf<K>>>
    : (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;

export type CletsApi = {
  readonly [M in keyof Methods]: MethodOf<Methods[M]>;
} & {
  readonly [E in keyof Events]: (listener: (payload: EventPayloadOf<Events[E]>) => void) => () => void;
};

function transportFailure(error: unknown) {
  const message = error instanceof Error ? error.message : 'The request could not reach the main process.';
  return { ok: false as const, error: { code: 'TRANSPORT', message } };
}

export function createApi(transport: Transport): CletsApi {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = (request: unknown = {}) =>
      transport.invoke(channel, request).catch(transportFailure);
  }
  for (const [method, event] of Object.entries(API_EVENTS)) {
    api[method] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`${method} needs a listener function`);
      return transport.subscribe(event, (payload) => listener(payload));
    };
  }
  return Object.freeze(api) as CletsApi;
}
