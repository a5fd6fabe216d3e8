// Workstation settings slice (administrator): idle lock, the two audited exemptions, the lockout rule.
// Session-scoped like every slice that holds what one operator was shown.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import type { StoreApi } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';

export interface SettingsOutcome {
  ok: boolean;
  message: string;
  field: string | null;
  seq: number;
}

export interface SettingsData {
  value: WorkstationSettings | null;
  loading: boolean;
  loadError: ErrorInfo | null;
  outcome: SettingsOutcome | null;
}

export interface SettingsSlice {
  settings: SettingsData;
  loadSettings(): Promise<void>;
  saveSettings(next: WorkstationSettings): Promise<boolean>;
}

interface Needs extends SettingsSlice {
  nav: { view: string };
}

const EMPTY: SettingsData = { value: null, loading: false, loadError: null, outcome: null };

/** Checks the form before sending; the main process checks again and records the exemptions. */
export function checkSettings(s: WorkstationSettings): { field: string; message: string } | null {
  if (!Number.isInteger(s.idleTimeoutMinutes) || s.idleTimeoutMinutes < 1 || s.idleTimeoutMinutes > 30) {
    return { field: 'idleTimeoutMinutes', message: 'The idle lock is a whole number of minutes from 1 to 30.' };
  }
  if (s.dispatchIdleExemption.enabled && s.dispatchIdleExemption.justification.trim().length < 10) {
    return { field: 'dispatchJustification', message: 'Say why this dispatch workstation is exempt from the idle lock (at least 10 characters).' };
  }
  if (s.accessibilityCaptureExemption.enabled && s.accessibilityCaptureExemption.justification.trim().length < 10) {
    return { field: 'accessibilityJustification', message: 'Say why screen capture protection is turned off here (at least 10 characters).' };
  }
  for (const j of [s.dispatchIdleExemption.justification, s.accessibilityCaptureExemption.justification]) {
    if (j.length > 500) return { field: j === s.dispatchIdleExemption.justification ? 'dispatchJustification' : 'accessibilityJustification', message: 'A justification is at most 500 characters.' };
  }
  return null;
}

export function createSettingsSlice(api: StoreApi, registry: SensitiveRegistry): StateCreator<Needs, [], [], SettingsSlice> {
  return (set, get) => {
    let seq = 0;
    const patch = (p: Partial<SettingsData>) => set({ settings: { ...get().settings, ...p } });
    const outcome = (ok: boolean, message: string, field: string | null = null) => {
      seq += 1;
      patch({ outcome: { ok, message, field, seq } });
    };

    return {
      settings: sensitive(registry, {
        key: 'settings',
        initial: EMPTY,
        reload: () => {
          if (get().nav.view === 'settings') void get().loadSettings();
        },
      }),

      async loadSettings() {
        const epoch = registry.epoch();
        patch({ loading: true });
        const result = await api.getSettings();
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ value: result.value, loading: false, loadError: null });
        else patch({ loading: false, loadError: result.error });
      },

      async saveSettings(next) {
        const problem = checkSettings(next);
        if (problem) {
          outcome(false, problem.message, problem.field);
          return false;
        }
        const request: WorkstationSettings = {
          ...next,
          dispatchIdleExemption: { enabled: next.dispatchIdleExemption.enabled, justification: next.dispatchIdleExemption.justification.trim() },
          accessibilityCaptureExemption: { enabled: next.accessibilityCaptureExemption.enabled, justification: next.accessibilityCaptureExemption.justification.trim() },
        };
        const epoch = registry.epoch();
        const result = await api.updateSettings(request);
        if (registry.epoch() !== epoch) return false;
        if (!result.ok) {
          outcome(false, result.error.message);
          return false;
        }
        patch({ value: result.value });
        outcome(true, 'Settings saved for this workstation.');
        return true;
      },
    };
  };
}
