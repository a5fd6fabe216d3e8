import { describe, expect, it } from 'vitest';
import { UNSOLICITED_DESCRIPTIONS } from '../../../shared/codec';
import { describeUnsolicited } from '../../../electron/services/link/unsolicited';

describe('unsolicited message names', () => {
  it.each([
    ['$.1\nALL FILES OUT OF SERVICE', '1'],
    ['$.2.CA0000000\n12:00 01/01/2026 00001', '2'],
    ['$.A.CA0000000\nROLL CALL AT 0800', 'A'],
    ['$.H\nDELAYED HIT', 'H'],
    ['$.L', 'L'],
    ['$.P', 'P'],
    ['$.3', '3'],
  ] as const)('%j is $.%s with the codec description', (text, letter) => {
    expect(describeUnsolicited(text)).toEqual({ code: `$.${letter}`, meaning: UNSOLICITED_DESCRIPTIONS[letter] });
  });

  it('falls back for unknown or malformed codes', () => {
    for (const text of ['$.Z', '$.AB', 'HELLO', '', '$.toString']) {
      expect(describeUnsolicited(text)).toEqual({ code: '$.', meaning: 'Unsolicited message from the switch.' });
    }
  });
});
