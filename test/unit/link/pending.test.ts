import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/services/clock';
import { LinkError } from '../../../electron/services/link/errors';
import { PendingTable } from '../../../electron/services/link/pending';

const timeout = () => new LinkError('INQUIRY_TIMEOUT', 'timed out');

describe('pending-inquiry table', () => {
  it('delivers a reply only to the inquiry with the same reference, with its timestamps', async () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 4);
    const sentAt = clock.now();
    const a = table.add('REF-AAAAAAAA', 30_000, timeout);
    const b = table.add('REF-BBBBBBBB', 30_000, timeout);
    clock.advance(5);
    expect(table.acknowledge('REF-BBBBBBBB')).toBe(true);
    clock.advance(10);
    expect(table.reply('REF-BBBBBBBB', 'reply b', true)).toBe('delivered');
    const iso = (ms: number) => new Date(ms).toISOString();
    await expect(b).resolves.toEqual({ ref: 'REF-BBBBBBBB', text: 'reply b', training: true, sentAt: iso(sentAt), ackedAt: iso(sentAt + 5), repliedAt: iso(sentAt + 15) });
    expect(table.size).toBe(1);
    expect(table.reply('REF-AAAAAAAA', 'reply a', false)).toBe('delivered');
    await expect(a).resolves.toMatchObject({ ref: 'REF-AAAAAAAA', text: 'reply a', ackedAt: null });
    expect(table.size).toBe(0);
  });

  it('drops a reply whose reference is unknown without touching the waiting inquiries', () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 4);
    void table.add('REF-AAAAAAAA', 30_000, timeout);
    expect(table.reply('REF-ZZZZZZZZ', 'stray', false)).toBe('unknown');
    expect(table.acknowledge('REF-ZZZZZZZZ')).toBe(false);
    expect(table.has('REF-AAAAAAAA')).toBe(true);
    expect(table.size).toBe(1);
  });

  it('times an inquiry out on the injected clock and reports a late reply as late', async () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 4);
    const p = table.add('REF-AAAAAAAA', 1_000, timeout);
    clock.advance(999);
    expect(table.size).toBe(1);
    clock.advance(1);
    await expect(p).rejects.toMatchObject({ code: 'INQUIRY_TIMEOUT' });
    expect(table.size).toBe(0);
    expect(table.reply('REF-AAAAAAAA', 'too late', false)).toBe('late');
  });

  it('settles each inquiry exactly once: a reply after failAll is unknown, a timeout after a reply does nothing', async () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 4);
    const a = table.add('REF-AAAAAAAA', 1_000, timeout);
    const b = table.add('REF-BBBBBBBB', 1_000, timeout);
    table.reply('REF-AAAAAAAA', 'ok', false);
    expect(table.failAll(() => new LinkError('CONNECTION_LOST', 'lost'))).toBe(1);
    await expect(a).resolves.toMatchObject({ text: 'ok' });
    await expect(b).rejects.toMatchObject({ code: 'CONNECTION_LOST' });
    expect(table.reply('REF-BBBBBBBB', 'after', false)).toBe('unknown');
    expect(clock.pendingTimers).toBe(0);
    clock.advance(5_000);
  });

  it('enforces its capacity and refuses a duplicate reference', () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 2);
    void table.add('REF-AAAAAAAA', 1_000, timeout).catch(() => undefined);
    expect(() => table.add('REF-AAAAAAAA', 1_000, timeout)).toThrow(/duplicate/);
    void table.add('REF-BBBBBBBB', 1_000, timeout).catch(() => undefined);
    expect(table.full).toBe(true);
    expect(() => table.add('REF-CCCCCCCC', 1_000, timeout)).toThrow(/full/);
    table.failAll(() => new LinkError('LINK_STOPPED', 'stopped'));
    expect(table.full).toBe(false);
  });

  it('fails one inquiry on its own', async () => {
    const clock = new ManualClock();
    const table = new PendingTable(clock, 2);
    const p = table.add('REF-AAAAAAAA', 1_000, timeout);
    expect(table.fail('REF-AAAAAAAA', new LinkError('NOT_CONNECTED', 'no'))).toBe(true);
    expect(table.fail('REF-AAAAAAAA', new LinkError('NOT_CONNECTED', 'no'))).toBe(false);
    await expect(p).rejects.toMatchObject({ code: 'NOT_CONNECTED' });
  });
});
