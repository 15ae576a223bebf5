/** Seeded randomness: every choice is reproducible, so re-running gives the same bytes. */

export type Rng = () => number;

/** mulberry32: tiny and fast; plenty for musical choices and noise, and fully reproducible. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

export function noise(rng: Rng): number {
  return rng() * 2 - 1;
}
