// Workstation settings slice (administrator): idle lock, the two audited exemptions, the lockout rule and
// the agency's inquiry rules (reference formats, DMV reference required, roles that see confidential
// addresses). Session-scoped like every slice that holds what one operator was shown.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorInfo } from '../../../shared/contract/result';
import type { WorkstationSettings } from '../../../shared/contract/session-schemas';
import { REFERENCE_MASK_PATTERN } from '../../../shared/policy/inquiry-policy';
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

type Policy = WorkstationSettings['inquiryPolicy'];

export const MAX_REFERENCE_FORMATS = 10;

/** Looser than the defaults: DMV inquiries without a reference, or a role that sees confidential addresses. */
export function isLoosened(policy: Policy): boolean {
  return !policy.dmvReferenceRequired || policy.confidentialAddressRoles.length > 0;
}

/** Whether `next` loosens the rules in force (DMV reference turned off, or a role added). */
export function loosens(current: Policy, next: Policy): boolean {
  return (current.dmvReferenceRequired && !next.dmvReferenceRequired) || next.confidentialAddressRoles.some((r) => !current.confidentialAddressRoles.includes(r));
}

/** The reference formats' problems, first one only, on the row's field (`format-label-<i>` / `format-mask-<i>`). */
function checkFormats(formats: Policy['referenceFormats']): { field: string; message: string } | null {
  if (formats.length < 1 || formats.length > MAX_REFERENCE_FORMATS) {
    return { field: 'referenceFormats', message: `Keep 1 to ${MAX_REFERENCE_FORMATS} reference formats.` };
  }
  const labels = new Set<string>();
  const masks = new Set<string>();
  for (const [i, format] of formats.entries()) {
    const n = i + 1;
    const label = format.label.trim();
    if (label === '' || label.length > 40) return { field: `format-label-${i}`, message: `Give reference format ${n} a label of 1 to 40 characters (for example "Report number").` };
    if (labels.has(label.toUpperCase())) return { field: `format-label-${i}`, message: `Two reference formats are called "${label}": give each its own label.` };
    labels.add(label.toUpperCase());
    const mask = format.mask.trim().toUpperCase();
    if (!REFERENCE_MASK_PATTERN.test(mask)) {
      return { field: `format-mask-${i}`, message: `The mask of format ${n} is 3 to 17 of: 9 (a digit), A (a letter), # (a letter or digit), other capital letters, - and space.` };
    }
    if (!mask.includes('9')) return { field: `format-mask-${i}`, message: `The mask of format ${n} needs at least one 9: a reference is a number, not a name.` };
    if (masks.has(mask)) return { field: `format-mask-${i}`, message: `Two reference formats have the mask ${mask}.` };
    masks.add(mask);
  }
  return null;
}

/**
 * Checks the form before sending; the main process checks again and records the exemptions and the
 * inquiry rules. `current` (the settings in force) tells a new loosening, which needs a new justification.
 */
export function checkSettings(s: WorkstationSettings, current: WorkstationSettings | null = null): { field: string; message: string } | null {
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
  const formats = checkFormats(s.inquiryPolicy.referenceFormats);
  if (formats) return formats;
  const justification = s.inquiryPolicyJustification.trim();
  if (isLoosened(s.inquiryPolicy)) {
    if (justification.length < 10) {
      return { field: 'inquiryJustification', message: 'Say why the inquiry rules are looser than the defaults (at least 10 characters): it is recorded.' };
    }
    if (justification.length > 500) return { field: 'inquiryJustification', message: 'A justification is at most 500 characters.' };
    if (current !== null && loosens(current.inquiryPolicy, s.inquiryPolicy) && justification === current.inquiryPolicyJustification) {
      return { field: 'inquiryJustification', message: 'This change loosens the inquiry rules: write the justification for it (not the one already on file).' };
    }
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
        const problem = checkSettings(next, get().settings.value);
        if (problem) {
          outcome(false, problem.message, problem.field);
          return false;
        }
        const request: WorkstationSettings = {
          ...next,
          dispatchIdleExemption: { enabled: next.dispatchIdleExemption.enabled, justification: next.dispatchIdleExemption.justification.trim() },
          accessibilityCaptureExemption: { enabled: next.accessibilityCaptureExemption.enabled, justification: next.accessibilityCaptureExemption.justification.trim() },
          inquiryPolicy: {
            referenceFormats: next.inquiryPolicy.referenceFormats.map((f) => ({ label: f.label.trim(), mask: f.mask.trim().toUpperCase() })),
            dmvReferenceRequired: next.inquiryPolicy.dmvReferenceRequired,
            confidentialAddressRoles: [...next.inquiryPolicy.confidentialAddressRoles],
          },
          inquiryPolicyJustification: isLoosened(next.inquiryPolicy) ? next.inquiryPolicyJustification.trim() : '',
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
