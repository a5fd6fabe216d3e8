// Session slice: where the operator is in logon, the active session, or the lock — exactly as the
// main process says (session.state replies and events). The main process decides everything; this
// slice only shows it, and makes sure that whenever the session is not active (or its operator
// changes) every sensitive slice is cleared in the same update that changes the phase.
import type { StateCreator } from 'zustand/vanilla';
import type { ErrorInfo, Result } from '../../../shared/contract/result';
import type { LockReason, SessionState } from '../../../shared/contract/session-schemas';
import type { StoreApi } from './api';
import type { SensitiveRegistry, SensitiveSlice } from './sensitive';
import { checkBadge, checkOperatorId, checkPassword, checkPin, type Check } from './validate';

export type LogonStep = 'notice' | 'credentials' | 'second-factor' | 'unlock' | 'session';
export type LogonField = 'operatorId' | 'password' | 'badge' | 'pin';

export interface StepError {
  step: LogonStep;
  /** Where the cursor goes: the field the refusal is about (null: none in particular). */
  field: LogonField | null;
  code: string;
  message: string;
  /** Changes at every refusal, so the same message twice still moves the focus again. */
  seq: number;
}

export interface SessionData {
  /** Null until the first read answers. */
  state: SessionState | null;
  loadError: ErrorInfo | null;
  /** A session call is in flight: forms do not send a second one. */
  pending: boolean;
  error: StepError | null;
  /** The operator of the current or last locked session (the lock screen shows this ID only). */
  operatorId: string | null;
  /** Idle timeout of the last active session, so the lock screen can say "after 10 minutes". */
  idleTimeoutMs: number | null;
  /** The operator asked to lock: the screen is already blank while the main process answers. */
  locking: boolean;
}

export interface SessionSlice {
  session: SessionData;
  loadSession(): Promise<void>;
  /** Applies a state from a reply or an event; ignores anything that is not a session state. */
  applySessionState(next: unknown): void;
  acknowledgeNotice(): Promise<void>;
  submitPassword(operatorId: string, password: string): Promise<void>;
  submitBadge(badge: string, pin: string): Promise<void>;
  unlock(badge: string, pin: string): Promise<void>;
  /** Lock now; `shortcut` when Ctrl+L asked for it (the lock screen says so). */
  lock(via?: 'shortcut' | 'operator'): Promise<void>;
  logout(): Promise<void>;
  /** Esc on a form: the refusal shown there goes with the cleared fields. */
  dismissSessionError(): void;
}

/** The slices the session slice reaches into when the operator changes. */
interface Needs extends SessionSlice, SensitiveSlice {
  nav: { view: string };
}

const PHASES = ['notice', 'credentials', 'second-factor', 'active', 'locked'];
const LOCK_REASON_SET: readonly string[] = ['idle', 'os-lock', 'suspend', 'shortcut', 'operator', 'reauth-due'] satisfies readonly LockReason[];

/** The main process validates every payload; this keeps a malformed one from reaching render. */
export function isSessionState(value: unknown): value is SessionState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v.phase !== 'string' || !PHASES.includes(v.phase)) return false;
  switch (v.phase) {
    case 'notice': {
      const n = v.notice as Record<string, unknown> | null | undefined;
      return typeof n === 'object' && n !== null && typeof n.version === 'string' && typeof n.title === 'string' && Array.isArray(n.paragraphs) && n.paragraphs.every((p) => typeof p === 'string');
    }
    case 'credentials':
      return true;
    case 'second-factor':
      return typeof v.operatorId === 'string';
    case 'locked':
      return typeof v.operatorId === 'string' && typeof v.reason === 'string' && LOCK_REASON_SET.includes(v.reason) && typeof v.since === 'string';
    case 'active': {
      const op = v.operator as Record<string, unknown> | null | undefined;
      const wm = v.watermark as Record<string, unknown> | null | undefined;
      return (
        typeof op === 'object' && op !== null && typeof op.id === 'string' && typeof op.name === 'string' && Array.isArray(op.roles) &&
        typeof wm === 'object' && wm !== null && typeof wm.operatorId === 'string' && typeof wm.workstationId === 'string' &&
        typeof v.signedOnAt === 'string' && typeof v.reauthDueAt === 'string' && (v.idleTimeoutMs === null || typeof v.idleTimeoutMs === 'number')
      );
    }
    default:
      return false;
  }
}

