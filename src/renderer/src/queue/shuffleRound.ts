/** A number in [0, 1), like Math.random; tests pass a seeded one. */
export type Random = () => number;

export interface ShuffleDraw {
  songId: number;
  /** The songs played in the current round, this one included. */
  round: number[];
}

function pick(candidates: readonly number[], random: Random): number {
  const index = Math.min(candidates.length - 1, Math.floor(random() * candidates.length));
  return candidates[index];
}

/**
 * The next shuffled song of `pool`: one not yet played this round, so that no song comes back
 * before every song has played. Once all have, a new round starts only when `reshuffle` (repeat
 * all) is on, and never with `last` (the song that just played) when there is another choice.
 * Songs of the round that left the pool (the filter changed) no longer count.
 */
export function drawShuffle(
  pool: readonly number[],
  round: readonly number[],
  last: number | null,
  reshuffle: boolean,
  random: Random,
): ShuffleDraw | null {
  if (pool.length === 0) return null;
  const played = new Set(round);
  const remaining = pool.filter((id) => !played.has(id));
  if (remaining.length > 0) {
    const songId = pick(remaining, random);
    const inPool = new Set(pool);
    return { songId, round: [...round.filter((id) => inPool.has(id)), songId] };
  }
  if (!reshuffle) return null;
  const fresh = pool.length > 1 && last !== null ? pool.filter((id) => id !== last) : pool;
  const songId = pick(fresh, random);
  return { songId, round: [songId] };
}
