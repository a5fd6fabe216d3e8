// `npm run switch` options: defaults, and one clear error for each kind of bad input.
import { describe, expect, it } from 'vitest';
import { parseCliOptions, UsageError } from '../../../switch/cli-options';

describe('switch command line', () => {
  it('defaults to a free loopback port and the training PKI', () => {
    expect(parseCliOptions([])).toEqual({ host: '127.0.0.1', port: 0 });
  });

  it('reads every option', () => {
    expect(parseCliOptions(['--port', '4443', '--host', '::1', '--seed', '0x2a', '--keepalive', '10', '--ca', 'a', '--cert', 'b', '--key', 'c'])).toEqual({
      host: '::1',
      port: 4443,
      seed: 42,
      keepaliveSeconds: 10,
      files: { ca: 'a', cert: 'b', key: 'c' },
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '65536'], /--port must be a whole number from 0 to 65535/],
    [['--seed', '1.5'], /--seed/],
    [['--keepalive', '0'], /--keepalive/],
    [['--ca', 'x'], /go together/],
    [['--bogus'], /Unknown option/],
    [['stray'], /positional/i],
    [['--host', ' '], /--host must not be empty/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseCliOptions(argv as string[])).toThrow(UsageError);
    expect(() => parseCliOptions(argv as string[])).toThrow(message);
  });
});
