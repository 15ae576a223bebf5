/** What the Up next live region says after a change to the queue (see QueueAnnouncer). */

/** Q (the end) or Shift+Q (the front) added a song. */
export function addedAnnouncement(title: string, where: 'front' | 'end'): string {
  return where === 'front' ? `${title} plays next.` : `${title} added to the queue.`;
}

/**
 * A new song list dropped queued songs (their files were deleted, or another library came): one
 * is named, several are counted; nothing gone, nothing said.
 */
export function removedAnnouncement(titles: readonly string[]): string {
  if (titles.length === 0) return '';
  if (titles.length === 1) return `Removed from Up next: ${titles[0]}.`;
  return `${titles.length} songs removed from Up next.`;
}
