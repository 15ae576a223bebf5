/** What the Up next live region says after a change to the queue (see QueueAnnouncer). */

/** Q (the end) or Shift+Q (the front) added a song. */
export function addedAnnouncement(title: string, where: 'front' | 'end'): string {
  return where === 'front' ? `${title} plays next.` : `${title} added to the queue.`;
}

/**
 * A new song list dropped queued songs (their files were deleted, or another library came): one
 * is named, several are counted, and so is one whose title the old list did not have (the first
 * list after a start or a disconnect: "Song 7" would name nothing the listener knows). Nothing
 * gone, nothing said.
 */
export function removedAnnouncement(titles: readonly (string | null)[]): string {
  const [only] = titles;
  if (titles.length === 0) return '';
  if (titles.length === 1 && only) return `Removed from Up next: ${only}.`;
  return titles.length === 1
    ? '1 song removed from Up next.'
    : `${titles.length} songs removed from Up next.`;
}
