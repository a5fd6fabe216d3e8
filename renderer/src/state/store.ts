// The renderer's store: one zustand store made of feature slices. Slices own the side effects
// (calls to window.clets); components only render what selectors give them. Every slice holding
// criminal justice information or personal data registers with the sensitive registry, and
// clearSensitiveState() empties all of them at once (sensitive.ts).
import { createStore, type StoreApi as ZustandStore } from 'zustand/vanilla';
import { createActivitySlice, type ActivitySlice } from './activity';
import { createAuditSlice, type AuditSlice } from './audit';
import { createAuditFailureSlice, type AuditFailureSlice } from './audit-failure';
import { realTimers, type StoreApi, type Timers } from './api';
import { createClipboardSlice, type ClipboardSlice } from './clipboard';
import { CLOCK_TICK_MS, createClockSlice, type ClockSlice } from './clock';
import { createInfoSlice, type InfoSlice } from './info';
import { createInquirySlice, type InquirySlice } from './inquiry';
import { createLinkSlice, type LinkSlice } from './link';
import { createNavSlice, type NavSlice } from './nav';
import { createReleaseSlice, type ReleaseSlice } from './release';
import { createRosterSlice, type RosterSlice } from './roster';
import { createSensitiveRegistry, createSensitiveSlice, type SensitiveRegistry, type SensitiveSlice } from './sensitive';
import { createSessionSlice, type SessionSlice } from './session';
import { createSettingsSlice, type SettingsSlice } from './settings';
import { createSettingsStatusSlice, type SettingsStatusSlice } from './settings-status';
import { createUnsolicitedSlice, type UnsolicitedSlice } from './unsolicited';

export type AppState = InfoSlice &
  LinkSlice &
  SessionSlice &
  SensitiveSlice &
  ActivitySlice &
  UnsolicitedSlice &
  RosterSlice &
  SettingsSlice &
  ClipboardSlice &
  NavSlice &
  ClockSlice &
  InquirySlice &
  ReleaseSlice &
  AuditSlice &
  AuditFailureSlice &
  SettingsStatusSlice;

export type AppStore = ZustandStore<AppState> & { readonly sensitive: SensitiveRegistry };

/**
 * State keys that hold no criminal justice information and no personal data, and so survive the
 * lock. Every other data key must be registered as sensitive (a unit test checks it).
 */
export const NON_SENSITIVE_KEYS = ['info', 'link', 'session', 'nav', 'clock', 'auditFailure', 'settingsStatus'] as const;

/** How often the clock ticks while a hit confirmation request waits for its answer. */
export const COUNTDOWN_TICK_MS = 1_000;

export interface AppStoreOptions {
  timers?: Timers;
}

export function createAppStore(api: StoreApi, options: AppStoreOptions = {}): AppStore {
  const timers = options.timers ?? realTimers;
  const registry = createSensitiveRegistry();
  const store = createStore<AppState>()((...a) => ({
    ...createInfoSlice(api)(...a),
    ...createLinkSlice(api)(...a),
    ...createSensitiveSlice(registry)(...a),
    ...createSessionSlice(api, registry)(...a),
    ...createActivitySlice(api, timers, registry)(...a),
    ...createUnsolicitedSlice(api, registry)(...a),
    ...createRosterSlice(api, registry)(...a),
    ...createSettingsSlice(api, registry)(...a),
    ...createClipboardSlice(api, registry)(...a),
    ...createInquirySlice(api, registry)(...a),
    ...createReleaseSlice(api, registry)(...a),
    ...createAuditSlice(api, registry)(...a),
    ...createAuditFailureSlice()(...a),
    ...createSettingsStatusSlice(api)(...a),
    ...createNavSlice()(...a),
    ...createClockSlice(timers)(...a),
  }));
  return Object.assign(store, { sensitive: registry });
}

/**
 * Subscribes to the main process's events, then reads the current state (subscribing first means no
 * change between the read and the subscription is lost). Returns the function that stops it all.
 */
export function startAppStore(store: AppStore, api: StoreApi, timers: Timers = realTimers): () => void {
  const state = store.getState();
  const unsubscribers = [
    api.onLinkStatus((status) => store.getState().applyLinkStatus(status)),
    api.onUnsolicited((message) => store.getState().receiveUnsolicited(message)),
    api.onSessionState((session) => store.getState().applySessionState(session)),
    api.onHitConfirmation((confirmation) => store.getState().applyHitConfirmation(confirmation)),
    api.onReleaseQueue((event) => store.getState().applyReleaseQueue(event)),
    api.onAuditFailure((failure) => store.getState().receiveAuditFailure(failure)),
    // An administrator's save replaces a damaged settings file: read the status again.
    store.subscribe((next, prev) => {
      if (next.settings.outcome !== prev.settings.outcome && next.settings.outcome?.ok === true) void next.loadSettingsStatus();
    }),
  ];
  const ticker = timers.setInterval(() => store.getState().tick(), CLOCK_TICK_MS);
  // A hit confirmation's countdown is live: the clock ticks every second while one is waiting.
  const countdown = timers.setInterval(() => {
    if (store.getState().inquiry.confirmations?.some((c) => c.status === 'waiting')) store.getState().tick();
  }, COUNTDOWN_TICK_MS);
  void state.loadInfo();
  void state.loadLinkStatus();
  void state.loadSession();
  void state.loadSettingsStatus();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    timers.clearInterval(ticker);
    timers.clearInterval(countdown);
  };
}
