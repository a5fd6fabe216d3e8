// The operator session on this workstation: the main process owns it, the renderer only shows it.
//
//   notice ──acknowledge(current version)──▶ credentials ──password──▶ second-factor ──badge+PIN──▶ active
//     ▲                                          ▲   (2 min, or any lock: back to credentials)        │  ▲
//     │                                          └────────────────────────────────────────────────────┘  │
//     └──────────── logout (from any phase, also the lock screen) ◀── locked ◀──lock── active ──unlock──┘
//
// - Refusals are AppErrors with the codes of refusals.ts; the checks behind them are in logon.ts.
// - Locks: idle (idle.ts), OS screen lock, suspend, shortcut, the Lock button (lock(reason)) and the
//   12-hour re-authentication (L5). A 'reauth-due' lock is not lifted by badge and PIN: the operator signs
//   off and signs on again in full (password, badge and PIN) — REAUTH_REQUIRED says so.
// - Unlock with the same operator's badge and PIN resumes the same session. Another operator's valid badge
//   and PIN (with every logon check) ends the first session (onSessionEnded: its results are discarded,
//   never shown) and starts theirs. The workstation's acknowledgement of the system use notice stays valid
//   for them: the notice stood before this workstation's logon and nobody signed off in between.
// - L6: the link to the switch is stopped after 1 hour of inactivity (locked, or idle under the dispatch
//   exemption) and started again when a session becomes active.
// - Session IDs: 128 random bits, in the main process only, zeroed when the session ends (L9). (A copy
//   handed to another service as a hex string cannot be wiped; it never reaches the renderer or disk.)
// - Time is the injected clock. Calls run one at a time; a lock that lands while a check is in flight
//   wins, and the check is refused with WRONG_STEP (it may be retried).
import { randomBytes } from 'node:crypto';
import type { LockReason, SessionState } from '../../../shared/contract/session-schemas';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import type { ClipboardGuard } from '../clipboard/guard';
import type { Clock, TimerHandle } from '../clock';
import { AppError } from '../errors';
import type { SessionGate } from '../ipc/access';
import type { Logger } from '../log';
import type { IdleSource } from '../platform';
import type { SettingsService } from '../settings/service';
import type { Operator, Roster } from '../store/roster';
import type { SessionStore } from '../store/sessions';
import { recordOrRefuse, type SessionAudit, type SessionAuditEvent } from './audit';
import { AGENCY_TIME_ZONE } from './eligibility';
import type { CurrentSession, SecurityEvent, SessionEnded, SessionEndReason } from './events';
import { createIdleWatch } from './idle';
import { createLockoutCounter } from './lockout';
import { createLogonChecks } from './logon';
import { SESSION_POLICY } from './policy';
import { refusals } from './refusals';
import { createSessionRegistry, type LostReason } from './registry';
import { createSecurityEvents, type SecurityEvents } from './security-events';
import { toSessionState, toSessionView, type LiveSession, type Notice, type Phase } from './view';

export type { Notice } from './view';

/** What the session needs of the CLETS link (L6). */
export interface SessionLink {
  start(): void;
  stop(): Promise<void>;
}

export interface SessionServiceDeps {
  roster: Roster;
  sessions: SessionStore;
  settings: Pick<SettingsService, 'current' | 'onChange'>;
  clipboard: Pick<ClipboardGuard, 'clearNow'>;
  link: SessionLink;
  idle: IdleSource;
  clock: Clock;
  workstationId: string;
  logger: Logger;
  /**
   * The audit trail (audit.ts): logon, unlock and logoff are recorded before they happen; a logon or unlock
   * whose record cannot be written is refused. A lock always happens; its failed record is reported.
   */
  audit: SessionAudit;
  /** Shared with the roster handlers; created here when not given. */
  securityEvents?: SecurityEvents;
  /** Default: the system use notification of shared/policy/notice.ts. */
  notice?: Notice;
  /** Time zone of the agency's calendar (certification dates). Default America/Los_Angeles. */
  timeZone?: string;
}

export interface SessionService extends SessionGate {
  state(): SessionState;
  /** Every transition, with the state as the renderer may see it. */
  onChange(listener: (state: SessionState) => void): () => void;
  /** A session ended: services holding its data discard it. */
  onSessionEnded(listener: (ended: SessionEnded) => void): () => void;
  /** Logons, failures, locks, roster changes: for the audit journal. */
  onSecurityEvent(listener: (event: SecurityEvent) => void): () => void;
  /** The signed-on session (active or locked), or null. */
  current(): (CurrentSession & { locked: boolean }) | null;

