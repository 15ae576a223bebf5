import type { SongInfo } from '../../../src/shared/tidewaveApi';

/** A generated song: SongInfo plus the tags a newer server may send (track, disc, format). */
export interface BigSong extends SongInfo {
  track: number;
  disc: number;
  format: string;
}

const WORDS = [
  'amber',
  'harbor',
  'glass',
  'tide',
  'night',
  'ferry',
  'salt',
  'lantern',
  'north',
  'river',
  'quiet',
  'copper',
  'drift',
  'willow',
  'echo',
  'marble',
  'velvet',
  'orbit',
  'paper',
  'signal',
  'hollow',
  'meadow',
  'ember',
  'static',
  'violet',
  'kettle',
  'bramble',
  'juniper',
  'yonder',
  'zephyr',
];
const FORMATS = ['mp3', 'flac', 'ogg', 'opus'];

function capital(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/** A small deterministic generator (mulberry32), so every run sees the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` songs in artists of albums of tracks, with varied titles (repeats included) and
 * durations, ids in a shuffled order (so sorting by artist is not the id order), and a few
 * songs without an album. Nothing is written to disk.
 */
export function generateLibrary(count: number, seed = 9): BigSong[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const ids = Array.from({ length: count }, (_, i) => i);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  const songs: BigSong[] = [];
  for (let i = 0; i < count; i++) {
    const artistNo = Math.floor(i / 80);
    const albumNo = Math.floor(i / 20) % 4;
    const artist = `${capital(WORDS[artistNo % 30])} ${capital(WORDS[(artistNo * 7 + 3) % 30])} ${artistNo}`;
    songs.push({
      id: ids[i],
      title: `${capital(pick(WORDS))} ${pick(WORDS)} ${Math.floor(next() * 50)}`,
      artist,
      album:
        i % 997 === 5 ? null : `${capital(WORDS[(artistNo + albumNo * 11) % 30])} ${albumNo + 1}`,
      durationSeconds: 60 + Math.floor(next() * 400) + next(),
      hasCover: false,
      track: (i % 20) + 1,
      disc: i % 20 < 10 ? 1 : 2,
      format: pick(FORMATS),
    });
  }
  return songs.sort((a, b) => a.id - b.id);
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function compareText(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return collator.compare(a, b);
}

type TextKey = 'title' | 'artist' | 'album' | 'format';
type NumberKey = 'track' | 'durationSeconds';

/**
 * The order the table should show, computed the plain way (strings compared each time), to
 * check the app's ranked sort against: the column, then artist, album, disc, track, title, id.
 */
export function expectedOrder(
  songs: readonly BigSong[],
  key: TextKey | NumberKey,
  descending = false,
): BigSong[] {
  const sign = descending ? -1 : 1;
  const primary = (a: BigSong, b: BigSong): number => {
    if (key === 'track' || key === 'durationSeconds') return ((a[key] ?? 0) - (b[key] ?? 0)) * sign;
    const [x, y] = [a[key], b[key]];
    // Missing values stay last in either direction.
    return x === null || y === null ? compareText(x, y) : compareText(x, y) * sign;
  };
  return [...songs].sort(
    (a, b) =>
      primary(a, b) ||
      compareText(a.artist, b.artist) ||
      compareText(a.album, b.album) ||
      a.disc - b.disc ||
      a.track - b.track ||
      compareText(a.title, b.title) ||
      a.id - b.id,
  );
}

/** Songs whose title, artist or album contain every word of the query (ignoring case). */
export function expectedFilter(songs: readonly BigSong[], query: string): BigSong[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return songs.filter((song) =>
    words.every((word) =>
      [song.title, song.artist ?? '', song.album ?? ''].some((field) =>
        field.toLowerCase().includes(word),
      ),
    ),
  );
}
