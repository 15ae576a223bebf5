/**
 * The row the song table shows when its sort order changes: the selected song's, else the
 * playing song's, so the song the person was at stays in sight; null (the list's top) when
 * neither is shown. Left where it was, the scroll position showed rows of the new order that had
 * nothing to do with anything (deep in a big library, the selection was lost from view).
 */
export function rowAfterSort(selectedRow: number, playingRow: number): number | null {
  if (selectedRow >= 0) return selectedRow;
  return playingRow >= 0 ? playingRow : null;
}
