// Copying from views with criminal justice information goes through the main process's clipboard
// guard (cleared after a short time and at lock): the view stops the browser's own copy and hands
// the selected text here.
import type { StateCreator } from 'zustand/vanilla';
import type { StoreApi } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';
import { formatClock } from './format';

export const MAX_COPY_CHARS = 64 * 1024;

export interface ClipboardData {
  /** What the last copy did, for a status line. */
  notice: { ok: boolean; message: string; seq: number } | null;
}

export interface ClipboardSlice {
  clipboard: ClipboardData;
  copyText(text: string): Promise<void>;
}

const EMPTY: ClipboardData = { notice: null };

export function createClipboardSlice(api: StoreApi, registry: SensitiveRegistry): StateCreator<ClipboardSlice, [], [], ClipboardSlice> {
  return (set) => {
    let seq = 0;
    const notice = (ok: boolean, message: string) => {
      seq += 1;
      set({ clipboard: { notice: { ok, message, seq } } });
    };
    return {
      clipboard: sensitive(registry, { key: 'clipboard', initial: EMPTY }),
      async copyText(text) {
        if (text.length === 0) return;
        if (text.length > MAX_COPY_CHARS) {
          notice(false, 'That selection is too long to copy. Select less text.');
          return;
        }
        const epoch = registry.epoch();
        const result = await api.copyToClipboard({ text });
        if (registry.epoch() !== epoch) return;
        if (result.ok) notice(true, `Copied. The clipboard will be cleared at ${formatClock(result.value.clearsAt)}.`);
        else notice(false, result.error.message);
      },
    };
  };
}
