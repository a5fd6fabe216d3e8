// Which screen of the active session is shown. Opening a screen loads its data; the same operator
// back from the lock returns to the screen they were on (its data fetched again), a new operator
// starts on the home screen.
import type { StateCreator } from 'zustand/vanilla';
import type { InquirySlice } from './inquiry';
import type { ReleaseSlice } from './release';
import type { RosterSlice } from './roster';
import type { SettingsSlice } from './settings';

export const VIEWS = ['home', 'operators', 'settings', 'supervision', 'releases', 'dissemination', 'audit'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface NavSlice {
  nav: { view: ViewName };
  showView(view: ViewName): void;
}

export function createNavSlice(): StateCreator<NavSlice & RosterSlice & SettingsSlice & InquirySlice & ReleaseSlice, [], [], NavSlice> {
  return (set, get) => ({
    nav: { view: 'home' },
    showView(view) {
      set({ nav: { view } });
      if (view === 'operators') void get().loadRoster();
      if (view === 'settings') void get().loadSettings();
      if (view === 'supervision') void get().loadOverdueConfirmations();
      if (view === 'releases') void get().loadReleases();
      if (view === 'dissemination') void get().searchDisseminationLog({});
    },
  });
}