/** The operator a state belongs to, if any. */
export function operatorOf(state: SessionState | null): string | null {
  if (state === null) return null;
  if (state.phase === 'active') return state.operator.id;
  if (state.phase === 'locked' || state.phase === 'second-factor') return state.operatorId;
  return null;
}

/** Which form a phase shows. */
export function stepOf(state: SessionState | null): LogonStep {
  switch (state?.phase) {
    case 'notice':
      return 'notice';
    case 'credentials':
      return 'credentials';
    case 'second-factor':
      return 'second-factor';
    case 'locked':
      return 'unlock';
    default:
      return 'session';
  }
}

const FIRST_FIELD: Record<LogonStep, LogonField | null> = {
  notice: null,
  credentials: 'operatorId',
  'second-factor': 'badge',
  unlock: 'badge',
  session: null,
};

const FIELD_NAMES: Record<string, LogonField> = { operatorId: 'operatorId', password: 'password', badge: 'badge', pin: 'pin' };

/** Refusals about the account rather than the secret just typed (electron/services/session/refusals.ts). */
const ACCOUNT_REFUSALS: readonly string[] = [
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'STATEMENT_MISSING',
  'CERTIFICATION_LAPSED',
  'ALREADY_SIGNED_ON',
  'SECOND_FACTOR_MISSING',
  'REAUTH_REQUIRED',
];

/**
 * The field a refusal is about. A request the router could not parse names its field; an account
 * that may not sign on (locked, disabled, lapsed…) is about who is signing on — the operator ID, or at
 * the badge step the badge; a wrong secret is about the secret (the password, or the PIN: a badge
 * reader does not mistype, and the main process does not say which of badge and PIN was wrong).
 */
export function fieldForRefusal(step: LogonStep, error: ErrorInfo): LogonField | null {
  const named = /\((operatorId|password|badge|pin)\)/.exec(error.message)?.[1];
  if (error.code === 'BAD_REQUEST' && named !== undefined) return FIELD_NAMES[named] ?? null;
  if (step === 'credentials') return ACCOUNT_REFUSALS.includes(error.code) ? 'operatorId' : 'password';
  if (step === 'second-factor' || step === 'unlock') return ACCOUNT_REFUSALS.includes(error.code) ? 'badge' : 'pin';
  return null;
}

const EMPTY: SessionData = { state: null, loadError: null, pending: false, error: null, operatorId: null, idleTimeoutMs: null, locking: false };

