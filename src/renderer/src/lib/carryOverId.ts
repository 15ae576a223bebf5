import type { SongInfo } from '../../../shared/tidewaveApi';

/** What makes a song "the same song" to a listener when its id alone cannot say. */
function sameSong(a: SongInfo, b: SongInfo): boolean {
  return (
    a.title === b.title &&
    a.artist === b.artist &&
    a.album === b.album &&
    a.durationSeconds === b.durationSeconds
  );
}

/**
 * The id, in the list `after`, of the song that had `id` in the list `before` (a refresh after
 * the library changed), or null when that song is gone. Servers that keep ids across rescans
 * give the same id; a server whose ids are list positions may have moved the song, so a song
 * with the same tags is looked for; an id whose song was only retagged is kept.
 */
export function carryOverId(
  before: readonly SongInfo[],
  after: readonly SongInfo[],
  id: number | null,
): number | null {
  if (id === null) return null;
  const old = before.find((song) => song.id === id);
  const sameId = after.find((song) => song.id === id);
  if (!old) return sameId ? id : null;
  if (sameId && sameSong(old, sameId)) return id;
  const moved = after.find((song) => sameSong(old, song));
  if (moved) return moved.id;
  return sameId ? id : null;
}
