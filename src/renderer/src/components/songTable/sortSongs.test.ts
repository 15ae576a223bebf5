import { describe, expect, it } from 'vitest';
import { buildSongIndex, rankStrings, MISSING } from './songIndex';
import { sortSongs } from './sortSongs';
import { DEFAULT_SORT, nextSortOrder, type SortKey, type TableSong } from './tableSong';

let nextId = 0;
function song(fields: Partial<TableSong> & { title: string }): TableSong {
  return {
    id: nextId++,
    artist: null,
    album: null,
    durationSeconds: null,
    hasCover: false,
    ...fields,
  };
}

function titles(songs: readonly TableSong[], key: SortKey, descending = false): string[] {
  const index = buildSongIndex(songs);
  const order = sortSongs(index, { key, direction: descending ? 'descending' : 'ascending' });
  return order.map((position) => songs[position].title);
}

describe('rankStrings', () => {
  it('ranks in locale order, ignoring case and accents, numbers by value, missing last', () => {
    const ranks = rankStrings(['b', 'Track 10', null, 'Émile', 'track 9', 'B', '', 'emile']);
    const [b, t10, none, emile1, t9, b2, empty, emile2] = ranks;
    expect(b).toBe(b2);
    expect(emile1).toBe(emile2);
    expect(b).toBeLessThan(emile1);
    expect(emile1).toBeLessThan(t9);
    expect(t9).toBeLessThan(t10);
    expect(none).toBe(MISSING);
    expect(empty).toBe(MISSING);
  });
});

describe('sortSongs', () => {
  const songs = [
    song({ title: 'Zebra', artist: 'Beta', album: 'Two', track: 2, disc: 1, durationSeconds: 100 }),
    song({ title: 'Apple', artist: 'Beta', album: 'Two', track: 1, disc: 1, durationSeconds: 300 }),
    song({ title: 'Mango', artist: 'alpha', album: 'One', track: 1, disc: 2, durationSeconds: 50 }),
    song({ title: 'Kiwi', artist: 'alpha', album: 'One', track: 3, disc: 1, durationSeconds: 200 }),
    song({ title: 'Lone', artist: null, album: null, durationSeconds: null }),
    song({ title: 'pear', artist: 'Beta', album: 'One', track: 7, format: 'flac' }),
  ];

  it('keeps the server order by id, and reverses it', () => {
    expect(titles(songs, 'id')).toEqual(['Zebra', 'Apple', 'Mango', 'Kiwi', 'Lone', 'pear']);
    expect(titles(songs, 'id', true)).toEqual(['pear', 'Lone', 'Kiwi', 'Mango', 'Apple', 'Zebra']);
  });

  it('sorts titles case-insensitively both ways', () => {
    expect(titles(songs, 'title')).toEqual(['Apple', 'Kiwi', 'Lone', 'Mango', 'pear', 'Zebra']);
    expect(titles(songs, 'title', true)).toEqual([
      'Zebra',
      'pear',
      'Mango',
      'Lone',
      'Kiwi',
      'Apple',
    ]);
  });

  it('breaks ties by artist, album, disc, then track, and puts missing values last', () => {
    expect(titles(songs, 'artist')).toEqual(['Kiwi', 'Mango', 'pear', 'Apple', 'Zebra', 'Lone']);
    // Descending reverses the artists only: inside one, albums and tracks stay ascending.
    expect(titles(songs, 'artist', true)).toEqual([
      'pear',
      'Apple',
      'Zebra',
      'Kiwi',
      'Mango',
      'Lone',
    ]);
    expect(titles(songs, 'album')).toEqual(['Kiwi', 'Mango', 'pear', 'Apple', 'Zebra', 'Lone']);
  });

  it('sorts numbers by value with missing ones last in either direction', () => {
    expect(titles(songs, 'duration')).toEqual(['Mango', 'Zebra', 'Kiwi', 'Apple', 'pear', 'Lone']);
    expect(titles(songs, 'duration', true)).toEqual([
      'Apple',
      'Kiwi',
      'Zebra',
      'Mango',
      'pear',
      'Lone',
    ]);
    expect(titles(songs, 'track')).toEqual(['Mango', 'Apple', 'Zebra', 'Kiwi', 'pear', 'Lone']);
    expect(titles(songs, 'format')[0]).toBe('pear');
  });

  it('is a permutation that does not depend on the input order', () => {
    const shuffled = [...songs].reverse();
    for (const key of ['title', 'artist', 'album', 'track', 'duration', 'format'] as const) {
      const sorted = titles(songs, key);
      expect(titles(shuffled, key)).toEqual(sorted);
      expect([...sorted].sort()).toEqual(songs.map((s) => s.title).sort());
    }
  });

  it('tells which optional columns the metadata has', () => {
    expect(buildSongIndex(songs)).toMatchObject({ hasTrack: true, hasFormat: true });
    expect(
      buildSongIndex(songs.slice(0, 1).map(({ title, id }) => song({ title, id }))),
    ).toMatchObject({ hasTrack: false, hasFormat: false });
  });
});

describe('nextSortOrder', () => {
  it('flips the direction of the same column and starts another ascending', () => {
    const byTitle = nextSortOrder(DEFAULT_SORT, 'title');
    expect(byTitle).toEqual({ key: 'title', direction: 'ascending' });
    expect(nextSortOrder(byTitle, 'title')).toEqual({ key: 'title', direction: 'descending' });
    expect(nextSortOrder(nextSortOrder(byTitle, 'title'), 'title').direction).toBe('ascending');
    expect(nextSortOrder({ key: 'title', direction: 'descending' }, 'artist')).toEqual({
      key: 'artist',
      direction: 'ascending',
    });
  });
});
