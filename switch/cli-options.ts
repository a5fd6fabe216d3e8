// Command-line options of `npm run switch` (see cli.ts). Pure: no I/O, so tests call it directly.

import { parseArgs } from 'node:util';

/** A bad command line: reported as one line, exit code 2. */
export class UsageError extends Error {}

export interface CliOptions {
  host: string;
  port: number;
  seed?: number;
  keepaliveSeconds?: number;
  /** A YQ is acknowledged with an AM and its YR follows this many ms later (hitConfirmationDelayMs). */
  hitConfirmationDelayMs?: number;
  files?: { ca: string; cert: string; key: string };
}

function integer(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = /^0x[0-9a-f]+$/i.test(raw) ? Number.parseInt(raw, 16) : /^[0-9]+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function parseCliOptions(argv: string[]): CliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        ca: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        seed: { type: 'string' },
        keepalive: { type: 'string' },
        'confirm-delay': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) throw new UsageError('usage: npm run switch -- [--port N] [--host ADDR] [--ca FILE --cert FILE --key FILE] [--seed N] [--keepalive SECONDS] [--confirm-delay MS]');
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new UsageError('--host must not be empty');
  const given = [values.ca, values.cert, values.key].filter((v) => v !== undefined).length;
  if (given !== 0 && given !== 3) throw new UsageError('--ca, --cert and --key go together: give all three or none');
  const seed = integer('seed', values.seed, 0, 0xffffffff);
  const keepaliveSeconds = integer('keepalive', values.keepalive, 1, 3600);
  const hitConfirmationDelayMs = integer('confirm-delay', values['confirm-delay'], 0, 86_400_000);
  return {
    host,
    port: integer('port', values.port, 0, 65535) ?? 0,
    ...(seed !== undefined ? { seed } : {}),
    ...(keepaliveSeconds !== undefined ? { keepaliveSeconds } : {}),
    ...(hitConfirmationDelayMs !== undefined ? { hitConfirmationDelayMs } : {}),
    ...(given === 3 ? { files: { ca: values.ca!, cert: values.cert!, key: values.key! } } : {}),
  };
}
