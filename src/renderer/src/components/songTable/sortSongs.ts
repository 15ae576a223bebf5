import { MISSING, type SongIndex } from './songIndex';
import type { SortKey, SortOrder } from './tableSong';

type Column = Uint32Array | Float64Array;

/** Missing values (MISSING ranks, NaN numbers) go last whatever the direction. */
function compareColumn(column: Column, a: number, b: number, sign: 1 | -1): number {
  const x = column[a];
  const y = column[b];
  const xMissing = Number.isNaN(x) || x === MISSING;
  const yMissing = Number.isNaN(y) || y === MISSING;
  if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
  return x === y ? 0 : x < y ? -sign : sign;
}

function primaryColumn(index: SongIndex, key: SortKey): Column | null {
  switch (key) {
    case 'title':
      return index.title;
    case 'artist':
      return index.artist;
    case 'album':
      return index.album;
    case 'track':
      return index.track;
    case 'duration':
      return index.duration;
    case 'format':
      return index.format;
    case 'id':
      return null;
  }
}

/**
 * Positions into `index.songs` in the given order. Ties on the chosen column fall back to
 * artist → album → disc → track → title → id, always ascending, so an album stays in
 * track order under any column and the result never depends on the sort algorithm.
 */
export function sortSongs(index: SongIndex, { key, direction }: SortOrder): number[] {
  const { songs } = index;
  const order = Array.from(songs.keys());
  const sign = direction === 'ascending' ? 1 : -1;
  if (key === 'id') {
    return order.sort((a, b) => (songs[a].id - songs[b].id) * sign);
  }
  const primary = primaryColumn(index, key);
  const then: Column[] = [index.artist, index.album, index.disc, index.track, index.title];
  return order.sort((a, b) => {
    if (primary) {
      const first = compareColumn(primary, a, b, sign);
      if (first !== 0) return first;
    }
    for (const column of then) {
      const next = compareColumn(column, a, b, 1);
      if (next !== 0) return next;
    }
    return songs[a].id - songs[b].id;
  });
}
