// The renderer's own field checks say the same as the contract's schemas (which the main process
// applies): nothing the renderer accepts is refused for its shape, and nothing it refuses would pass.
import { describe, expect, it } from 'vitest';
import { badgeSchema, operatorIdSchema, passwordSchema, pinSchema } from '../../../shared/contract/session-schemas';
import { checkBadge, checkNote, checkOperatorId, checkPassword, checkPin } from '../../../renderer/src/state/validate';

const cases: [string, (v: string) => { ok: boolean }, { safeParse(v: unknown): { success: boolean; data?: unknown } }, string[]][] = [
  ['operator ID', checkOperatorId, operatorIdSchema, ['TDISP01', ' tdisp01 ', 'AB', 'ABC', 'A'.repeat(12), 'A'.repeat(13), 'T-DISP', '', '   ', 'tdisp01\n']],
  ['password', checkPassword, passwordSchema, ['x', '', 'amber-lantern-41', 'a'.repeat(256), 'a'.repeat(257), '  ']],
  ['badge', checkBadge, badgeSchema, ['TRN-B-1001', '', '   ', ' TRN ', 'b'.repeat(64), 'b'.repeat(65)]],
  ['PIN', checkPin, pinSchema, ['482913', '12345', '123456789012', '1234567890123', '48291a', '', ' 482913']],
];

describe('renderer field checks match the contract', () => {
  for (const [name, check, schema, samples] of cases) {
    it(`agrees on ${name}`, () => {
      for (const sample of samples) expect(check(sample).ok, JSON.stringify(sample)).toBe(schema.safeParse(sample).success);
    });
  }

  it('gives the normalised value the main process would see', () => {
    expect(checkOperatorId(' tdisp01 ')).toEqual({ ok: true, value: operatorIdSchema.parse(' tdisp01 ') });
    expect(checkBadge(' TRN-B-1001 ')).toEqual({ ok: true, value: badgeSchema.parse(' TRN-B-1001 ') });
  });

  it('asks for a note of 3 to 200 characters', () => {
    expect(checkNote('ok', 'note').ok).toBe(false);
    expect(checkNote(' Confirmed by phone ', 'note')).toEqual({ ok: true, value: 'Confirmed by phone' });
    expect(checkNote('x'.repeat(201), 'reason').ok).toBe(false);
  });
});
