// Message references (shared/wire MESSAGE_REF): TERMINAL-YYYYMMDDHHMMSS-COUNTER-RAND.
// The counter makes references unique within one link (across reconnects, so a late reply can never
// match a newer inquiry); the UTC time and 4 random characters make them unique across restarts and
// workstations sharing a mnemonic. The time part lets a clerk and the switch's log find one another.

import { randomFillSync } from 'node:crypto';
import { MESSAGE_REF, TERMINAL_MNEMONIC } from '../../../shared/wire/protocol';
import type { Clock } from '../clock';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // 32 symbols, no 0/O or 1/I

export type RandomFill = (bytes: Uint8Array) => void;

export function createRefGenerator(
  terminal: string,
  clock: Clock,
  randomFill: RandomFill = (b) => void randomFillSync(b),
): () => string {
  if (!TERMINAL_MNEMONIC.test(terminal)) throw new RangeError('terminal mnemonic does not match TERMINAL_MNEMONIC');
  let counter = 0;
  const pool = new Uint8Array(256);
  let poolAt = pool.length;
  let lastSecond = -1;
  let stamp = '';
  return () => {
    counter += 1;
    const now = clock.now();
    const second = Math.floor(now / 1000);
    if (second !== lastSecond) {
      lastSecond = second;
      stamp = new Date(second * 1000).toISOString().slice(0, 19).replace(/[-:T]/g, '');
    }
    if (poolAt + 4 > pool.length) {
      randomFill(pool);
      poolAt = 0;
    }
    let rand = '';
    for (let i = 0; i < 4; i++) rand += ALPHABET[pool[poolAt++]! & 31];
    const ref = `${terminal}-${stamp}-${counter.toString(36).toUpperCase().padStart(4, '0')}-${rand}`;
    if (ref.length > 40 || !MESSAGE_REF.test(ref)) throw new RangeError('message reference out of format');
    return ref;
  };
}
