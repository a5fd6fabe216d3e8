// Fault configuration: deterministic counts, validated, taken in a fixed order.
import { describe, expect, it } from 'vitest';
import { mergeFaults, NO_FAULTS, takeDeliveryFault } from '../../../switch/faults';

describe('fault configuration', () => {
  it('merges partial updates and keeps the rest', () => {
    const f = mergeFaults({ ...NO_FAULTS }, { delayMs: 50, garbleNext: 2 });
    expect(f).toMatchObject({ delayMs: 50, garbleNext: 2, dropMidReply: 0, silent: false });
    expect(mergeFaults(f, { silent: true, delayMs: undefined })).toMatchObject({ delayMs: 50, silent: true });
  });

  it('refuses unknown faults and values that are not whole non-negative numbers', () => {
    expect(() => mergeFaults({ ...NO_FAULTS }, { dropMidReply: -1 })).toThrow(RangeError);
    expect(() => mergeFaults({ ...NO_FAULTS }, { delayMs: 1.5 })).toThrow(RangeError);
    expect(() => mergeFaults({ ...NO_FAULTS }, { probability: 0.5 } as never)).toThrow(TypeError);
    expect(() => mergeFaults({ ...NO_FAULTS }, { silent: 1 } as never)).toThrow(TypeError);
  });

  it('takes delivery faults one at a time, in a fixed order, counting down', () => {
    const f = mergeFaults({ ...NO_FAULTS }, { dropMidReply: 1, garbleNext: 1, invalidMessageNext: 1, oversizeNext: 2 });
    expect([1, 2, 3, 4, 5, 6].map(() => takeDeliveryFault(f))).toEqual(['dropMidReply', 'garble', 'invalidMessage', 'oversize', 'oversize', 'none']);
    expect(f).toMatchObject({ dropMidReply: 0, garbleNext: 0, invalidMessageNext: 0, oversizeNext: 0 });
  });
});
