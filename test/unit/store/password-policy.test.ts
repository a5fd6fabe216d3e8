import { describe, expect, it } from 'vitest';
import { BANNED_PASSWORDS } from '../../../electron/services/store/banned-passwords';
import { assertPasswordAcceptable, assertPinAcceptable, checkPassword } from '../../../electron/services/store/password-policy';
import { TRAINING_LOGINS } from '../../../electron/services/store/training-roster';

const problem = (password: string, context = {}) => {
  const result = checkPassword(password, context);
  return result.ok ? 'ok' : result.problem;
};

describe('password policy (L8)', () => {
  it('needs at least 8 characters, counted as characters, not bytes', () => {
    expect(problem('tulip-7')).toBe('too-short');
    expect(problem('tulips-7x')).toBe('ok');
    expect(problem('ééééé-7')).toBe('too-short');
    expect(problem('x'.repeat(40) + 'y'.repeat(89))).toBe('too-long');
  });

  it('refuses common passwords, also with digits and symbols around them or letters swapped', () => {
    for (const p of ['password', 'Password1!', 'P@ssw0rd', 'p@ssw0rd2026', 'Summer2026', '!!Winter2025', 'qwertyuiop', '12345678', 'Clets1234', 'L3tm31n!', 'iloveyou', 'Sheriff#1']) {
      expect(problem(p), p).toBe('banned');
    }
  });

  it('welcomes long passphrases with spaces and any characters', () => {
    for (const p of ['correct horse battery staple', 'Ünïcödé wörds ok', 'tide pool 19 lantern', 'amber-lantern-41']) {
      expect(problem(p), p).toBe('ok');
    }
  });

  it('refuses a password made of one or two characters, control characters, the operator ID or name', () => {
    expect(problem('abababababab')).toBe('repetitive');
    expect(problem('zzzzzzzzz')).toBe('repetitive');
    expect(problem('tab\there-is-bad')).toBe('control-characters');
    expect(problem('my-c1001-secret', { operatorId: 'C1001' })).toBe('contains-operator-id');
    expect(problem('OrtizRocks-99', { name: 'Dana Ortiz' })).toBe('contains-name');
    expect(problem('Bo-is-fine-99', { name: 'Bo Ortiz' })).toBe('ok'); // name parts under 4 letters are not checked
  });

  it('throws PASSWORD_REJECTED with the reason and no hint field anywhere', () => {
    expect(() => assertPasswordAcceptable('short')).toThrow(expect.objectContaining({ code: 'PASSWORD_REJECTED', message: expect.stringMatching(/at least 8/) }));
  });

  it('keeps its banned list lower case and without duplicates', () => {
    expect(BANNED_PASSWORDS.every((p) => p === p.toLowerCase())).toBe(true);
    expect(new Set(BANNED_PASSWORDS).size).toBe(BANNED_PASSWORDS.length);
    expect(BANNED_PASSWORDS.length).toBeGreaterThan(150);
  });

  it('accepts every published training password and PIN', () => {
    for (const login of TRAINING_LOGINS) {
      expect(checkPassword(login.password, { operatorId: login.operatorId, name: login.name })).toEqual({ ok: true });
      expect(() => assertPinAcceptable(login.pin)).not.toThrow();
    }
  });
});

describe('PIN policy (L7)', () => {
  it('is 6 to 12 digits', () => {
    expect(() => assertPinAcceptable('48291')).toThrow(expect.objectContaining({ code: 'PIN_REJECTED' }));
    expect(() => assertPinAcceptable('4829130000000')).toThrow(/6 to 12 digits/);
    expect(() => assertPinAcceptable('48a913')).toThrow(/digits/);
    expect(() => assertPinAcceptable('482913')).not.toThrow();
  });

  it('refuses one digit repeated and runs', () => {
    for (const pin of ['000000', '111111', '123456', '234567', '987654', '890123']) {
      expect(() => assertPinAcceptable(pin), pin).toThrow(/too easy/);
    }
    expect(() => assertPinAcceptable('135791')).not.toThrow();
  });
});
