import { describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { adjacentSongId } from './adjacentSong';

const songs: SongInfo[] = [4, 7, 9].map((id) => ({
  id,
  title: `Song ${id}`,
  artist: null,
  album: null,
  durationSeconds: 10,
  hasCover: false,
}));

describe('adjacentSongId', () => {
  it('steps forward and back in list order', () => {
    expect(adjacentSongId(songs, 7, 1)).toBe(9);
    expect(adjacentSongId(songs, 7, -1)).toBe(4);
  });

  it('stops at either end', () => {
    expect(adjacentSongId(songs, 9, 1)).toBeNull();
    expect(adjacentSongId(songs, 4, -1)).toBeNull();
  });

  it('starts at the first song when nothing (or an unknown song) is current', () => {
    expect(adjacentSongId(songs, null, 1)).toBe(4);
    expect(adjacentSongId(songs, 99, 1)).toBe(4);
    expect(adjacentSongId(songs, null, -1)).toBeNull();
    expect(adjacentSongId([], null, 1)).toBeNull();
  });
});
