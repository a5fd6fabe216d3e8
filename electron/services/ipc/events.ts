// Main-process events for the renderer. Each transport subscribes once and forwards what
// the event's spec allows the current session to receive.
import { events, type EventPayloadOf } from '../../../shared/contract/channels';
import type { EventName } from '../../../shared/contract/names';
import type { Logger } from '../log';
import { checkAccess, type SessionGate } from './access';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayloadOf<E>): void;
  /** Listeners get only events the session may receive now (role and lock checked at delivery). */
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(deps: { session: SessionGate; logger: Logger }): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      const spec = events[name];
      const checked = spec.payload.safeParse(payload);
      if (!checked.success) {
        deps.logger.error('event payload outside the contract; not delivered', { event: name });
        return;
      }
      const view = deps.session.view();
      if (view.locked && !spec.deliverWhileLocked) return;
      if (checkAccess(spec.access, view) !== 'allowed') return;
      for (const listener of [...listeners]) {
        try {
          listener(name, checked.data);
        } catch (error) {
          deps.logger.error('event listener failed', { event: name, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
