// Inactivity, measured on the injected clock from two sources: the renderer's activity reports
// (session.activity) and the OS-wide idle time (IdleSource). Two timers:
//   - the idle lock (L3): fires `timeoutMs` after the last activity. Before it locks it asks the OS: if
//     there was input anywhere on the machine since the renderer's last report (the operator was typing
//     in the dispatch system beside us), the last activity moves up to that moment and the timer re-arms;
//   - the network idle (L6): fires 1 hour after the last activity while the session is locked, or while
//     it is active under the dispatch exemption (no idle lock). Under the exemption the OS is asked first,
//     as above; while locked it is not (input in another program is not activity in this session).
import type { Clock, TimerHandle } from '../clock';
import type { IdleSource } from '../platform';

export interface IdleWatch {
  /** The session became active (logon or unlock): activity now, timers armed for the timeout in force. */
  activate(idleTimeoutMs: number | null): void;
  /** The renderer saw input. */
  activity(): void;
  /** The idle timeout changed (settings). */
  setIdleTimeout(idleTimeoutMs: number | null): void;
  /** The session locked: no idle lock; the network timer runs from the last activity. */
  locked(): void;
  /** Signed off: no timers. */
  stop(): void;
  /** When the idle lock will fire if nothing happens, or null (exempt, or not active). */
  idleLockAt(): number | null;
  lastActivityAt(): number;
}

export interface IdleWatchDeps {
  clock: Clock;
  idle: IdleSource;
  networkIdleMs: number;
  onIdle(): void;
  onNetworkIdle(): void;
}

export function createIdleWatch(deps: IdleWatchDeps): IdleWatch {
  const { clock, idle, networkIdleMs } = deps;
  let mode: 'off' | 'active' | 'locked' = 'off';
  let timeoutMs: number | null = null;
  let last = clock.now();
  let idleTimer: TimerHandle | null = null;
  let networkTimer: TimerHandle | null = null;

  const cancel = (timer: TimerHandle | null) => {
    if (timer) clock.clearTimeout(timer);
    return null;
  };

  /** Moves the last activity up to the OS's last input, if that is later. */
  function consultOs(): void {
    let systemIdle: number | null = null;
    try {
      systemIdle = idle.systemIdleMs();
    } catch {
      systemIdle = null;
    }
    if (systemIdle === null || !Number.isFinite(systemIdle) || systemIdle < 0) return;
    last = Math.max(last, clock.now() - systemIdle);
  }

  function arm(): void {
    idleTimer = cancel(idleTimer);
    networkTimer = cancel(networkTimer);
    const now = clock.now();
    if (mode === 'active' && timeoutMs !== null) {
      idleTimer = clock.setTimeout(onIdleDue, Math.max(0, last + timeoutMs - now));
    }
    if (mode === 'locked' || (mode === 'active' && timeoutMs === null)) {
      networkTimer = clock.setTimeout(onNetworkDue, Math.max(0, last + networkIdleMs - now));
    }
  }

  function onIdleDue(): void {
    idleTimer = null;
    if (mode !== 'active' || timeoutMs === null) return;
    consultOs();
    if (clock.now() - last < timeoutMs) return arm();
    deps.onIdle();
  }

  function onNetworkDue(): void {
    networkTimer = null;
    if (mode === 'off') return;
    if (mode === 'active') {
      consultOs();
      if (clock.now() - last < networkIdleMs) return arm();
    }
    deps.onNetworkIdle();
  }

  return {
    activate(idleTimeoutMs) {
      mode = 'active';
      timeoutMs = idleTimeoutMs;
      last = clock.now();
      arm();
    },
    activity() {
      if (mode !== 'active') return;
      last = clock.now();
      arm();
    },
    setIdleTimeout(idleTimeoutMs) {
      timeoutMs = idleTimeoutMs;
      if (mode !== 'off') arm();
    },
    locked() {
      mode = 'locked';
      arm();
    },
    stop() {
      mode = 'off';
      idleTimer = cancel(idleTimer);
      networkTimer = cancel(networkTimer);
    },
    idleLockAt: () => (mode === 'active' && timeoutMs !== null ? last + timeoutMs : null),
    lastActivityAt: () => last,
  };
}
