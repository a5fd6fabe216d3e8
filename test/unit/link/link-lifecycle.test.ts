// createLink's checks and the lifecycle paths that need no network: the local certificate check
// fails before any socket is opened.

import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { createLink, type LinkOptions, type LinkStatus } from '../../../electron/services/link';

const base = (clock = new ManualClock()): LinkOptions => ({
  host: '127.0.0.1',
  port: 9,
  ca: { path: '/nonexistent/ca.crt' },
  cert: { path: '/nonexistent/workstation.crt' },
  key: { path: '/nonexistent/workstation.key' },
  terminal: 'SAC1WS01',
  ori: 'CA0340000',
  clock,
  reconnect: { initialDelayMs: 1_000, maxDelayMs: 30_000, jitter: (d) => d },
});

describe('createLink', () => {
  it('refuses options that could never log on', () => {
    expect(() => createLink({ ...base(), terminal: 'ws-1' })).toThrow(/terminal/);
    expect(() => createLink({ ...base(), ori: 'CA123' })).toThrow(/ori/);
    expect(() => createLink({ ...base(), port: 0 })).toThrow(/port/);
    expect(() => createLink({ ...base(), host: '' })).toThrow(/host/);
    expect(() => createLink({ ...base(), logonOperator: 'x' })).toThrow(/logonOperator/);
    expect(() => createLink({ ...base(), inquiryTimeoutMs: 0 })).toThrow(/inquiryTimeoutMs/);
  });

  it('starts disconnected and fails sends with NOT_CONNECTED', async () => {
    const link = createLink(base());
    expect(link.status()).toMatchObject({ state: 'disconnected', training: false });
    await expect(link.send('AM.CA0340000.TXT', { operator: 'OPR1234' })).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });

  it('a missing certificate: failed with CERT_MISSING, retried only at the cap, until stop()', async () => {
    const clock = new ManualClock();
    const link = createLink(base(clock));
    const seen: LinkStatus[] = [];
    const off = link.onStatus((s) => seen.push(s));
    link.start();
    link.start(); // idempotent
    expect(link.status()).toMatchObject({ state: 'failed', error: { code: 'CERT_MISSING' } });
    expect(link.status().error!.message).toContain('/nonexistent/workstation.crt');
    expect(Date.parse(link.status().nextAttemptAt!) - clock.now()).toBe(30_000);
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'failed']);
    clock.advance(29_999);
    expect(seen).toHaveLength(2);
    clock.advance(1);
    expect(seen.map((s) => s.state)).toEqual(['connecting', 'failed', 'connecting', 'failed']);
    expect(seen[2]!.error?.code).toBe('CERT_MISSING'); // the last error stays visible while retrying
    await link.stop();
    expect(link.status()).toEqual({ state: 'disconnected', training: false, since: new Date(clock.now()).toISOString() });
    expect(clock.pendingTimers).toBe(0);
    off();
    link.start();
    expect(seen).toHaveLength(5); // unsubscribed: nothing more
  });
});
