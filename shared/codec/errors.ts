// The one exception the codec throws: from encodeInquiry and formatReply, on invalid input.
// Decoders never throw; they return results.

import type { FieldError } from './types';

export class CodecError extends Error {
  override readonly name = 'CodecError';
  /** Field problems in plain English (encodeInquiry); a single `message` entry for formatReply. */
  readonly errors: readonly FieldError[];

  constructor(message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.errors = errors;
  }
}
