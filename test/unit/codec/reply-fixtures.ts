// The reply header the reply tests share: a switch at CA0000000 answering terminal CA0340000.
import type { ReplyHeader } from '../../../shared/codec';

export const header = (mke: string): ReplyHeader => ({
  mke,
  senderOri: 'CA0000000',
  switchStamp: { time: '14:05', date: '06/15/2025', seq: '00017' },
  destStamp: { time: '14:05', date: '06/15/2025', seq: '00042' },
  destOri: 'CA0340000',
});

/** The same header as wire text, up to and including TXT. */
export const HEAD = (mke: string) => `${mke}.CA0000000\n14:05 06/15/2025 00017\n14:05 06/15/2025 00042 CA0340000\nTXT`;
