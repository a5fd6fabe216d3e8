import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGE_REF } from '../../../shared/wire/protocol';
import { ManualClock } from '../../../electron/services/clock';
import { createRefGenerator } from '../../../electron/services/link/ref';

describe('message references', () => {
  it('match MESSAGE_REF and carry terminal, UTC time, counter and random part', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 23, 12, 34, 56, 789));
    const next = createRefGenerator('SAC1WS01', clock);
    const ref = next();
    expect(ref).toMatch(MESSAGE_REF);
    expect(ref).toMatch(/^SAC1WS01-20261123123456-0001-[A-Z2-9]{4}$/);
    expect(next()).toMatch(/^SAC1WS01-20261123123456-0002-/);
  });

  it('never repeat within one link, even with the clock standing still and a constant random source', () => {
    const clock = new ManualClock();
    const next = createRefGenerator('WS01', clock, (b) => b.fill(7));
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(next());
    expect(seen.size).toBe(50_000);
  });

  it('differ between two links with the same terminal at the same instant (random part)', () => {
    const clock = new ManualClock();
    const a = createRefGenerator('WS01', clock);
    const b = createRefGenerator('WS01', clock);
    const refsA = new Set(Array.from({ length: 200 }, () => a()));
    const collisions = Array.from({ length: 200 }, () => b()).filter((r) => refsA.has(r));
    // 20 random bits per reference: a collision among 200 pairs is ~2e-4 likely.
    expect(collisions.length).toBeLessThanOrEqual(1);
  });

  it('stay within MESSAGE_REF for every valid terminal and time', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9]{4,8}$/), fc.integer({ min: 0, max: Date.UTC(9999, 0, 1) }), (terminal, t) => {
        const next = createRefGenerator(terminal, new ManualClock(t));
        const ref = next();
        return MESSAGE_REF.test(ref) && ref.length <= 40;
      }),
    );
  });

  it('refuse a terminal mnemonic outside the wire pattern', () => {
    expect(() => createRefGenerator('ws-1', new ManualClock())).toThrow(RangeError);
  });
});
