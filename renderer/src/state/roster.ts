// Roster slice (CRSO): the operators with their dates and lock state. Names and account states are
// personal data, so this is a sensitive slice. Every change goes to the main process, which checks
// the role again and records it; the list shows the main process's answer, never a local guess.
import type { StateCreator } from 'zustand/vanilla';
import type { RequestOf } from '../../../shared/contract/channels';
import type { ErrorInfo, Result } from '../../../shared/contract/result';
import type { RosterEntry } from '../../../shared/contract/session-schemas';
import type { StoreApi } from './api';
import { sensitive, type SensitiveRegistry } from './sensitive';
import { checkBadge, checkNote, checkOperatorId, checkPassword, checkPin } from './validate';

export type NewOperatorInput = RequestOf<'roster.create'>;

export interface RosterOutcome {
  ok: boolean;
  message: string;
  /** The form field a refusal is about, if the renderer can tell. */
  field: string | null;
  seq: number;
}

export interface RosterData {
  /** Null until loaded. */
  entries: readonly RosterEntry[] | null;
  loading: boolean;
  loadError: ErrorInfo | null;
  /** The last change's outcome, for the status line or the alert. */
  outcome: RosterOutcome | null;
}

export interface RosterSlice {
  roster: RosterData;
  loadRoster(): Promise<void>;
  createOperator(input: NewOperatorInput): Promise<boolean>;
  disableOperator(operatorId: string, reason: string): Promise<boolean>;
  setOperatorDates(operatorId: string, statementSignedOn: string | null, certifiedUntil: string | null): Promise<boolean>;
  releaseOperatorLock(operatorId: string, note: string): Promise<boolean>;
}

interface Needs extends RosterSlice {
  nav: { view: string };
}

/** The add-operator field each roster refusal is about (electron/services/session/roster-handlers.ts). */
const ROSTER_ERROR_FIELDS: Record<string, string> = {
  OPERATOR_ID_USED: 'operatorId',
  PASSWORD_REJECTED: 'password',
  PIN_REJECTED: 'pin',
  BADGE_IN_USE: 'badge',
  BADGE_INVALID: 'badge',
  CANNOT_DISABLE_SELF: 'reason',
};

export const EMPTY_ROSTER: RosterData = { entries: null, loading: false, loadError: null, outcome: null };

function upsert(entries: readonly RosterEntry[] | null, entry: RosterEntry): RosterEntry[] {
  const list = [...(entries ?? [])];
  const at = list.findIndex((e) => e.id === entry.id);
  if (at === -1) list.push(entry);
  else list[at] = entry;
  return list;
}

export function createRosterSlice(api: StoreApi, registry: SensitiveRegistry): StateCreator<Needs, [], [], RosterSlice> {
  return (set, get) => {
    let seq = 0;

    function patch(p: Partial<RosterData>): void {
      set({ roster: { ...get().roster, ...p } });
    }

    function outcome(ok: boolean, message: string, field: string | null = null): void {
      seq += 1;
      patch({ outcome: { ok, message, field, seq } });
    }

    /** One change: the reply replaces the operator's row; a reply after a lock is dropped. */
    async function change(run: () => Promise<Result<RosterEntry>>, done: (entry: RosterEntry) => string): Promise<boolean> {
      const epoch = registry.epoch();
      const result = await run();
      if (registry.epoch() !== epoch) return false;
      if (!result.ok) {
        outcome(false, result.error.message, ROSTER_ERROR_FIELDS[result.error.code] ?? /\((\w+)\)/.exec(result.error.message)?.[1] ?? null);
        return false;
      }
      patch({ entries: upsert(get().roster.entries, result.value) });
      outcome(true, done(result.value));
      return true;
    }

    return {
      roster: sensitive(registry, {
        key: 'roster',
        initial: EMPTY_ROSTER,
        reload: () => {
          if (get().nav.view === 'operators') void get().loadRoster();
        },
      }),

      async loadRoster() {
        const epoch = registry.epoch();
        patch({ loading: true });
        const result = await api.listOperators();
        if (registry.epoch() !== epoch) return;
        if (result.ok) patch({ entries: result.value, loading: false, loadError: null });
        else patch({ loading: false, loadError: result.error });
      },

      async createOperator(input) {
        const checks: [string, ReturnType<typeof checkOperatorId>][] = [
          ['operatorId', checkOperatorId(input.operatorId)],
          ['name', input.name.trim() === '' ? { ok: false, message: 'Enter the operator’s name.' } : { ok: true, value: input.name.trim() }],
          ['roles', input.roles.length === 0 ? { ok: false, message: 'Choose at least one role.' } : { ok: true, value: '' }],
          ['password', checkPassword(input.password)],
          ['badge', checkBadge(input.badge)],
          ['pin', checkPin(input.pin)],
        ];
        for (const [field, check] of checks) {
          if (!check.ok) {
            outcome(false, check.message, field);
            return false;
          }
        }
        const request: NewOperatorInput = { ...input, operatorId: input.operatorId.trim().toUpperCase(), name: input.name.trim(), badge: input.badge.trim() };
        return change(() => api.createOperator(request), (e) => `Operator ${e.id} added.`);
      },

      async disableOperator(operatorId, reason) {
        const check = checkNote(reason, 'reason');
        if (!check.ok) {
          outcome(false, check.message, 'reason');
          return false;
        }
        return change(() => api.disableOperator({ operatorId, reason: check.value }), (e) => `Operator ${e.id} disabled. The ID is retired and will not be reused.`);
      },

      async setOperatorDates(operatorId, statementSignedOn, certifiedUntil) {
        return change(() => api.setOperatorDates({ operatorId, statementSignedOn, certifiedUntil }), (e) => `Dates recorded for ${e.id}.`);
      },

      async releaseOperatorLock(operatorId, note) {
        const check = checkNote(note, 'note');
        if (!check.ok) {
          outcome(false, check.message, 'note');
          return false;
        }
        return change(() => api.releaseOperatorLock({ operatorId, note: check.value }), (e) => `Lock released for ${e.id}. The operator can sign on again.`);
      },
    };
  };
}
