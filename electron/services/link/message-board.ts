// Unsolicited switch messages ($. codes) kept in the main process for the signed-on session, so a
// renderer that dropped them at the lock can fetch them again after the unlock. Bounded; emptied
// when the session ends, so the next operator starts with an empty board.
import type { UnsolicitedView } from '../../../shared/contract/channels';

export const MESSAGE_BOARD_LIMIT = 100;

export interface MessageBoard {
  add(message: UnsolicitedView): void;
  /** Newest first. */
  list(): UnsolicitedView[];
  clear(): void;
}

export function createMessageBoard(limit = MESSAGE_BOARD_LIMIT): MessageBoard {
  let messages: UnsolicitedView[] = [];
  return {
    add(message) {
      messages = [message, ...messages].slice(0, limit);
    },
    list: () => [...messages],
    clear() {
      messages = [];
    },
  };
}
