import type { TableSong } from './tableSong';

/** Rank of a missing string or number: after every real value, in either direction. */
export const MISSING = 0xffffffff;

/**
 * What sorting and filtering need, computed at most once per song list: a lowercase search key per
 * song (so a keystroke costs one `includes` per song and word) and, per text column, each
 * song's rank in locale order (so a sort compares integers, not strings).
 */
export interface SongIndex {
  songs: readonly TableSong[];
  /** Lowercase "title artist album" of each song. */
  searchKeys: readonly string[];
  /** Lowercase title of each song, for type-ahead. */
  titleKeys: readonly string[];
  title: Uint32Array;
  artist: Uint32Array;
  album: Uint32Array;
  format: Uint32Array;
  /** NaN where the song has no value. */
  track: Float64Array;
  disc: Float64Array;
  duration: Float64Array;
  hasTrack: boolean;
  hasFormat: boolean;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * Each value's position in locale order (values the collator deems equal share a rank);
 * null and empty values get MISSING. Sorts the distinct values only, once.
 */
export function rankStrings(values: ReadonlyArray<string | null | undefined>): Uint32Array {
  const distinct = [...new Set(values.filter((v): v is string => !!v))].sort(collator.compare);
  const rankOf = new Map<string, number>();
  let rank = 0;
  distinct.forEach((value, i) => {
    if (i > 0 && collator.compare(distinct[i - 1], value) !== 0) rank = i;
    rankOf.set(value, rank);
  });
  return Uint32Array.from(values, (v) => (v ? (rankOf.get(v) ?? MISSING) : MISSING));
}

function numbers(values: ReadonlyArray<number | null | undefined>): Float64Array {
  return Float64Array.from(values, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
}

/** A value made on first use and kept. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/**
 * Search keys are made at once (the first keystroke needs them all); the locale ranks only
 * when a sort first needs them, so the list in the server's order paints without sorting
 * 20,000 titles first.
 */
export function buildSongIndex(songs: readonly TableSong[]): SongIndex {
  const title = lazy(() => rankStrings(songs.map((s) => s.title)));
  const artist = lazy(() => rankStrings(songs.map((s) => s.artist)));
  const album = lazy(() => rankStrings(songs.map((s) => s.album)));
  const format = lazy(() => rankStrings(songs.map((s) => s.format)));
  const track = lazy(() => numbers(songs.map((s) => s.track)));
  const disc = lazy(() => numbers(songs.map((s) => s.disc)));
  const duration = lazy(() => numbers(songs.map((s) => s.durationSeconds)));
  return {
    songs,
    searchKeys: songs.map((s) => `${s.title}\n${s.artist ?? ''}\n${s.album ?? ''}`.toLowerCase()),
    titleKeys: songs.map((s) => s.title.toLowerCase()),
    get title() {
      return title();
    },
    get artist() {
      return artist();
    },
    get album() {
      return album();
    },
    get format() {
      return format();
    },
    get track() {
      return track();
    },
    get disc() {
      return disc();
    },
    get duration() {
      return duration();
    },
    hasTrack: songs.some((s) => typeof s.track === 'number'),
    hasFormat: songs.some((s) => !!s.format),
  };
}
