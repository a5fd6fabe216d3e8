import { describe, expect, it } from 'vitest';
import { createReconnectPolicy } from '../../../electron/services/link/reconnect';

const none = (d: number) => d;

describe('reconnect policy', () => {
  it('backs off exponentially up to the cap', () => {
    const policy = createReconnectPolicy({ initialDelayMs: 1_000, maxDelayMs: 30_000, multiplier: 2, jitter: none });
    const delays = [0, 1, 2, 3, 4, 5, 6, 10, 50].map((n) => policy.delayFor(n, 'CONNECT_REFUSED'));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000]);
  });

  it('waits the full cap after errors that need a person, from the first failure', () => {
    const policy = createReconnectPolicy({ initialDelayMs: 1_000, maxDelayMs: 60_000, jitter: none });
    for (const code of [
      'TLS_UNTRUSTED_SWITCH',
      'TLS_SWITCH_CERT_EXPIRED',
      'TLS_HOSTNAME_MISMATCH',
      'TLS_PROTOCOL_TOO_OLD',
      'TLS_CLIENT_CERT_REJECTED',
      'CERT_MISSING',
      'CERT_INVALID',
      'LOGON_REFUSED',
    ] as const) {
      expect(policy.delayFor(0, code)).toBe(60_000);
    }
    for (const code of ['CONNECT_REFUSED', 'CONNECT_TIMEOUT', 'CONNECTION_LOST', 'PROTOCOL_VIOLATION'] as const) {
      expect(policy.delayFor(0, code)).toBe(1_000);
    }
  });

  it('passes the delay and attempt to the jitter hook and clamps what it returns', () => {
    const calls: Array<[number, number]> = [];
    const policy = createReconnectPolicy({
      initialDelayMs: 100,
      maxDelayMs: 1_000,
      jitter: (delay, attempt) => {
        calls.push([delay, attempt]);
        return attempt === 0 ? delay * 0.5 : attempt === 1 ? -5 : attempt === 2 ? 1e9 : Number.NaN;
      },
    });
    expect(policy.delayFor(0, 'CONNECT_REFUSED')).toBe(50);
    expect(policy.delayFor(1, 'CONNECT_REFUSED')).toBe(0);
    expect(policy.delayFor(2, 'CONNECT_REFUSED')).toBe(1_000);
    expect(policy.delayFor(3, 'CONNECT_REFUSED')).toBe(800);
    expect(calls).toEqual([
      [100, 0],
      [200, 1],
      [400, 2],
      [800, 3],
    ]);
  });

  it('default jitter stays within [delay/2, delay]', () => {
    const policy = createReconnectPolicy({ initialDelayMs: 1_000, maxDelayMs: 8_000 });
    for (let i = 0; i < 200; i++) {
      const d = policy.delayFor(2, 'CONNECT_REFUSED');
      expect(d).toBeGreaterThanOrEqual(2_000);
      expect(d).toBeLessThanOrEqual(4_000);
    }
  });

  it('rejects nonsensical settings', () => {
    expect(() => createReconnectPolicy({ initialDelayMs: 10, maxDelayMs: 5 })).toThrow(RangeError);
    expect(() => createReconnectPolicy({ multiplier: 0.5 })).toThrow(RangeError);
  });
});
