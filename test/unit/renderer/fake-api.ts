// A window.clets for store tests: the real createApi over a scripted transport.
import { defaultSettings } from '../../../electron/services/settings/defaults';
import { createApi, type Transport } from '../../../shared/contract/client';
import type { EventName } from '../../../shared/contract/names';
import type { LinkStatusView, AppInfo, UnsolicitedView } from '../../../shared/contract/channels';
import type { RosterEntry, SessionState, WorkstationSettings } from '../../../shared/contract/session-schemas';
import { SYSTEM_USE_NOTICE } from '../../../shared/policy/notice';
import type { Timers } from '../../../renderer/src/state/api';

export const INFO: AppInfo = {
  product: 'CLETS Workstation',
  version: '0.1.0',
  mode: 'training',
  workstation: { id: 'WS-TRAIN-01', ori: 'CA0349999', terminal: 'TRN1' },
};

export function linkStatus(overrides: Partial<LinkStatusView> = {}): LinkStatusView {
  return { state: 'connected', training: true, since: '2026-11-23T12:00:00.000Z', switchName: 'TRAINING', ...overrides };
}

export function unsolicited(overrides: Partial<UnsolicitedView> = {}): UnsolicitedView {
  return { receivedAt: '2026-11-23T12:00:05.000Z', training: true, code: '$.A', meaning: 'Administrative message', text: '$.A ALL TERMINALS TEST', ...overrides };
}

export const NOTICE_STATE: SessionState = { phase: 'notice', notice: { ...SYSTEM_USE_NOTICE, paragraphs: [...SYSTEM_USE_NOTICE.paragraphs] } };

export function activeState(operatorId = 'TDISP01', overrides: Partial<Extract<SessionState, { phase: 'active' }>> = {}): SessionState {
  return {
    phase: 'active',
    operator: { id: operatorId, name: `Name of ${operatorId}`, roles: ['dispatcher'] },
    signedOnAt: '2026-11-23T12:00:00.000Z',
    reauthDueAt: '2026-11-24T00:00:00.000Z',
    idleTimeoutMs: 600_000,
    watermark: { operatorId, workstationId: 'WS-TRAIN-01' },
    ...overrides,
  };
}

export function crsoState(operatorId = 'TCRSO01'): SessionState {
  return activeState(operatorId, { operator: { id: operatorId, name: 'Casey Lund (training)', roles: ['crso'] } });
}

export function lockedState(operatorId = 'TDISP01', reason: 'idle' | 'operator' = 'idle'): SessionState {
  return { phase: 'locked', operatorId, reason, since: '2026-11-23T12:10:00.000Z' };
}

export function rosterEntry(overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    id: 'TDISP01',
    name: 'Dana Ortiz (training)',
    roles: ['dispatcher'],
    statementSignedOn: '2026-11-23',
    certifiedUntil: '2028-11-23',
    lastLogonAt: null,
    locked: false,
    lockedReason: null,
    disabled: false,
    ...overrides,
  };
}

export const SETTINGS: WorkstationSettings = {
  idleTimeoutMinutes: 10,
  dispatchIdleExemption: { enabled: false, justification: '' },
  accessibilityCaptureExemption: { enabled: false, justification: '' },
  lockoutRule: 'cjis-5.9.4',
  inquiryPolicy: defaultSettings().inquiryPolicy,
  inquiryPolicyJustification: '',
};

/** Timers that only move when the test says so. */
export function manualTimers(start = Date.UTC(2026, 10, 23, 12, 0, 0)) {
  let now = start;
  let nextId = 1;
  const pending = new Map<number, { due: number; fn: () => void; every: number | null }>();
  const timers: Timers & { advance(ms: number): void; pending(): number } = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      pending.set(id, { due: now + ms, fn, every: null });
      return id;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
    setInterval(fn, ms) {
      const id = nextId++;
      pending.set(id, { due: now + ms, fn, every: ms });
      return id;
    },
    clearInterval(handle) {
      pending.delete(handle as number);
    },
    advance(ms) {
      const target = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.due <= target).sort((a, b) => a[1].due - b[1].due)[0];
        if (due === undefined) break;
        const [id, t] = due;
        now = Math.max(now, t.due);
        if (t.every === null) pending.delete(id);
        else t.due += t.every;
        t.fn();
      }
      now = target;
    },
    pending: () => pending.size,
  };
  return timers;
}

export interface FakeBackend {
  transport: Transport;
  /** Replies for invoke, by channel; a function may return a promise the test resolves later. */
  replies: Map<string, () => Promise<unknown>>;
  emit(event: EventName, payload: unknown): void;
  listenerCount(event: EventName): number;
  calls: string[];
  /** Every invoke with its payload, in order. */
  payloads: { channel: string; payload: unknown }[];
  /** How many times a channel was invoked. */
  count(channel: string): number;
}

export function fakeBackend(): FakeBackend {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const replies = new Map<string, () => Promise<unknown>>([
    ['app.info', async () => ({ ok: true, value: INFO })],
    ['link.status', async () => ({ ok: true, value: linkStatus() })],
    ['session.state', async () => ({ ok: true, value: NOTICE_STATE })],
    ['session.activity', async () => ({ ok: true, value: { idleLockAt: '2026-11-23T12:10:00.000Z' } })],
    ['settings.status', async () => ({ ok: true, value: { problem: null } })],
  ]);
  const calls: string[] = [];
  const payloads: { channel: string; payload: unknown }[] = [];
  const transport: Transport = {
    invoke(channel, payload) {
      calls.push(`invoke ${channel}`);
      payloads.push({ channel, payload });
      const reply = replies.get(channel);
      return reply ? reply() : Promise.reject(new Error('no reply scripted'));
    },
    subscribe(event, listener) {
      calls.push(`subscribe ${event}`);
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    transport,
    replies,
    calls,
    payloads,
    count: (channel) => calls.filter((c) => c === `invoke ${channel}`).length,
    emit(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export function fakeApi(backend = fakeBackend()) {
  return { backend, api: createApi(backend.transport) };
}

/** A promise and its resolver, to hold a reply until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Sets a reply for a channel: ok(value) or a refusal. */
export function reply(backend: FakeBackend, channel: string, value: unknown, error?: { code: string; message: string }) {
  backend.replies.set(channel, async () => (error ? { ok: false, error } : { ok: true, value }));
}
