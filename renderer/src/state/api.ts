// The part of window.clets the stores use. Stores receive it as an argument, so tests pass a fake
// and nothing here reads a global.
export type Api = Window['clets'];

export type StoreApi = Pick<Api, 'appInfo' | 'linkStatus' | 'onLinkStatus' | 'onUnsolicited'>;
