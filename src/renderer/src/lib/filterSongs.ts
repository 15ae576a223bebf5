import type { SongInfo } from '../../../shared/tidewaveApi';

/** Songs whose title, artist or album contain every word of the query (case-insensitive). */
export function filterSongs(songs: readonly SongInfo[], query: string): SongInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...songs];
  return songs.filter((song) => {
    const text = [song.title, song.artist ?? '', song.album ?? ''].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
