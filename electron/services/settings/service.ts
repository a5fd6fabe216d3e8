// Workstation settings: the idle lock timeout, the two recorded exemptions, the lockout rule
// (requirements L2–L4, L11) and the agency's inquiry rules (issue #5: reference formats, DMV reference
// required, roles that see VC 1808.4 confidential addresses). One service owns them; everything else
// reads current() or listens.
//
// Read back, the stored value is validated with the contract's schema and the exemption rule. A file
// that cannot be read, is not JSON or does not validate puts the service in the SETTINGS_CORRUPT state:
//   - the app starts anyway, on the safe defaults (the strictest settings: a damaged file can only take
//     an exemption away, never grant one), and problem() says so in plain words, naming the file;
//   - the damaged file is copied aside at once (`<file>.corrupt-<time>`) and is not written over until an
//     administrator acts: resetToDefaults() or a successful update() replaces it and clears the problem.
// Enabling an exemption needs a justification, and so does loosening the inquiry rules (turning the DMV
// reference off, or letting another role see confidential addresses): a justification is required while
// they are looser than the defaults, and each new loosening needs a new one (the text in force names the
// loosening it was given for). Every change is logged and passed to onRecordedChange, the hook the audit
// journal subscribes to.
//
// A settings file written before the inquiry rules existed has no `inquiryPolicy`: it is read with
// storedWorkstationSettingsSchema, whose default (the strict DEFAULT_INQUIRY_POLICY) fills it in, so it
// loads normally and is not treated as damaged. An update is checked with workstationSettingsSchema, which
// requires the inquiry rules: one that left them out is refused, never a silent reset to the defaults.
import type { ErrorInfo } from '../../../shared/contract/result';
import { storedWorkstationSettingsSchema, workstationSettingsSchema, type WorkstationSettings } from '../../../shared/contract/session-schemas';
import { systemClock, type Clock } from '../clock';
import { AppError } from '../errors';
import type { Logger } from '../log';
import type { SettingsBackend } from '../platform';
import { MIN_JUSTIFICATION_LENGTH, copyInquiryPolicy, defaultSettings } from './defaults';

export type SettingName = keyof WorkstationSettings;

/** One recorded settings change: who, when, what it was and what it became. */
export interface RecordedSettingsChange {
  at: number;
  /** Operator ID of the administrator, or 'system'. */
  actor: string;
  action: 'update' | 'reset';
  changed: SettingName[];
  before: WorkstationSettings;
  after: WorkstationSettings;
}

export interface SettingsService {
  current(): WorkstationSettings;
  /**
   * Validates, saves and applies. Throws SETTINGS_INVALID, JUSTIFICATION_REQUIRED (an exemption, or a loosening
   * of the inquiry rules, without its justification) or SETTINGS_WRITE_FAILED.
   */
  update(next: WorkstationSettings, actor: string): WorkstationSettings;
  /** What update(next) would change, without changing anything (for the audit record made first). Throws as update does. */
  preview(next: WorkstationSettings): { settings: WorkstationSettings; changed: SettingName[] };
  /** Saves and applies the defaults; the way back from a damaged settings file. */
  resetToDefaults(actor: string): WorkstationSettings;
  /** SETTINGS_CORRUPT while the app runs on defaults because the stored settings were damaged; else null. */
  problem(): ErrorInfo | null;
  onChange(listener: (settings: WorkstationSettings) => void): () => void;
  /** Every applied change, for the audit journal (L4: an exemption is recorded when set). */
  onRecordedChange(listener: (change: RecordedSettingsChange) => void): () => void;
}

export interface SettingsServiceDeps {
  backend: SettingsBackend;
  logger: Logger;
  clock?: Clock;
}