  /** Locks now (OS lock, suspend, shortcut, Lock button). Harmless when not active. */
  lock(reason: LockReason): void;
  acknowledgeNotice(noticeVersion: string): Promise<SessionState>;
  submitPassword(operatorId: string, password: string): Promise<SessionState>;
  submitBadge(badge: string, pin: string): Promise<SessionState>;
  /** The renderer saw input. */
  activity(): { idleLockAt: number | null };
  unlock(badge: string, pin: string): Promise<SessionState>;
  logout(): Promise<SessionState>;
  /** Ends the session (its store row removed) and stops every timer. */
  close(): Promise<void>;
  /** Resolves when background work (heartbeats, row removals) has finished. For close and tests. */
  settle(): Promise<void>;
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { roster, sessions, settings, clock, link, logger, workstationId } = deps;
  const notice = deps.notice ?? SYSTEM_USE_NOTICE;
  const security = deps.securityEvents ?? createSecurityEvents({ clock, workstationId, logger });
  const { audit } = deps;

  /** Refused and failed logons of the call in progress, recorded before its refusal is returned. */
  const refusedLogons: SessionAuditEvent[] = [];
  const unsubscribeRefusals = security.subscribe((event) => {
    if (event.type !== 'logon-failed' && event.type !== 'logon-refused') return;
    refusedLogons.push({
      type: event.step === 'unlock' ? 'session.unlock' : 'logon.failure',
      operator: event.operatorId,
      outcome: event.type === 'logon-failed' ? 'failure' : 'refused',
      reason: event.type === 'logon-failed' ? 'LOGON_REFUSED' : event.code,
    });
  });
  async function recordRefusedLogons(): Promise<void> {
    for (const event of refusedLogons.splice(0)) {
      // The logon was refused anyway: a record that cannot be written is reported, not thrown.
      await audit.record(event).catch((error: unknown) => logger.error('a refused logon could not be recorded in the audit trail', { error }));
    }
  }

