// Fault injection for tests of the client link. Deterministic: counts and switches, no probabilities.
// Counts are shared by every connection of one switch and go down by one each time they apply.

export interface FaultConfig {
  /** Delay every reply (RPL) by this many milliseconds (ACKs are not delayed). */
  delayMs: number;
  /** For the next N replies: write the first half of the RPL frame, then destroy the socket. */
  dropMidReply: number;
  /** For the next N replies: send, instead of the RPL, a frame whose bytes are not valid UTF-8. */
  garbleNext: number;
  /** For the next N replies: send, instead of the RPL, valid UTF-8 that breaks the frame grammar. */
  invalidMessageNext: number;
  /** For the next N replies: announce a frame of MAX_FRAME_BYTES + 1 bytes instead of the RPL. */
  oversizeNext: number;
  /** For the next N inquiries: answer with an ER reply (`.22.`) whatever the inquiry. */
  errorReplyNext: number;
  /** Send a `$.A` administrative message to every logged-on client this often (0 = never). */
  unsolicitedEveryMs: number;
  /** For the next N inquiries: accept them but send neither ACK nor RPL (ACK timeout). */
  noAck: number;
  /** For the next N inquiries: ACK them but never reply (reply timeout). */
  noReply: number;
  /** For the next N hit confirmation requests answered later (hitConfirmationDelayMs): the YR never comes. */
  withholdConfirmations: number;
  /** While true the switch writes nothing at all: no LOGON-OK, ACK, RPL, PONG, UNS (a hung switch). */
  silent: boolean;
}

export const NO_FAULTS: Readonly<FaultConfig> = Object.freeze({
  delayMs: 0,
  dropMidReply: 0,
  garbleNext: 0,
  invalidMessageNext: 0,
  oversizeNext: 0,
  errorReplyNext: 0,
  unsolicitedEveryMs: 0,
  noAck: 0,
  noReply: 0,
  withholdConfirmations: 0,
  silent: false,
});

const COUNT_KEYS = [
  'delayMs',
  'dropMidReply',
  'garbleNext',
  'invalidMessageNext',
  'oversizeNext',
  'errorReplyNext',
  'unsolicitedEveryMs',
  'noAck',
  'noReply',
  'withholdConfirmations',
] as const;

/** Merges `update` into `current`, refusing anything that is not a known key with a sane value. */
export function mergeFaults(current: FaultConfig, update: Partial<FaultConfig>): FaultConfig {
  const next = { ...current };
  for (const [key, value] of Object.entries(update ?? {})) {
    if (value === undefined) continue;
    if (key === 'silent') {
      if (typeof value !== 'boolean') throw new TypeError('fault silent must be true or false');
      next.silent = value;
      continue;
    }
    if (!(COUNT_KEYS as readonly string[]).includes(key)) throw new TypeError(`unknown fault ${key}`);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1e9) {
      throw new RangeError(`fault ${key} must be a whole number from 0`);
    }
    next[key as (typeof COUNT_KEYS)[number]] = value;
  }
  return next;
}

/** What happens to one reply on its way out. */
export type DeliveryFault = 'none' | 'dropMidReply' | 'garble' | 'invalidMessage' | 'oversize';

/** Takes (and counts down) the delivery fault for the next reply. */
export function takeDeliveryFault(f: FaultConfig): DeliveryFault {
  if (f.dropMidReply > 0) {
    f.dropMidReply -= 1;
    return 'dropMidReply';
  }
  if (f.garbleNext > 0) {
    f.garbleNext -= 1;
    return 'garble';
  }
  if (f.invalidMessageNext > 0) {
    f.invalidMessageNext -= 1;
    return 'invalidMessage';
  }
  if (f.oversizeNext > 0) {
    f.oversizeNext -= 1;
    return 'oversize';
  }
  return 'none';
}
