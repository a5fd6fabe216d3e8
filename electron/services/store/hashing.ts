// How the roster keeps passwords, PINs and badge IDs (requirements L7, L8).
//
// Passwords and PINs: scrypt (Node's crypto.scrypt), a memory-hard KDF, with a 16-byte random salt each.
//   N = 2^15, r = 8, p = 1: 128·N·r = 32 MiB of memory and ~50–100 ms of one core per hash, which makes a
//   stolen table expensive to guess through while a logon stays quick. Stored as
//   `scrypt$N$r$p$<salt base64>$<hash base64>`, so the cost can rise later: verifySecret() reads the
//   parameters from the string, and needsRehash() tells the roster to re-hash at the next good logon.
//   Parameters read back from the database are bounded (MAX_*) so a tampered row cannot make a logon
//   allocate gigabytes. Comparison is constant-time (timingSafeEqual).
// Badge IDs: a badge ID is an identifier read off a card and looked up, so it needs a deterministic hash:
//   HMAC-SHA-256 under the agency badge key, which lives in the OS keychain (`badge-hmac-key`), not in the
//   database. A copy of the database alone does not let anyone test badge numbers.
// Text is Unicode-normalised (NFKC) before hashing, so the same password typed on another keyboard layout
// or input method still matches (NIST SP 800-63B §5.1.1.2).

import { createHmac, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

const MAX_N = 2 ** 17;
const MAX_R = 16;
const MAX_P = 4;

const ENCODED = /^scrypt\$(\d{1,7})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/]{22,88})\$([A-Za-z0-9+/]{43})$/;

interface ScryptParts {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

function scrypt(secret: string, salt: Buffer, keyLength: number, params: { N: number; r: number; p: number }): Promise<Buffer> {
  // maxmem: what these parameters need (128·N·r) plus room for the rest.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCallback(secret.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const b64 = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '');

/** Hashes a password or PIN for storage. */
export async function hashSecret(secret: string): Promise<string> {
  const { N, r, p, keyLength, saltLength } = SCRYPT_PARAMS;
  const salt = randomBytes(saltLength);
  const hash = await scrypt(secret, salt, keyLength, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${b64(salt)}$${b64(hash)}`;
}

function parse(encoded: string): ScryptParts | null {
  const m = ENCODED.exec(encoded);
  if (!m) return null;
  const N = Number(m[1]);
  const r = Number(m[2]);
  const p = Number(m[3]);
  if (N < 2 || N > MAX_N || (N & (N - 1)) !== 0 || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null;
  const salt = Buffer.from(m[4]!, 'base64');
  const hash = Buffer.from(m[5]!, 'base64');
  // The key length is fixed: scrypt's output for a shorter length is a prefix of the longer one, so a
  // truncated stored hash must not be allowed to set the length it is compared at.
  if (salt.length < 16 || hash.length !== SCRYPT_PARAMS.keyLength) return null;
  return { N, r, p, salt, hash };
}

/** True when `secret` matches the stored hash. A malformed or out-of-bounds hash never matches. */
export async function verifySecret(secret: string, encoded: string): Promise<boolean> {
  const parts = parse(encoded);
  if (!parts) return false;
  const actual = await scrypt(secret, parts.salt, SCRYPT_PARAMS.keyLength, parts);
  return timingSafeEqual(actual, parts.hash);
}

/** True when a stored hash uses weaker parameters than SCRYPT_PARAMS (re-hash at the next good logon). */
export function needsRehash(encoded: string): boolean {
  const parts = parse(encoded);
  if (!parts) return true;
  return parts.N < SCRYPT_PARAMS.N || parts.r < SCRYPT_PARAMS.r || parts.p < SCRYPT_PARAMS.p;
}

let dummy: Promise<string> | undefined;
/**
 * A valid hash of a random secret nobody knows. Verifying against it when an operator is unknown or has
 * no PIN keeps the answer as slow as a real check, so timing does not tell which IDs exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashSecret(randomBytes(32).toString('base64'));
  return dummy;
}

/** The minimum length of the agency badge key, in bytes. */
export const BADGE_KEY_BYTES = 32;

/** A badge ID as the reader types it: surrounding spaces dropped, letters upper-cased. */
export function normalizeBadge(badge: string): string {
  return badge.normalize('NFKC').trim().toUpperCase();
}

/** The stored, deterministic form of a (normalised) badge ID: `hmac-sha256$<base64>`. */
export function badgeDigest(key: Uint8Array, badge: string): string {
  if (key.length < BADGE_KEY_BYTES) throw new Error(`the badge key must be at least ${BADGE_KEY_BYTES} bytes`);
  return `hmac-sha256$${b64(createHmac('sha256', key).update(normalizeBadge(badge), 'utf8').digest())}`;
}

/** A value that identifies the badge key without revealing it, stored so a wrong key is noticed. */
export function badgeKeyCheck(key: Uint8Array): string {
  return b64(createHmac('sha256', key).update('clets-workstation badge key check v1', 'utf8').digest()).slice(0, 16);
}
