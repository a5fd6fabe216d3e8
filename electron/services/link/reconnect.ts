// Reconnect policy: exponential backoff with a cap and a jitter hook. Errors that need a person
// (certificates, trust, logon refused) go straight to the cap so a broken setup never retries in a
// hot loop.

import { needsAttention, type LinkErrorCode } from './errors';
import type { ReconnectOptions } from './types';

export interface ReconnectPolicy {
  /** Delay before retry number `attempt` (0-based) after a failure with `code`. */
  delayFor(attempt: number, code: LinkErrorCode): number;
}

export const DEFAULT_RECONNECT = { initialDelayMs: 1_000, maxDelayMs: 60_000, multiplier: 2 } as const;

/** Default jitter: uniform in [delay/2, delay] ("equal jitter"). */
export const equalJitter = (delayMs: number): number => delayMs / 2 + Math.random() * (delayMs / 2);

export function createReconnectPolicy(opts: ReconnectOptions = {}): ReconnectPolicy {
  const initial = opts.initialDelayMs ?? DEFAULT_RECONNECT.initialDelayMs;
  const max = opts.maxDelayMs ?? DEFAULT_RECONNECT.maxDelayMs;
  const multiplier = opts.multiplier ?? DEFAULT_RECONNECT.multiplier;
  const jitter = opts.jitter ?? equalJitter;
  if (!(initial >= 0) || !(max >= initial) || !(multiplier >= 1)) {
    throw new RangeError('reconnect: need 0 <= initialDelayMs <= maxDelayMs and multiplier >= 1');
  }
  return {
    delayFor(attempt, code) {
      const base = needsAttention(code) ? max : Math.min(max, initial * multiplier ** Math.max(0, attempt));
      const jittered = jitter(base, attempt);
      if (!Number.isFinite(jittered)) return base;
      return Math.round(Math.min(max, Math.max(0, jittered)));
    },
  };
}