  const changeListeners = new Set<(state: SessionState) => void>();
  const endedListeners = new Set<(ended: SessionEnded) => void>();
  const background = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const settled = work.catch(() => undefined).finally(() => background.delete(settled));
    background.add(settled);
  };

  let phase: Phase = { name: 'notice' };
  /** Bumped on every change of phase: a check that awaited something verifies nothing moved meanwhile. */
  let epoch = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  let secondFactorTimer: TimerHandle | null = null;
  let reauthTimer: TimerHandle | null = null;
  /** True while the link is stopped by L6; it starts again when a session becomes active. */
  let networkDropped = false;

  const registry = createSessionRegistry({
    sessions,
    roster,
    clock,
    workstationId,
    heartbeatMs: SESSION_POLICY.heartbeatMs,
    staleAfterMs: SESSION_POLICY.staleAfterMs,
    logger,
    track,
  });
  const lockout = createLockoutCounter({ sessions, settings, security, workstationId, logger });
  const checks = createLogonChecks({ roster, sessions, registry, lockout, security, clock, timeZone: deps.timeZone ?? AGENCY_TIME_ZONE });

  const idleTimeoutMs = (): number | null => {
    const current = settings.current();
    return current.dispatchIdleExemption.enabled ? null : current.idleTimeoutMinutes * 60_000;
  };

  const idleWatch = createIdleWatch({
    clock,
    idle: deps.idle,
    networkIdleMs: SESSION_POLICY.networkIdleMs,
    onIdle: () => lock('idle'),
    onNetworkIdle: dropNetwork,
  });

  const state = () => toSessionState(phase, { notice, workstationId, idleTimeoutMs: idleTimeoutMs() });
  const signedOnSession = (): LiveSession | null => (phase.name === 'active' || phase.name === 'locked' ? phase.session : null);
  const isCurrent = (session: LiveSession) => signedOnSession() === session;
  const sessionIdOf = (session: LiveSession) => session.id.toString('hex');

  function notify<T>(listeners: Set<(value: T) => void>, value: T, what: string): void {
    for (const listener of [...listeners]) {
      try {
        listener(value);
      } catch (error) {
        logger.error(`${what} listener failed`, { error });
      }
    }
  }

  function setPhase(next: Phase): void {
    phase = next;
    epoch += 1;
    notify(changeListeners, state(), 'session state');
  }

  // --- side effects ----------------------------------------------------------------------

  function clearClipboard(): void {
    try {
      void deps.clipboard.clearNow();
    } catch (error) {
      logger.error('the clipboard could not be cleared', { error });
    }
  }

  function dropNetwork(): void {
    if (networkDropped) return;
    networkDropped = true;
    logger.info('no activity for an hour: the link to the switch is dropped (L6)');
    security.emit({ type: 'network-dropped', operatorId: signedOnSession()?.operator.id ?? null });
    track(link.stop().catch((error: unknown) => logger.error('the link did not stop cleanly', { error })));
  }

  function restoreNetwork(operatorId: string): void {
    if (!networkDropped) return;
    networkDropped = false;
    logger.info('activity again: the link to the switch is started');
    security.emit({ type: 'network-restored', operatorId });
    link.start();
  }

  function cancelSecondFactor(): void {
    if (secondFactorTimer) clock.clearTimeout(secondFactorTimer);
    secondFactorTimer = null;
  }

  // --- transitions -----------------------------------------------------------------------

  function startSession(operator: Operator, claimId: string, via: 'logon' | 'unlock'): void {
    const now = clock.now();
    const session: LiveSession = {
      id: randomBytes(SESSION_POLICY.sessionIdBytes),
      claimId,
      operator: { id: operator.operatorId, name: operator.name, roles: [...operator.roles] },
      signedOnAt: now,
      reauthDueAt: now + SESSION_POLICY.reauthAfterMs,
    };
    reauthTimer = clock.setTimeout(() => reauthDue(session), SESSION_POLICY.reauthAfterMs);
    registry.keepAlive(operator.operatorId, claimId, (reason) => lost(session, reason));
    idleWatch.activate(idleTimeoutMs());
    restoreNetwork(operator.operatorId);
    setPhase({ name: 'active', session });
    logger.info('operator signed on', { operatorId: operator.operatorId, via });
    security.emit({ type: 'signed-on', operatorId: operator.operatorId, sessionId: sessionIdOf(session), via });
  }

  function resumeSession(session: LiveSession, operator: Operator): void {
    // Roles changed by a CRSO while locked apply from now.
    session.operator = { id: operator.operatorId, name: operator.name, roles: [...operator.roles] };
    idleWatch.activate(idleTimeoutMs());
    restoreNetwork(operator.operatorId);
    setPhase({ name: 'active', session });
    logger.info('workstation unlocked', { operatorId: operator.operatorId });
    security.emit({ type: 'unlocked', operatorId: operator.operatorId, sessionId: sessionIdOf(session) });
  }

  /** Ends the signed-on session: timers, clipboard, listeners, store row. Leaves the phase to the caller. */
  function finishSession(reason: SessionEndReason, recorded = false): Promise<void> {
    const session = signedOnSession();
    if (!session) return Promise.resolve();
    if (!recorded) {
      // Not refusable (the session ends whatever happens): recorded first, a failure reported.
      track(
        audit
          .record({ type: 'logoff', operator: session.operator.id, outcome: 'success', reason })
          .catch((error: unknown) => logger.error('the end of a session could not be recorded in the audit trail', { error, reason })),
      );
    }
    if (reauthTimer) clock.clearTimeout(reauthTimer);
    reauthTimer = null;
    registry.stopKeepAlive();
    idleWatch.stop();
    clearClipboard();
    const ended: SessionEnded = { sessionId: sessionIdOf(session), operatorId: session.operator.id, reason, at: clock.now() };
    session.id.fill(0);
    const release = registry
      .release(session.operator.id, session.claimId)
      .catch((error: unknown) => logger.error('the session row could not be removed; it goes stale in 2 minutes', { error }));
    track(release);
    logger.info('session ended', { operatorId: ended.operatorId, reason });
    security.emit({ type: 'signed-off', operatorId: ended.operatorId, sessionId: ended.sessionId, reason });
    notify(endedListeners, ended, 'session-ended');
    return release;
  }

  function lock(reason: LockReason): void {
    if (closed) return;
    if (phase.name === 'second-factor') {
      // A half-finished logon does not survive a lock: it starts again from the password.
      cancelSecondFactor();
      setPhase({ name: 'credentials' });
      return;
    }
    if (phase.name !== 'active') return;
    const { session } = phase;
    // A lock always happens (it protects the screen): recorded first, and a failed record only reported.
    track(
      audit
        .record({ type: 'session.lock', operator: session.operator.id, outcome: 'success', reason })
        .catch((error: unknown) => logger.error('the lock could not be recorded in the audit trail; the workstation is locked anyway', { error })),
    );
    clearClipboard();
    idleWatch.locked();
    setPhase({ name: 'locked', session, reason, since: clock.now() });
    logger.info('workstation locked', { operatorId: session.operator.id, reason });
    security.emit({ type: 'locked', operatorId: session.operator.id, sessionId: sessionIdOf(session), reason });
  }

  function reauthDue(session: LiveSession): void {
    reauthTimer = null;
    if (!isCurrent(session)) return;
    if (phase.name === 'active') return lock('reauth-due');
    if (phase.name === 'locked' && phase.reason !== 'reauth-due') {
      // Already locked: the lock screen now says a full sign-on is due. Same lock, same since.
      phase = { ...phase, reason: 'reauth-due' };
      notify(changeListeners, state(), 'session state');
    }
  }

  function lost(session: LiveSession, reason: LostReason): void {
    if (!isCurrent(session) || closed) return;
    logger.warn(reason === 'disabled' ? 'the operator was disabled: session ended' : 'the session was taken over elsewhere: session ended', {
      operatorId: session.operator.id,
    });
    void finishSession(reason);
    setPhase({ name: 'notice' });
  }

  /** Runs calls one at a time, in order. */
  function serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = queue.then(async () => {
      if (closed) throw new AppError('SESSION_CLOSED', 'The application is closing.');
      try {
        return await fn();
      } finally {
        await recordRefusedLogons();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  }

  async function settle(): Promise<void> {
    while (background.size > 0) await Promise.all([...background]);
  }

  const unsubscribeSettings = settings.onChange(() => {
    if (phase.name !== 'active' && phase.name !== 'locked') return;
    idleWatch.setIdleTimeout(idleTimeoutMs());
    if (phase.name === 'active') notify(changeListeners, state(), 'session state');
  });

  // --- the service -----------------------------------------------------------------------

  return {
    view: () => toSessionView(phase),
    state,
    lock,
    settle,

    onChange(listener) {
      changeListeners.add(listener);
      return () => void changeListeners.delete(listener);
    },

    onSessionEnded(listener) {
      endedListeners.add(listener);
      return () => void endedListeners.delete(listener);
    },

    onSecurityEvent: (listener) => security.subscribe(listener),

    current() {
      const session = signedOnSession();
      if (!session) return null;
      const { operator, signedOnAt } = session;
      return { sessionId: sessionIdOf(session), operatorId: operator.id, roles: [...operator.roles], signedOnAt, locked: phase.name === 'locked' };
    },

    acknowledgeNotice(noticeVersion) {
      return serial(async () => {
        if (phase.name === 'active' || phase.name === 'locked') throw refusals.wrongStep('Acknowledging the notice');
        if (noticeVersion !== notice.version) throw refusals.noticeChanged();
        if (phase.name === 'notice') {
          setPhase({ name: 'credentials' });
          security.emit({ type: 'notice-acknowledged', noticeVersion });
        }
        return state();
      });
    },

    submitPassword(operatorId, password) {
      return serial(async () => {
        if (phase.name === 'notice') throw refusals.noticeRequired();
        if (phase.name === 'active' || phase.name === 'locked') throw refusals.wrongStep('Signing on');
        if (phase.name === 'second-factor') {
          // A new password starts the logon over.
          cancelSecondFactor();
          setPhase({ name: 'credentials' });
        }
        const mark = epoch;
        const operator = await checks.password(operatorId, password);
        if (epoch !== mark) throw refusals.stateChanged();
        secondFactorTimer = clock.setTimeout(() => {
          secondFactorTimer = null;
          if (phase.name === 'second-factor') setPhase({ name: 'credentials' });
        }, SESSION_POLICY.secondFactorTimeoutMs);
        setPhase({ name: 'second-factor', operatorId: operator.operatorId });
        return state();
      });
    },

    submitBadge(badge, pin) {
      return serial(async () => {
        if (phase.name === 'notice') throw refusals.noticeRequired();
        if (phase.name !== 'second-factor') throw refusals.wrongStep('A badge and PIN');
        const { operatorId } = phase;
        const mark = epoch;
        const operator = await checks.secondFactor(operatorId, badge, pin).catch((error: unknown) => {
          // A wrong badge or PIN may be tried again; an account refusal starts the logon over.
          if (error instanceof AppError && error.code !== 'LOGON_REFUSED' && epoch === mark) {
            cancelSecondFactor();
            setPhase({ name: 'credentials' });
          }
          throw error;
        });
        const claimId = await checks.claim(operatorId, 'second-factor').catch((error: unknown) => {
          if (epoch === mark) {
            cancelSecondFactor();
            setPhase({ name: 'credentials' });
          }
          throw error;
        });
        try {
          await recordOrRefuse(audit, { type: 'logon.success', operator: operatorId, outcome: 'success' });
        } catch (error) {
          await registry.release(operatorId, claimId).catch((e: unknown) => logger.error('the session row could not be removed', { error: e }));
          if (epoch === mark) {
            cancelSecondFactor();
            setPhase({ name: 'credentials' });
          }
          throw error;
        }
        await sessions.clearFailures(operatorId);
        await roster.recordLogon(operatorId);
        if (epoch !== mark) {
          await registry.release(operatorId, claimId);
          throw refusals.stateChanged();
        }
        cancelSecondFactor();
        startSession(operator, claimId, 'logon');
        return state();
      });
    },

    activity() {
      if (phase.name !== 'active') throw refusals.wrongStep('Activity');
      const { session } = phase;
      if (clock.now() >= session.reauthDueAt) {
        lock('reauth-due');
        return { idleLockAt: null };
      }
      idleWatch.activity();
      restoreNetwork(session.operator.id);
      return { idleLockAt: idleWatch.idleLockAt() };
    },

    unlock(badge, pin) {
      return serial(async () => {
        if (phase.name !== 'locked') throw refusals.wrongStep('Unlocking');
        const { session } = phase;
        const mark = epoch;
        const unlocker = await checks.unlocker(badge, pin, session.operator.id);
        const operator = await checks.eligible(unlocker.operatorId, 'unlock', false);

        if (operator.operatorId === session.operator.id) {
          if (clock.now() >= session.reauthDueAt) {
            security.emit({ type: 'logon-refused', step: 'unlock', operatorId: operator.operatorId, code: 'REAUTH_REQUIRED' });
            throw refusals.reauthRequired();
          }
          if (epoch !== mark || !isCurrent(session)) throw refusals.stateChanged();
          await recordOrRefuse(audit, { type: 'session.unlock', operator: operator.operatorId, outcome: 'success' });
          await sessions.clearFailures(operator.operatorId);
          if (epoch !== mark || !isCurrent(session)) throw refusals.stateChanged();
          resumeSession(session, operator);
          return state();
        }

        // Another operator: their own session slot, then the first session ends and theirs starts.
        const claimId = await checks.claim(operator.operatorId, 'unlock');
        try {
          await recordOrRefuse(audit, { type: 'logon.success', operator: operator.operatorId, outcome: 'success', reason: 'unlock' });
        } catch (error) {
          await registry.release(operator.operatorId, claimId).catch((e: unknown) => logger.error('the session row could not be removed', { error: e }));
          throw error;
        }
        await sessions.clearFailures(operator.operatorId);
        await roster.recordLogon(operator.operatorId);
        if (epoch !== mark || !isCurrent(session)) {
          await registry.release(operator.operatorId, claimId);
          throw refusals.stateChanged();
        }
        void finishSession('replaced');
        startSession(operator, claimId, 'unlock');
        return state();
      });
    },

    logout() {
      return serial(async () => {
        cancelSecondFactor();
        const signedOn = signedOnSession();
        if (signedOn) {
          // Recorded before the session ends. Signing off is never refused (it protects the data on screen, like
          // a lock): a record that cannot be written is reported.
          await audit
            .record({ type: 'logoff', operator: signedOn.operator.id, outcome: 'success', reason: 'logout' })
            .catch((error: unknown) => logger.error('the sign-off could not be recorded in the audit trail; signed off anyway', { error }));
        }
        const release = finishSession('logout', signedOn !== null);
        if (phase.name !== 'notice') setPhase({ name: 'notice' });
        await release;
        return state();
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      await queue;
      cancelSecondFactor();
      unsubscribeSettings();
      unsubscribeRefusals();
      const release = finishSession('closed');
      if (phase.name !== 'notice') setPhase({ name: 'notice' });
      await release;
      await settle();
    },
  };
}
