// The renderer's store: one zustand store made of feature slices. Slices own the side effects
// (calls to window.clets); components only render what selectors give them.
import { createStore, type StoreApi as ZustandStore } from 'zustand/vanilla';
import type { StoreApi } from './api';
import { createInfoSlice, type InfoSlice } from './info';
import { createLinkSlice, type LinkSlice } from './link';
import { createUnsolicitedSlice, type UnsolicitedSlice } from './unsolicited';

export type AppState = InfoSlice & LinkSlice & UnsolicitedSlice;
export type AppStore = ZustandStore<AppState>;

export function createAppStore(api: StoreApi): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createInfoSlice(api)(...a),
    ...createLinkSlice(api)(...a),
    ...createUnsolicitedSlice(...a),
  }));
}

/**
 * Subscribes to the main process's events, then reads the current state (subscribing first means no
 * change between the read and the subscription is lost). Returns the function that stops it all.
 */
export function startAppStore(store: AppStore, api: StoreApi): () => void {
  const state = store.getState();
  const unsubscribers = [
    api.onLinkStatus((status) => store.getState().applyLinkStatus(status)),
    api.onUnsolicited((message) => store.getState().receiveUnsolicited(message)),
  ];
  void state.loadInfo();
  void state.loadLinkStatus();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
