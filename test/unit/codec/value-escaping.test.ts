import { describe, expect, it } from 'vitest';
import { escapeLine, escapeValue, unescapeText } from '../../../shared/codec';

describe('reply value escaping rule', () => {
  it.each([
    ['backslash', 'A\\B', 'A\\\\B'],
    ['slash', 'W/M', 'W\\/M'],
    ['lookalike field', 'X NAM/Y', 'X NAM\\/Y'],
    ['line breaks', 'A\r\nB', 'A\\u000D\\u000AB'],
    ['NUL, ESC and DEL', '\u0000\u001b\u007f', '\\u0000\\u001B\\u007F'],
    ['C1 control', 'A\u0085B', 'A\\u0085B'],
    ['Unicode line separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['bidi override and BOM', '\u202Eabc\uFEFF', '\\u202Eabc\\uFEFF'],
    ['lone surrogates', '\uD800x\uDC00', '\\uD800x\\uDC00'],
    ['a trailing space only', ' A B ', ' A B\\u0020'],
    ['a paired surrogate (emoji) stays', 'a😀b', 'a😀b'],
    ['markup stays as text', '<b>&amp;</b>', '<b>&amp;<\\/b>'],
  ])('%s', (_name, value, wire) => {
    expect(escapeValue(value)).toBe(wire);
    expect(unescapeText(wire)).toBe(value);
  });

  it('free-text lines keep their slashes but escape the rest', () => {
    expect(escapeLine('LIC/123456.LIT/PC\t')).toBe('LIC/123456.LIT/PC\\u0009');
    expect(unescapeText('LIC/123456.LIT/PC\\u0009')).toBe('LIC/123456.LIT/PC\t');
  });

  it('malformed escapes are refused, not guessed', () => {
    for (const bad of ['\\', 'A\\q', '\\u12', '\\u12G4', '\\x41']) expect(unescapeText(bad)).toBeNull();
  });
});
