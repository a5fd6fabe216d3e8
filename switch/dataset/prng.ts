// Small deterministic pseudo-random tools. Same inputs give the same numbers on every machine:
// only 32-bit integer arithmetic (Math.imul, >>>) and exact small divisions are used.

/** Murmur3's 32-bit finalizer: a good avalanche mix of one integer. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit seed for record `id` of stream `stream` under data-set seed `seed`. */
export function recordSeed(seed: number, stream: number, id: number): number {
  return mix32(mix32(seed ^ Math.imul(stream, 0x9e3779b1)) ^ Math.imul(id + 1, 0x85ebca77));
}

/** mulberry32: tiny, fast, 32-bit state; plenty for synthetic records. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Re-seeds in place (avoids an allocation per record in hot loops). */
  reset(seed: number): this {
    this.state = seed >>> 0;
    return this;
  }

  /** Uniform 32-bit unsigned integer. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [lo, hi] inclusive. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Index skewed towards the start of a list (common names first): P(i) falls off like a power law. */
  skewedIndex(n: number, power = 2.2): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), power)));
  }

  skewed<T>(items: readonly T[], power = 2.2): T {
    return items[this.skewedIndex(items.length, power)]!;
  }

  digits(count: number): string {
    let s = '';
    for (let i = 0; i < count; i++) s += String.fromCharCode(48 + this.int(10));
    return s;
  }
}

/**
 * A bijection on [0, modulus): x -> (x * multiplier + offset) mod modulus, with its inverse.
 * Gives every record a unique identifier (plate, OLN, CII...) computed from its id, and lets a
 * lookup turn an identifier back into the one id that could own it, without a hash map.
 */
export class AffinePermutation {
  private readonly m: bigint;
  private readonly a: bigint;
  private readonly b: bigint;
  private readonly aInverse: bigint;

  constructor(modulus: number, multiplier: number, offset: number) {
    this.m = BigInt(modulus);
    this.a = BigInt(multiplier) % this.m;
    this.b = BigInt(offset) % this.m;
    this.aInverse = modInverse(this.a, this.m);
  }

  forward(x: number): number {
    return Number((BigInt(x) * this.a + this.b) % this.m);
  }

  inverse(y: number): number {
    const v = ((BigInt(y) - this.b) % this.m + this.m) % this.m;
    return Number((v * this.aInverse) % this.m);
  }
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [a, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('multiplier is not invertible for this modulus');
  return ((oldS % m) + m) % m;
}
