import { describe, expect, it } from 'vitest';
import {
  BADGE_KEY_BYTES,
  SCRYPT_PARAMS,
  badgeDigest,
  badgeKeyCheck,
  dummyHash,
  hashSecret,
  needsRehash,
  verifySecret,
} from '../../../electron/services/store/hashing';

const key = new Uint8Array(BADGE_KEY_BYTES).fill(7);
const otherKey = new Uint8Array(BADGE_KEY_BYTES).fill(8);

describe('password and PIN hashing (scrypt)', () => {
  it('stores scrypt$N$r$p$salt$hash with the documented parameters and a 16-byte salt', async () => {
    const encoded = await hashSecret('correct horse battery');
    const [alg, N, r, p, salt, hash] = encoded.split('$');
    expect(alg).toBe('scrypt');
    expect([Number(N), Number(r), Number(p)]).toEqual([SCRYPT_PARAMS.N, SCRYPT_PARAMS.r, SCRYPT_PARAMS.p]);
    expect(SCRYPT_PARAMS).toMatchObject({ N: 2 ** 15, r: 8, p: 1 });
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    expect(encoded).not.toContain('correct horse');
  });

  it('verifies the right secret and refuses a wrong one', async () => {
    const encoded = await hashSecret('correct horse battery');
    expect(await verifySecret('correct horse battery', encoded)).toBe(true);
    expect(await verifySecret('correct horse batterY', encoded)).toBe(false);
    expect(await verifySecret('', encoded)).toBe(false);
  });

  it('salts every hash: the same secret hashes differently twice', async () => {
    const [a, b] = await Promise.all([hashSecret('same secret here'), hashSecret('same secret here')]);
    expect(a).not.toBe(b);
    expect(await verifySecret('same secret here', a)).toBe(true);
    expect(await verifySecret('same secret here', b)).toBe(true);
  });

  it('normalises Unicode (NFKC) so a composed and a decomposed é match', async () => {
    const encoded = await hashSecret('caf\u00e9 au lait 42');
    expect(await verifySecret('cafe\u0301 au lait 42', encoded)).toBe(true);
  });

  it('never matches a malformed hash, and refuses out-of-bounds parameters without running them', async () => {
    const good = await hashSecret('a fine secret');
    const parts = good.split('$');
    const huge = ['scrypt', String(2 ** 30), '8', '1', parts[4], parts[5]].join('$');
    const notPow2 = ['scrypt', '30000', '8', '1', parts[4], parts[5]].join('$');
    const bigR = ['scrypt', parts[1], '99', '1', parts[4], parts[5]].join('$');
    const shortHash = ['scrypt', parts[1], '8', '1', parts[4], 'AAAA'].join('$');
    for (const bad of ['', 'plain', 'bcrypt$2b$10$abc', huge, notPow2, bigR, shortHash, good + '$extra']) {
      expect(await verifySecret('a fine secret', bad)).toBe(false);
    }
  });

  it('compares in constant time at the fixed key length: a truncated stored hash never matches', async () => {
    const good = await hashSecret('a fine secret');
    const parts = good.split('$');
    // Same secret, but the stored hash is the first 24 of the 32 bytes: must not match.
    const truncated = [...parts.slice(0, 5), Buffer.from(parts[5]!, 'base64').subarray(0, 24).toString('base64').replace(/=+$/, '')].join('$');
    expect(await verifySecret('a fine secret', truncated)).toBe(false);
  });

  it('asks for a re-hash when the stored parameters are weaker than today\'s', async () => {
    const current = await hashSecret('x-secret-1');
    expect(needsRehash(current)).toBe(false);
    const weaker = current.replace(`scrypt$${SCRYPT_PARAMS.N}$`, 'scrypt$1024$');
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('has a dummy hash for unknown operators that nothing matches', async () => {
    const dummy = await dummyHash();
    expect(dummy).toMatch(/^scrypt\$/);
    expect(await dummyHash()).toBe(dummy);
    expect(await verifySecret('', dummy)).toBe(false);
  });
});

describe('badge IDs (HMAC-SHA-256 under the agency badge key)', () => {
  it('is deterministic, so a badge can be looked up, and normalises what the reader typed', () => {
    const a = badgeDigest(key, 'TRN-B-1001');
    expect(a).toMatch(/^hmac-sha256\$[A-Za-z0-9+/]{43}$/);
    expect(badgeDigest(key, ' trn-b-1001 ')).toBe(a);
    expect(badgeDigest(key, 'TRN-B-1002')).not.toBe(a);
  });

  it('depends on the key: a copy of the database alone cannot test badge numbers', () => {
    expect(badgeDigest(otherKey, 'TRN-B-1001')).not.toBe(badgeDigest(key, 'TRN-B-1001'));
    expect(badgeKeyCheck(otherKey)).not.toBe(badgeKeyCheck(key));
    expect(badgeKeyCheck(key)).toBe(badgeKeyCheck(Uint8Array.from(key)));
  });

  it('refuses a short key', () => {
    expect(() => badgeDigest(new Uint8Array(16), 'TRN-B-1001')).toThrow(/at least 32 bytes/);
  });
});
