// One logger for the main-process services. Personal data never reaches a debug log:
// the audit trail is the place for it, under its own protection (style.md §9).

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(scope: string): Logger;
}

/** Field names whose values are personal data or secrets, whatever their content. */
const REDACTED_KEYS = /^(nam|name|dob|oln|soc|ssn|lic|vin|text|body|reply|inquiry|password|pin|passphrase|key|secret|token|address)$/i;
/** Patterns that look like CLETS field data inside free strings (NAM/..., DOB/...). */
const FIELD_DATA = /\b(NAM|DOB|OLN|SOC|LIC|VIN|FBI|SID|CII)\/[^.\s]*/g;

export function redact(value: unknown, key = '', depth = 0): unknown {
  if (REDACTED_KEYS.test(key)) return '[redacted]';
  if (typeof value === 'string') return value.replace(FIELD_DATA, '$1/[redacted]');
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return { name: value.name, message: redact(value.message, '', depth + 1), code: (value as { code?: unknown }).code };
  if (Array.isArray(value)) return value.map((v) => redact(v, '', depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k, depth + 1)]));
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  scope = 'app',
  opts: { level?: LogLevel; sink?: (line: string) => void } = {},
): Logger {
  const min = ORDER[opts.level ?? ((process.env.CLETS_LOG_LEVEL as LogLevel | undefined) ?? 'info')] ?? ORDER.info;
  const sink = opts.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[level] < min) return;
    const record = { t: new Date().toISOString(), level, scope, msg: redact(msg), ...(fields ? (redact(fields) as LogFields) : {}) };
    sink(JSON.stringify(record));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (s) => createLogger(`${scope}.${s}`, opts),
  };
}

/** For tests and quiet tools. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
};
