// Unsolicited switch messages ($. codes). Their text can be criminal justice information (a delayed
// hit, a locate), so this is a sensitive slice: the lock, the sign-off and a change of operator clear
// it, and it takes messages only while a session is active (the main process does not deliver them
// to a locked window either).
import type { StateCreator } from 'zustand/vanilla';
import type { UnsolicitedView } from '../../../shared/contract/channels';
import type { StoreApi } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';
import type { SessionSlice } from './session';

/** The newest messages kept on screen; older ones stay in the switch's own records. */
export const MAX_UNSOLICITED = 100;

export interface UnsolicitedEntry extends UnsolicitedView {
  /** Local sequence number: a stable React key even when two messages are identical. */
  seq: number;
}

export interface UnsolicitedData {
  entries: readonly UnsolicitedEntry[];
}

export interface UnsolicitedSlice {
  unsolicited: UnsolicitedData;
  receiveUnsolicited(message: unknown): void;
  /** Fetches this session's messages again from the main process (after an unlock). */
  loadUnsolicited(): Promise<void>;
  clearUnsolicited(): void;
}

export function isUnsolicited(value: unknown): value is UnsolicitedView {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    typeof v.meaning === 'string' &&
    typeof v.text === 'string' &&
    typeof v.receivedAt === 'string' &&
    typeof v.training === 'boolean'
  );
}

const EMPTY: UnsolicitedData = { entries: [] };

export function createUnsolicitedSlice(api: StoreApi, registry: SensitiveRegistry): StateCreator<UnsolicitedSlice & SessionSlice, [], [], UnsolicitedSlice> {
  // Keys stay unique across clears (React keys), without keeping anything of the cleared messages.
  let nextSeq = 1;
  return (set, get) => ({
    // Reloaded after an unlock from the main process, which keeps the session's messages.
    unsolicited: sensitive(registry, { key: 'unsolicited', initial: EMPTY, reload: () => void get().loadUnsolicited() }),
    async loadUnsolicited() {
      const epoch = registry.epoch();
      const result = await api.switchMessages();
      if (!result.ok || registry.epoch() !== epoch) return;
      const session = get().session;
      if (session.state?.phase !== 'active' || session.locking) return;
      const entries = result.value.filter(isUnsolicited).slice(0, MAX_UNSOLICITED).map((m) => ({ ...m, seq: nextSeq++ }));
      set({ unsolicited: { entries } });
    },
    receiveUnsolicited(message) {
      if (!isUnsolicited(message)) return;
      const session = get().session;
      if (session.state?.phase !== 'active' || session.locking) return;
      const entry: UnsolicitedEntry = {
        seq: nextSeq++,
        code: message.code,
        meaning: message.meaning,
        text: message.text,
        receivedAt: message.receivedAt,
        training: message.training,
      };
      set({ unsolicited: { entries: [entry, ...get().unsolicited.entries].slice(0, MAX_UNSOLICITED) } });
    },
    clearUnsolicited() {
      set({ unsolicited: EMPTY });
    },
  });
}
