/** One song waiting in the Up next list; `key` tells apart two entries of the same song. */
export interface QueueEntry {
  key: number;
  songId: number;
}

/** The entries with new ones at the end ("add to queue") or at the front ("play next"). */
export function insertEntries(
  list: readonly QueueEntry[],
  added: readonly QueueEntry[],
  where: 'front' | 'end',
): QueueEntry[] {
  return where === 'front' ? [...added, ...list] : [...list, ...added];
}

export function removeEntry(list: readonly QueueEntry[], key: number): QueueEntry[] {
  return list.filter((entry) => entry.key !== key);
}

/**
 * The list with the entry at `from` moved to index `to` (clamped to the list); an index out of
 * range leaves the list as it was.
 */
export function moveEntry(list: readonly QueueEntry[], from: number, to: number): QueueEntry[] {
  if (from < 0 || from >= list.length) return [...list];
  const target = Math.min(list.length - 1, Math.max(0, to));
  const moved = [...list];
  const [entry] = moved.splice(from, 1);
  moved.splice(target, 0, entry);
  return moved;
}

/**
 * The entries following their songs into a new list: `newId` gives a song's id there (a renamed
 * file has a new one), or null when the song is gone, and its entry goes.
 */
export function followEntries(
  list: readonly QueueEntry[],
  newId: (songId: number) => number | null,
): QueueEntry[] {
  return list.flatMap((entry) => {
    const songId = newId(entry.songId);
    return songId === null ? [] : [{ ...entry, songId }];
  });
}
