// App info slice: product, version, mode and this workstation's identity. Read once at start.
import type { StateCreator } from 'zustand/vanilla';
import type { AppInfo } from '../../../shared/contract/channels';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { StoreApi } from './api';

export interface InfoSlice {
  info: { value: AppInfo | null; loadError: ErrorInfo | null };
  loadInfo(): Promise<void>;
}

export function createInfoSlice(api: StoreApi): StateCreator<InfoSlice, [], [], InfoSlice> {
  return (set) => ({
    info: { value: null, loadError: null },
    async loadInfo() {
      const result = await api.appInfo();
      set({ info: result.ok ? { value: result.value, loadError: null } : { value: null, loadError: result.error } });
    },
  });
}
