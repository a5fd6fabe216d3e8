import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeClientMessage,
  encodeSwitchMessage,
  parseClientMessage,
  parseSwitchMessage,
  type ClientMessage,
  type SwitchMessage,
} from '../../../shared/wire/protocol';

const ref = 'TRN1-MGL2X1-0001-A1B2C3';

describe('session messages', () => {
  const client: ClientMessage[] = [
    { kind: 'LOGON', trm: 'TRN1', ori: 'CA0349999', opr: 'C1001', ver: '1' },
    { kind: 'INQ', ref, opr: 'C1001', text: 'IW.QW.CA0349999.TXT\nNAM/SMITH, JOHN.DOB/19800101' },
    { kind: 'ACK', ref },
    { kind: 'PING', seq: 7 },
    { kind: 'LOGOFF' },
  ];
  it.each(client)('client $kind round-trips', (message) => {
    expect(parseClientMessage(encodeClientMessage(message))).toEqual({ ok: true, message });
  });

  const server: SwitchMessage[] = [
    { kind: 'LOGON-OK', session: 'S1', training: true, keepaliveSeconds: 30, switchName: 'TRAINING-SWITCH' },
    { kind: 'LOGON-REFUSED', code: 'BAD_ORI', reason: 'ORI is not authorized on this switch.' },
    { kind: 'ACK', ref },
    { kind: 'RPL', ref, training: true, text: 'QW.CA0000000\nTXT\n<script>alert(1)</script>' },
    { kind: 'UNS', seq: 3, training: false, text: '$.A ADMIN MESSAGE' },
    { kind: 'PONG', seq: 7 },
    { kind: 'LOGOFF-OK' },
    { kind: 'ERR', code: 'PROTOCOL', reason: 'frame not understood' },
  ];
  it.each(server)('switch $kind round-trips', (message) => {
    expect(parseSwitchMessage(encodeSwitchMessage(message))).toEqual({ ok: true, message });
  });

  it.each([
    ['INQ REF=TRN1-MGL2X1-0001-A1B2C3 OPR=C1001', /no body/],
    ['INQ REF=short OPR=C1001\nX', /invalid REF/],
    ['LOGON TRM=TRN1 ORI=CA03 OPR=C1001 VER=1', /invalid ORI/],
    ['LOGON TRM=TRN1 ORI=CA0349999 OPR=C1001', /lacks VER/],
    ['PING SEQ=1 SEQ=2', /duplicate/],
    ['PING SEQ=abc', /invalid SEQ/],
    ['PING SEQ=1\nbody', /must not carry a body/],
    ['DROP TABLE', /malformed/],
    ['', /header line/],
    ['ping SEQ=1', /unknown frame kind/],
    ['RPL REF=TRN1-MGL2X1-0001-A1B2C3 TRAINING=1', /unknown client frame kind/],
  ])('refuses %j', (text, reason) => {
    const parsed = parseClientMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.violation).toMatch(reason);
  });

  it('a header value cannot smuggle another field or a newline', () => {
    expect(() => encodeClientMessage({ kind: 'ACK', ref: `${ref} OPR=X` })).toThrow();
    expect(() => encodeClientMessage({ kind: 'LOGON', trm: 'TRN1\nINQ', ori: 'CA0349999', opr: 'C1001', ver: '1' })).toThrow();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        expect(typeof parseClientMessage(text).ok).toBe('boolean');
        expect(typeof parseSwitchMessage(text).ok).toBe('boolean');
      }),
    );
  });
});
