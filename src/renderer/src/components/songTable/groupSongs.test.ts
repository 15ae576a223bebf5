import { describe, expect, it } from 'vitest';
import { groupAlbums, groupArtists, scopePositions } from './groupSongs';
import { buildSongIndex } from './songIndex';
import { sortSongs } from './sortSongs';
import { hueOf, initials } from './coverPlaceholder';
import type { TableSong } from './tableSong';

function song(id: number, artist: string | null, album: string | null): TableSong {
  return { id, title: `Song ${id}`, artist, album, durationSeconds: null, hasCover: false };
}

const songs = [
  song(0, 'Beta', 'Two'),
  song(1, 'alpha', 'One'),
  song(2, 'Beta', 'One'),
  song(3, 'alpha', 'One'),
  song(4, 'Gamma', 'One'), // same album name, another artist: another album
  song(5, null, null),
];
const index = buildSongIndex(songs);
const byArtist = sortSongs(index, { key: 'artist', direction: 'ascending' });

describe('grouping songs into albums and artists', () => {
  it('makes one album per artist and album name, in the songs’ order, with counts', () => {
    expect(groupAlbums(index, byArtist).map((a) => [a.artist, a.album, a.songCount])).toEqual([
      ['alpha', 'One', 2],
      ['Beta', 'One', 1],
      ['Beta', 'Two', 1],
      ['Gamma', 'One', 1],
      [null, null, 1],
    ]);
  });

  it('gives each album the cover of its first song that has one', () => {
    const covered = [
      song(0, 'A', 'X'),
      { ...song(1, 'A', 'X'), coverHash: 'b'.repeat(64) },
      { ...song(2, 'A', 'X'), coverHash: 'c'.repeat(64) },
      { ...song(3, 'B', 'Y'), coverHash: null },
    ];
    const coveredIndex = buildSongIndex(covered);
    const albums = groupAlbums(coveredIndex, [0, 1, 2, 3]);
    expect(albums.map((a) => a.cover)).toEqual([{ songId: 1, hash: 'b'.repeat(64) }, null]);
  });

  it('makes one artist per name with album and song counts', () => {
    expect(groupArtists(index, byArtist).map((a) => [a.artist, a.albumCount, a.songCount])).toEqual(
      [
        ['alpha', 1, 2],
        ['Beta', 2, 2],
        ['Gamma', 1, 1],
        [null, 1, 1],
      ],
    );
  });

  it('narrows songs to an album or an artist, keeping their order', () => {
    const album = { kind: 'album', artist: 'Beta', album: 'One' } as const;
    expect(scopePositions(index, byArtist, album)).toEqual([2]);
    expect(scopePositions(index, byArtist, { kind: 'artist', artist: 'Beta' })).toEqual([2, 0]);
    expect(scopePositions(index, byArtist, { kind: 'artist', artist: null })).toEqual([5]);
    expect(scopePositions(index, byArtist, null)).toBe(byArtist);
  });
});

describe('cover placeholders', () => {
  it('shows up to two initials and a stable hue per name', () => {
    expect(initials('Tidewave Sampler')).toBe('TS');
    expect(initials('émile   the third  man')).toBe('ÉT');
    expect(initials('(Live) 1999')).toBe('1');
    expect(initials(null)).toBe('?');
    expect(hueOf('Tidewave')).toBe(hueOf('Tidewave'));
    expect(hueOf('Tidewave')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Tidewave')).toBeLessThan(360);
  });
});
