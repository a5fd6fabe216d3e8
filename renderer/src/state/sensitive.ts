// Criminal justice information and personal data live only in "sensitive" slices, and every one of
// them is registered here. clearSensitiveState() resets all of them in one set() — the lock, the
// sign-off and a change of operator call it before anything else renders — so a slice added later
// cannot be forgotten: its initial state comes from the registration itself (sensitive()), and a
// unit test fails when a data key of the store is neither registered nor listed as non-sensitive.
import type { StateCreator } from 'zustand/vanilla';

export interface SensitiveEntry {
  /** The top-level state key the slice keeps its data under. */
  key: string;
  /** What the key is reset to. */
  initial: unknown;
  /**
   * Called when the same operator's session resumes (unlock): fetch again from the main process
   * whatever the current screen shows. Nothing is restored from the renderer's own memory.
   */
  reload?: () => void;
  /** Side effects to stop on clear (timers); the data itself is reset from `initial`. */
  onClear?: () => void;
}

export interface SensitiveRegistry {
  register(entry: SensitiveEntry): void;
  entries(): readonly SensitiveEntry[];
  keys(): readonly string[];
  /** Every registered key at its initial value, for one set() call. */
  initialState(): Record<string, unknown>;
  /**
   * A number that changes at every clear. An async load remembers it before awaiting and drops its
   * result if it changed: a reply that was in flight when the screen locked never lands.
   */
  epoch(): number;
  bumpEpoch(): void;
}

export function createSensitiveRegistry(): SensitiveRegistry {
  const entries: SensitiveEntry[] = [];
  let epoch = 0;
  return {
    register(entry) {
      if (entries.some((e) => e.key === entry.key)) throw new Error(`sensitive key registered twice: ${entry.key}`);
      entries.push(entry);
    },
    entries: () => entries,
    keys: () => entries.map((e) => e.key),
    initialState: () => Object.fromEntries(entries.map((e) => [e.key, e.initial])),
    epoch: () => epoch,
    bumpEpoch() {
      epoch += 1;
    },
  };
}

/**
 * Registers a sensitive key and returns its initial value, so a slice declares its state as
 * `roster: sensitive(registry, { key: 'roster', initial: EMPTY_ROSTER, reload })`.
 */
export function sensitive<T>(registry: SensitiveRegistry, entry: { key: string; initial: T; reload?: () => void; onClear?: () => void }): T {
  registry.register(entry);
  return entry.initial;
}

export interface SensitiveSlice {
  /** Unmount-and-forget: every registered slice back to empty, in-flight replies invalidated. */
  clearSensitiveState(): void;
  /** After the same operator unlocks: fetch again what the current screen needs. */
  reloadSensitiveState(): void;
}

export function createSensitiveSlice(registry: SensitiveRegistry): StateCreator<SensitiveSlice, [], [], SensitiveSlice> {
  return (set) => ({
    clearSensitiveState() {
      registry.bumpEpoch();
      for (const entry of registry.entries()) entry.onClear?.();
      set(registry.initialState() as Partial<SensitiveSlice>);
    },
    reloadSensitiveState() {
      for (const entry of registry.entries()) entry.reload?.();
    },
  });
}
