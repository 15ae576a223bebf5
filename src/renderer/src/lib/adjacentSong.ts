import type { SongInfo } from '../../../shared/tidewaveApi';

/**
 * The song after (offset 1) or before (offset -1) `currentId` in list order, or null at either
 * end. With no current song, "next" starts at the first song.
 */
export function adjacentSongId(
  songs: readonly SongInfo[],
  currentId: number | null,
  offset: 1 | -1,
): number | null {
  if (songs.length === 0) return null;
  if (currentId === null) return offset === 1 ? songs[0].id : null;
  const index = songs.findIndex((song) => song.id === currentId);
  if (index === -1) return offset === 1 ? songs[0].id : null;
  return songs[index + offset]?.id ?? null;
}