export function createSessionSlice(api: StoreApi, registry: SensitiveRegistry): StateCreator<Needs, [], [], SessionSlice> {
  return (set, get) => {
    let errorSeq = 0;

    function patch(p: Partial<SessionData>): void {
      set({ session: { ...get().session, ...p } });
    }

    function refuse(step: LogonStep, field: LogonField | null, error: ErrorInfo): void {
      errorSeq += 1;
      patch({ error: { step, field, code: error.code, message: error.message, seq: errorSeq } });
    }

    /** Runs one session call: nothing while another is in flight; a refusal lands on the form in view. */
    async function call(step: LogonStep, run: () => Promise<Result<unknown>>): Promise<void> {
      if (get().session.pending) return;
      patch({ pending: true });
      let result: Result<unknown>;
      try {
        result = await run();
      } finally {
        patch({ pending: false });
      }
      if (result.ok) {
        get().applySessionState(result.value);
        return;
      }
      // The refusal may have moved the session (a locked account, an expired step): read where it is
      // now and put the message on the form the operator sees.
      const field = fieldForRefusal(step, result.error);
      await get().loadSession();
      const now = stepOf(get().session.state);
      refuse(now, now === step ? field : FIRST_FIELD[now], result.error);
    }

    function invalid(step: LogonStep, field: LogonField, check: Check): boolean {
      if (check.ok) return false;
      refuse(step, field, { code: 'INVALID_INPUT', message: check.message });
      return true;
    }

    return {
      session: EMPTY,

      async loadSession() {
        const result = await api.sessionState();
        if (result.ok) get().applySessionState(result.value);
        else if (get().session.state === null) patch({ loadError: result.error });
      },

      applySessionState(next) {
        if (!isSessionState(next)) return;
        const current = get().session;
        const prev = current.state;
        const prevOperator = current.operatorId;
        const nextOperator = operatorOf(next);
        const phaseChanged = prev?.phase !== next.phase;
        const base: SessionData = {
          ...current,
          state: next,
          loadError: null,
          error: phaseChanged ? null : current.error,
          operatorId: next.phase === 'active' || next.phase === 'locked' ? nextOperator : null,
          idleTimeoutMs: next.phase === 'active' ? next.idleTimeoutMs : next.phase === 'locked' ? current.idleTimeoutMs : null,
          locking: phaseChanged ? false : current.locking,
        };

        // Still active, same operator: a refresh (new idle timeout, re-authentication time).
        if (prev?.phase === 'active' && next.phase === 'active' && prev.operator.id === next.operator.id) {
          set({ session: base });
          return;
        }

        // Any other change: the data of whatever was on screen goes, in this same update.
        const sameOperator = prevOperator !== null && prevOperator === nextOperator;
        registry.bumpEpoch();
        for (const entry of registry.entries()) entry.onClear?.();
        set({
          ...(registry.initialState() as Partial<Needs>),
          session: base,
          ...(sameOperator ? {} : { nav: { view: 'home' } }),
        });

        // The same operator back from the lock: fetch again what the current screen shows.
        // A new operator starts on the home screen, which loads what it needs itself.
        if (next.phase === 'active') get().reloadSensitiveState();
      },

      async acknowledgeNotice() {
        const state = get().session.state;
        if (state?.phase !== 'notice') return;
        await call('notice', () => api.acknowledgeNotice({ noticeVersion: state.notice.version }));
      },

      async submitPassword(operatorId, password) {
        const id = checkOperatorId(operatorId);
        if (invalid('credentials', 'operatorId', id)) return;
        const pw = checkPassword(password);
        if (invalid('credentials', 'password', pw)) return;
        await call('credentials', () => api.submitPassword({ operatorId: (id as { value: string }).value, password: (pw as { value: string }).value }));
      },

      async submitBadge(badge, pin) {
        const b = checkBadge(badge);
        if (invalid('second-factor', 'badge', b)) return;
        const p = checkPin(pin);
        if (invalid('second-factor', 'pin', p)) return;
        await call('second-factor', () => api.submitBadge({ badge: (b as { value: string }).value, pin: (p as { value: string }).value }));
      },

      async unlock(badge, pin) {
        const b = checkBadge(badge);
        if (invalid('unlock', 'badge', b)) return;
        const p = checkPin(pin);
        if (invalid('unlock', 'pin', p)) return;
        await call('unlock', () => api.unlock({ badge: (b as { value: string }).value, pin: (p as { value: string }).value }));
      },

      async lock(via = 'operator') {
        if (get().session.state?.phase !== 'active' || get().session.locking) return;
        // Blank the screen and drop the data at once; the main process's answer only confirms it.
        get().clearSensitiveState();
        patch({ locking: true });
        const result = await api.lock({ reason: via });
        if (result.ok) {
          get().applySessionState(result.value);
          if (get().session.locking) {
            patch({ locking: false });
            get().reloadSensitiveState();
          }
          return;
        }
        patch({ locking: false });
        await get().loadSession();
        refuse(stepOf(get().session.state), null, result.error);
        if (get().session.state?.phase === 'active') get().reloadSensitiveState();
      },

      dismissSessionError() {
        if (get().session.error !== null) patch({ error: null });
      },

      async logout() {
        const result = await api.logout();
        if (result.ok) get().applySessionState(result.value);
        else {
          await get().loadSession();
          refuse(stepOf(get().session.state), null, result.error);
        }
      },
    };
  };
}
