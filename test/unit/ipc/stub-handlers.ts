// A full Handlers table for router and transport tests: every channel the contract names has a handler
// that fails loudly unless the test supplies its own. Adding a channel to the contract needs no change here.
import { CHANNEL_NAMES } from '../../../shared/contract/names';
import type { Handlers } from '../../../electron/services/ipc/router';

export function stubHandlers(overrides: Partial<Handlers> = {}): Handlers {
  const table: Record<string, unknown> = {};
  for (const name of CHANNEL_NAMES) {
    table[name] = () => {
      throw new Error(`no handler for ${name} in this test`);
    };
  }
  return { ...(table as Handlers), ...overrides };
}
