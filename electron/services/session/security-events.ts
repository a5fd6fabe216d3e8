// One emitter for the session layer's security events, shared by the session service and the roster
// handlers, so the audit journal subscribes in one place.
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { SecurityEvent } from './events';

/** A SecurityEvent before the emitter stamps it with the time and the workstation. */
export type SecurityEventInput = SecurityEvent extends infer E ? (E extends SecurityEvent ? Omit<E, 'at' | 'workstationId'> : never) : never;

export interface SecurityEvents {
  emit(event: SecurityEventInput): void;
  subscribe(listener: (event: SecurityEvent) => void): () => void;
}

export function createSecurityEvents(deps: { clock: Clock; workstationId: string; logger: Logger }): SecurityEvents {
  const listeners = new Set<(event: SecurityEvent) => void>();
  return {
    emit(input) {
      const event = { ...input, at: deps.clock.now(), workstationId: deps.workstationId } as SecurityEvent;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          deps.logger.error('security event listener failed', { event: event.type, error });
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