const clone = (s: WorkstationSettings): WorkstationSettings => ({
  idleTimeoutMinutes: s.idleTimeoutMinutes,
  dispatchIdleExemption: { ...s.dispatchIdleExemption },
  accessibilityCaptureExemption: { ...s.accessibilityCaptureExemption },
  lockoutRule: s.lockoutRule,
  inquiryPolicy: copyInquiryPolicy(s.inquiryPolicy),
  inquiryPolicyJustification: s.inquiryPolicyJustification,
});

type Policy = WorkstationSettings['inquiryPolicy'];

/** Looser than the defaults: DMV inquiries without a reference, or a role that sees confidential addresses. */
export function policyIsLoosened(policy: Policy): boolean {
  return !policy.dmvReferenceRequired || policy.confidentialAddressRoles.length > 0;
}

/** The inquiry-rule items `after` loosens compared with `before` (each needs a justification of its own). */
export function policyLoosenings(before: Policy, after: Policy): string[] {
  const items: string[] = [];
  if (before.dmvReferenceRequired && !after.dmvReferenceRequired) items.push('inquiryPolicy.dmvReferenceRequired');
  if (after.confidentialAddressRoles.some((role) => !before.confidentialAddressRoles.includes(role))) items.push('inquiryPolicy.confidentialAddressRoles');
  return items;
}

const LOOSENING_WORDS: Record<string, string> = {
  'inquiryPolicy.dmvReferenceRequired': 'DMV inquiries without a reference',
  'inquiryPolicy.confidentialAddressRoles': 'more roles that see confidential addresses',
};

/** Masks and labels the schema cannot judge alone; null when the reference formats are sound. */
function formatProblem(policy: Policy): string | null {
  const labels = new Set<string>();
  const masks = new Set<string>();
  for (const format of policy.referenceFormats) {
    const label = format.label.trim().toUpperCase();
    if (labels.has(label)) return `two reference formats are both called "${format.label.trim()}"; each needs its own label`;
    labels.add(label);
    if (masks.has(format.mask)) return `two reference formats have the same mask ${format.mask}`;
    masks.add(format.mask);
    // A reference is a number: a mask of letters alone would let a name through.
    if (!format.mask.includes('9')) return `the mask ${format.mask} has no 9 (digit); a reference is a call, report or case number, not a name`;
  }
  return null;
}

const EXEMPTIONS = [
  ['dispatchIdleExemption', 'The dispatch idle-lock exemption'],
  ['accessibilityCaptureExemption', 'The accessibility (screen capture) exemption'],
] as const;

/** Parses and applies the exemption rule; the result is normalised (trimmed, no text on a disabled exemption). */
type Checked = { ok: true; settings: WorkstationSettings } | { ok: false; code: string; message: string; detail: string };

function validate(value: unknown, schema: typeof workstationSettingsSchema | typeof storedWorkstationSettingsSchema): Checked {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    const reason = `${issue?.message ?? 'unknown problem'}${where}`;
    return { ok: false, code: 'SETTINGS_INVALID', message: `The settings are not valid: ${reason}.`, detail: `its settings are not valid: ${reason}` };
  }
  const settings = clone(parsed.data);
  settings.inquiryPolicy.referenceFormats = settings.inquiryPolicy.referenceFormats.map((f) => ({ label: f.label.trim(), mask: f.mask }));
  const problem = formatProblem(settings.inquiryPolicy);
  if (problem !== null) {
    return { ok: false, code: 'SETTINGS_INVALID', message: `The inquiry rules are not valid: ${problem}.`, detail: `its inquiry rules are not valid: ${problem}` };
  }
  for (const [key, label] of EXEMPTIONS) {
    const exemption = settings[key];
    exemption.justification = exemption.enabled ? exemption.justification.trim() : '';
    if (exemption.enabled && exemption.justification.length < MIN_JUSTIFICATION_LENGTH) {
      return {
        ok: false,
        code: 'JUSTIFICATION_REQUIRED',
        message: `${label} needs a justification of at least ${MIN_JUSTIFICATION_LENGTH} characters (the agency policy or need); it is recorded.`,
        detail: `${key} is enabled without a justification`,
      };
    }
  }
  const loosened = policyIsLoosened(settings.inquiryPolicy);
  settings.inquiryPolicyJustification = loosened ? settings.inquiryPolicyJustification.trim() : '';
  if (loosened && settings.inquiryPolicyJustification.length < MIN_JUSTIFICATION_LENGTH) {
    return {
      ok: false,
      code: 'JUSTIFICATION_REQUIRED',
      message: `Inquiry rules looser than the defaults (DMV inquiries without a reference, or roles that see confidential addresses) need a justification of at least ${MIN_JUSTIFICATION_LENGTH} characters (the agency policy or need); it is recorded.`,
      detail: 'its inquiry rules are loosened without a justification',
    };
  }
  return { ok: true, settings };
}

