import { ManualClock, type Clock } from '../../../../electron/services/clock';
import { createLink, type CletsLink, type LinkOptions } from '../../../../electron/services/link';
import type { TestPki } from './pki';

export const TERMINAL = 'SAC1WS01';
export const ORI = 'CA0340000';
export const OPERATOR = 'OPR1234';

/** A link to 127.0.0.1:port trusting the test CA, with the valid client certificate. */
export function makeLink(pki: TestPki, port: number, overrides: Partial<LinkOptions> = {}): { link: CletsLink; clock: Clock } {
  const clock = overrides.clock ?? new ManualClock(Date.now());
  const link = createLink({
    host: '127.0.0.1',
    port,
    servername: pki.servername,
    ca: pki.ca.cert,
    cert: pki.client.cert,
    key: pki.client.key,
    terminal: TERMINAL,
    ori: ORI,
    clock,
    reconnect: { initialDelayMs: 1_000, maxDelayMs: 60_000, jitter: (d) => d },
    ...overrides,
  });
  return { link, clock };
}
