// Names the unsolicited switch messages ($. codes, message-formats.md "Unsolicited switch messages")
// so the UI can say what arrived without parsing CLETS text itself. The descriptions are the codec's.

import { UNSOLICITED_DESCRIPTIONS } from '../../../shared/codec';

export interface UnsolicitedDescription {
  /** "$.1" … "$.P", or "$." when the message does not carry a known code. */
  code: string;
  meaning: string;
}

const FALLBACK: UnsolicitedDescription = { code: '$.', meaning: 'Unsolicited message from the switch.' };

export function describeUnsolicited(text: string): UnsolicitedDescription {
  const match = /^\s*\$\.([0-9A-Z])(?![0-9A-Z])/.exec(text);
  const letter = match?.[1];
  if (letter !== undefined && Object.hasOwn(UNSOLICITED_DESCRIPTIONS, letter)) {
    return { code: `$.${letter}`, meaning: UNSOLICITED_DESCRIPTIONS[letter as keyof typeof UNSOLICITED_DESCRIPTIONS] };
  }
  return FALLBACK;
}
