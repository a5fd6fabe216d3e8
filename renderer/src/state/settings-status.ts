// Whether this workstation runs on the strict default settings because its settings file was damaged
// (settings.status). Not criminal justice information: it survives the lock and is shown on every screen,
// the logon screen included, until an administrator saves the workstation settings again.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { StoreApi } from './api';

export interface SettingsStatusData {
  problem: ErrorInfo | null;
}

export interface SettingsStatusSlice {
  settingsStatus: SettingsStatusData;
  loadSettingsStatus(): Promise<void>;
}

export function createSettingsStatusSlice(api: Pick<StoreApi, 'settingsStatus'>): StateCreator<SettingsStatusSlice, [], [], SettingsStatusSlice> {
  return (set) => ({
    settingsStatus: { problem: null },
    async loadSettingsStatus() {
      const result = await api.settingsStatus();
      // A failed read changes nothing: the banner is information, never a guess.
      if (result.ok) set({ settingsStatus: { problem: result.value.problem } });
    },
  });
}
