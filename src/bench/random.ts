/**
 * A seeded pseudo-random generator for the benchmark corpus: the same seed gives the same corpus on every machine
 * (Math.random would make two bench runs measure different inputs).
 */

/** Draws from a seeded sequence. */
export interface Random {
  /** a float in [0, 1) */
  next(): number;
  /** an integer in [min, max] (both included); min when max < min */
  int(min: number, max: number): number;
  /** one element of `items`; throws on an empty list (a bug in the caller) */
  pick<T>(items: readonly T[]): T;
}

/**
 * A generator seeded with `seed` (any integer; only its low 32 bits count). mulberry32: small, fast and good enough
 * to vary test inputs; not for anything secret.
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => (max < min ? min : min + Math.floor(next() * (max - min + 1))),
    pick: (items) => {
      if (items.length === 0) throw new Error("pick needs a non-empty list");
      return items[Math.floor(next() * items.length)]!;
    },
  };
}
