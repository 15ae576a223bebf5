/** What a key press on the song grid does: move the active row, play it, or nothing. */
export type GridAction = { kind: 'move'; index: number } | { kind: 'play'; index: number } | null;

/**
 * The grid's keys (the ARIA grid pattern, rows only): arrows move one row, PageUp/PageDown one
 * page, Home/End to the ends, Enter plays. `active` is -1 when no row is active yet, in which
 * case a movement key starts from the top. `pageSize` is the number of rows that fit.
 */
export function gridKeyAction(
  key: string,
  active: number,
  count: number,
  pageSize: number,
): GridAction {
  if (count === 0) return null;
  const last = count - 1;
  const page = Math.max(1, pageSize);
  const clamp = (index: number) => Math.min(last, Math.max(0, index));
  const none = active < 0 || active > last;
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: none ? 0 : clamp(active + 1) };
    case 'ArrowUp':
      return { kind: 'move', index: none ? 0 : clamp(active - 1) };
    case 'PageDown':
      return { kind: 'move', index: clamp((none ? 0 : active) + page) };
    case 'PageUp':
      return { kind: 'move', index: none ? 0 : clamp(active - page) };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: last };
    case 'Enter':
      return none ? null : { kind: 'play', index: active };
    default:
      return null;
  }
}

/** Rows that fit below the header, less one so that a page keeps one row of context. */
export function rowsPerPage(
  viewportHeight: number,
  headerHeight: number,
  rowHeight: number,
): number {
  return Math.max(1, Math.floor((viewportHeight - headerHeight) / rowHeight) - 1);
}
