/**
 * Where the song table is scrolled, as "this song's row, this many pixels scrolled past its
 * top" rather than a pixel offset, so that rows added or removed above it (a library change)
 * do not move what the person is looking at.
 */
export interface ScrollAnchor {
  songId: number;
  pastTopPx: number;
}

/** The anchor for `scrollTop`: the first row under the sticky header. */
export function anchorAt(
  scrollTop: number,
  rowHeight: number,
  shownIds: (row: number) => number | undefined,
): ScrollAnchor | null {
  const row = Math.max(0, Math.floor(scrollTop / rowHeight));
  const songId = shownIds(row);
  return songId === undefined ? null : { songId, pastTopPx: scrollTop - row * rowHeight };
}

/** The scrollTop that shows `anchor` where it was, or null when its song is no longer shown. */
export function scrollTopFor(
  anchor: ScrollAnchor,
  rowHeight: number,
  rowOf: (songId: number) => number,
): number | null {
  const row = rowOf(anchor.songId);
  return row < 0 ? null : row * rowHeight + anchor.pastTopPx;
}