/** validate(), then the rule that a new loosening of the inquiry rules comes with a new justification. */
function validateChange(current: WorkstationSettings, next: unknown): Checked {
  const checked = validate(next, workstationSettingsSchema);
  if (!checked.ok) return checked;
  const loosenings = policyLoosenings(current.inquiryPolicy, checked.settings.inquiryPolicy);
  if (loosenings.length > 0 && checked.settings.inquiryPolicyJustification === current.inquiryPolicyJustification) {
    const what = loosenings.map((item) => LOOSENING_WORDS[item] ?? item).join(' and ');
    return {
      ok: false,
      code: 'JUSTIFICATION_REQUIRED',
      message: `This change loosens the inquiry rules (${what}): give the justification for it (at least ${MIN_JUSTIFICATION_LENGTH} characters, not the one already on file); it is recorded.`,
      detail: 'a loosening of the inquiry rules without a new justification',
    };
  }
  return checked;
}

function changedKeys(a: WorkstationSettings, b: WorkstationSettings): SettingName[] {
  return (Object.keys(a) as SettingName[]).filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
}

/** A file-name-safe time tag: 2026-11-23T12-00-00-000Z. */
function timeTag(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const { backend, logger } = deps;
  const clock = deps.clock ?? systemClock;
  const changeListeners = new Set<(settings: WorkstationSettings) => void>();
  const recordListeners = new Set<(change: RecordedSettingsChange) => void>();

  let current = defaultSettings();
  /** Set while running on defaults because the stored settings were damaged. */
  let corrupt: { detail: string; preservedAt: string | null } | null = null;

  function describeCorrupt(detail: string, preservedAt: string | null): string {
    const copy = preservedAt ? `A copy of the damaged file was kept at ${preservedAt}.` : 'The damaged file could not be copied aside; it has been left as it is.';
    return (
      `The workstation settings file ${backend.location} is damaged (${detail}). ` +
      'CLETS Workstation is running on the safe defaults: idle lock after 10 minutes, no exemptions, accounts locked until released after 5 failed sign-ons, ' +
      'the default reference formats, a reference required for DMV inquiries and confidential addresses withheld from every role. ' +
      `${copy} A workstation administrator can restore the defaults, or save the settings again, to replace it.`
    );
  }

  function preserve(): string | null {
    return backend.preserveAside(timeTag(clock.now()));
  }

  // --- read back -------------------------------------------------------------------------
  let detail: string | null = null;
  try {
    const raw = backend.read();
    if (raw !== undefined) {
      const checked = validate(raw, storedWorkstationSettingsSchema);
      if (checked.ok) current = checked.settings;
      else detail = checked.detail;
    }
  } catch (error) {
    detail = error instanceof Error ? error.message : 'it could not be read';
  }
  if (detail !== null) {
    let preservedAt: string | null = null;
    try {
      preservedAt = preserve();
    } catch (error) {
      logger.error('the damaged settings file could not be copied aside', { location: backend.location, error });
    }
    corrupt = { detail, preservedAt };
    logger.error('workstation settings are damaged; running on the safe defaults', { location: backend.location, detail, preservedAt });
  } else {
    for (const [key] of EXEMPTIONS) {
      if (current[key].enabled) logger.warn('workstation exemption in force', { setting: key, justification: current[key].justification });
    }
    if (policyIsLoosened(current.inquiryPolicy)) {
      logger.warn('inquiry rules looser than the defaults in force', {
        dmvReferenceRequired: current.inquiryPolicy.dmvReferenceRequired,
        confidentialAddressRoles: current.inquiryPolicy.confidentialAddressRoles,
        justification: current.inquiryPolicyJustification,
      });
    }
  }

  // --- changes ---------------------------------------------------------------------------
  function apply(next: WorkstationSettings, actor: string, action: RecordedSettingsChange['action']): WorkstationSettings {
    if (corrupt && corrupt.preservedAt === null) {
      // Never replace a damaged file that was not copied aside: try once more, refuse if it still fails.
      try {
        corrupt.preservedAt = preserve();
      } catch (error) {
        throw new AppError(
          'SETTINGS_WRITE_FAILED',
          `The damaged settings file ${backend.location} could not be copied aside, so it was not replaced. Move it away by hand, then try again.`,
          { cause: error },
        );
      }
    }
    try {
      backend.write(next);
    } catch (error) {
      throw new AppError('SETTINGS_WRITE_FAILED', `The workstation settings could not be saved to ${backend.location}. Nothing was changed.`, { cause: error });
    }
    const before = current;
    current = clone(next);
    const wasCorrupt = corrupt !== null;
    corrupt = null;
    const changed = changedKeys(before, current);
    if (wasCorrupt) logger.info('damaged workstation settings replaced', { actor, action });
    // Replacing a damaged file is recorded even when the settings in force stay the same.
    if (changed.length === 0 && !wasCorrupt) return clone(current);

    const record: RecordedSettingsChange = { at: clock.now(), actor, action, changed, before: clone(before), after: clone(current) };
    const enabled = EXEMPTIONS.filter(([key]) => current[key].enabled && !before[key].enabled).map(([key]) => key);
    logger.info('workstation settings changed', { actor, action, changed });
    for (const key of enabled) logger.warn('workstation exemption enabled', { actor, setting: key, justification: current[key].justification });
    const loosenings = policyLoosenings(before.inquiryPolicy, current.inquiryPolicy);
    if (loosenings.length > 0) logger.warn('inquiry rules loosened', { actor, items: loosenings, justification: current.inquiryPolicyJustification });
    for (const listener of [...recordListeners]) {
      try {
        listener(record);
      } catch (error) {
        logger.error('settings record listener failed', { error });
      }
    }
    if (changed.length === 0) return clone(current);
    for (const listener of [...changeListeners]) {
      try {
        listener(clone(current));
      } catch (error) {
        logger.error('settings change listener failed', { error });
      }
    }
    return clone(current);
  }

  return {
    current: () => clone(current),

    update(next, actor) {
      const checked = validateChange(current, next);
      if (!checked.ok) throw new AppError(checked.code, checked.message);
      return apply(checked.settings, actor, 'update');
    },

    preview(next) {
      const checked = validateChange(current, next);
      if (!checked.ok) throw new AppError(checked.code, checked.message);
      return { settings: clone(checked.settings), changed: changedKeys(current, checked.settings) };
    },

    resetToDefaults(actor) {
      return apply(defaultSettings(), actor, 'reset');
    },

    problem() {
      return corrupt ? { code: 'SETTINGS_CORRUPT', message: describeCorrupt(corrupt.detail, corrupt.preservedAt) } : null;
    },

    onChange(listener) {
      changeListeners.add(listener);
      return () => {
        changeListeners.delete(listener);
      };
    },

    onRecordedChange(listener) {
      recordListeners.add(listener);
      return () => {
        recordListeners.delete(listener);
      };
    },
  };
}
