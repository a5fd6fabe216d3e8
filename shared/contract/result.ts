// Results cross the process boundary as data, never as thrown exceptions (style.md §3).

/** Codes every channel may return; features add their own stable codes (upper snake case). */
export const CORE_ERROR_CODES = [
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'BAD_REQUEST',
  'NOT_SIGNED_ON',
  'ROLE_REQUIRED',
  'LOCKED',
  'INTERNAL',
] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

export interface ErrorInfo {
  /** Stable, machine-readable (UPPER_SNAKE_CASE). The UI acts on it. */
  code: string;
  /** Plain English for the operator. Never a stack trace, never personal data. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });
