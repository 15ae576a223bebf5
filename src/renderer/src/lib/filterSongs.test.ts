import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { filterSongs } from './filterSongs';

function song(id: number, title: string, artist: string | null, album: string | null): SongInfo {
  return { id, title, artist, album, durationSeconds: null, hasCover: false };
}

const songs = [
  song(0, 'Harbor Lights', 'Tidewave Ensemble', 'Sampler'),
  song(1, 'Glass Tide', 'Someone Else', null),
  song(2, 'Night Ferry', null, 'Harbor Nights'),
];

describe('filterSongs', () => {
  it('returns every song for an empty or blank query', () => {
    expect(filterSongs(songs, '')).toEqual(songs);
    expect(filterSongs(songs, '   ')).toEqual(songs);
  });

  it('matches title, artist and album, ignoring case', () => {
    expect(filterSongs(songs, 'harbor').map((s) => s.id)).toEqual([0, 2]);
    expect(filterSongs(songs, 'SOMEONE').map((s) => s.id)).toEqual([1]);
  });

  it('requires every word to match', () => {
    expect(filterSongs(songs, 'harbor night').map((s) => s.id)).toEqual([2]);
    expect(filterSongs(songs, 'glass ferry')).toEqual([]);
  });
});
