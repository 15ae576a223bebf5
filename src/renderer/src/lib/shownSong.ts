import type { SongInfo } from '../../../shared/tidewaveApi';

/**
 * The song to name as playing: the listed song with `songId`, or the playing song the list
 * dropped (`departed`, which plays out) while the player is still on it. The departed song
 * comes first: a server whose ids are list positions may give its id to another song.
 */
export function shownSong(
  songs: readonly SongInfo[],
  departed: SongInfo | null,
  songId: number | null,
): SongInfo | null {
  if (songId === null) return null;
  if (departed?.id === songId) return departed;
  return songs.find((song) => song.id === songId) ?? null;
}

/**
 * What a refresh of the list leaves as the departed song: the one already kept while the player
 * is on it, or the playing song when the new list no longer has it (its `carried` id is null),
 * as it was listed before.
 */
export function departedAfter(
  before: readonly SongInfo[],
  carried: number | null,
  playingId: number | null,
  kept: SongInfo | null,
): SongInfo | null {
  if (playingId === null) return null;
  if (kept?.id === playingId) return kept;
  if (carried !== null) return null;
  return before.find((song) => song.id === playingId) ?? null;
}
