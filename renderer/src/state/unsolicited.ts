// Unsolicited switch messages ($. codes). Their text can be criminal justice information (a delayed
// hit, a locate), so this slice is one the screen lock clears (clearUnsolicited).
import type { StateCreator } from 'zustand/vanilla';
import type { UnsolicitedView } from '../../../shared/contract/channels';

/** The newest messages kept on screen; older ones stay in the switch's own records. */
export const MAX_UNSOLICITED = 100;

export interface UnsolicitedEntry extends UnsolicitedView {
  /** Local sequence number: a stable React key even when two messages are identical. */
  seq: number;
}

export interface UnsolicitedSlice {
  unsolicited: { entries: readonly UnsolicitedEntry[]; nextSeq: number };
  receiveUnsolicited(message: unknown): void;
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

export const createUnsolicitedSlice: StateCreator<UnsolicitedSlice, [], [], UnsolicitedSlice> = (set, get) => ({
  unsolicited: { entries: [], nextSeq: 1 },
  receiveUnsolicited(message) {
    if (!isUnsolicited(message)) return;
    const { entries, nextSeq } = get().unsolicited;
    const entry: UnsolicitedEntry = {
      seq: nextSeq,
      code: message.code,
      meaning: message.meaning,
      text: message.text,
      receivedAt: message.receivedAt,
      training: message.training,
    };
    set({ unsolicited: { entries: [entry, ...entries].slice(0, MAX_UNSOLICITED), nextSeq: nextSeq + 1 } });
  },
  clearUnsolicited() {
    set({ unsolicited: { entries: [], nextSeq: get().unsolicited.nextSeq } });
  },
});
