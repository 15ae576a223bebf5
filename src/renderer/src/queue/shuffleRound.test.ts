import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawShuffle, type Random } from './shuffleRound';

/** A seeded generator (mulberry32), so a failure can be replayed. */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws `count` songs in a row, as repeat all does, from a fresh round. */
function drawMany(pool: number[], count: number, random: Random): number[] {
  let round: number[] = [];
  let last: number | null = null;
  const played: number[] = [];
  for (let i = 0; i < count; i++) {
    const draw = drawShuffle(pool, round, last, true, random);
    if (!draw) throw new Error('a non-empty pool always has a song under repeat all');
    played.push(draw.songId);
    round = draw.round;
    last = draw.songId;
  }
  return played;
}

const pools = fc
  .uniqueArray(fc.nat(1000), { minLength: 1, maxLength: 40 })
  .map((ids) => ids.map((id) => id));

describe('shuffle rounds', () => {
  it('plays every song once before any comes back, over thousands of draws', () => {
    fc.assert(
      fc.property(pools, fc.integer(), (pool, seed) => {
        const played = drawMany(pool, 3000, seeded(seed));
        const inPool = new Set(pool);
        // Each run of pool.length draws from a round's start holds every song exactly once.
        for (let start = 0; start + pool.length <= played.length; start += pool.length) {
          const round = new Set(played.slice(start, start + pool.length));
          if (round.size !== pool.length || ![...round].every((id) => inPool.has(id))) {
            return false;
          }
        }
        return true;
      }),
      { numRuns: 30 },
    );
  });

  it('never starts a new round with the song that ended the last one', () => {
    fc.assert(
      fc.property(pools, fc.integer(), (pool, seed) => {
        const played = drawMany(pool, pool.length * 50, seeded(seed));
        if (pool.length === 1) {
          expect(new Set(played)).toEqual(new Set(pool));
          return;
        }
        return played.every((id, i) => i === 0 || id !== played[i - 1]);
      }),
      { numRuns: 60 },
    );
  });

  it('ends after one round without repeat, and on an empty pool', () => {
    const pool = [4, 5, 6];
    let round: number[] = [];
    const random = seeded(1);
    for (let i = 0; i < 3; i++) round = drawShuffle(pool, round, null, false, random)!.round;
    expect(drawShuffle(pool, round, 6, false, random)).toBeNull();
    expect(drawShuffle([], [], null, true, random)).toBeNull();
  });

  it('reaches every song first in some round (no song is starved)', () => {
    const pool = [1, 2, 3, 4, 5];
    const firsts = new Set<number>();
    const random = seeded(99);
    for (let i = 0; i < 200; i++) firsts.add(drawShuffle(pool, [], null, true, random)!.songId);
    expect(firsts).toEqual(new Set(pool));
  });

  it('forgets songs of the round that left the pool (a new filter)', () => {
    const draw = drawShuffle([1, 2], [1, 9], null, false, () => 0);
    expect(draw).toEqual({ songId: 2, round: [1, 2] });
  });
});
