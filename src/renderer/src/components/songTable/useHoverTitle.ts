import { useCallback, useLayoutEffect, useRef, type PointerEvent } from 'react';

/** The class of cells whose text may be cut (SongRow): they show all of it on hover. */
export const TRUNCATES_CLASS = 'truncates';

/**
 * The tooltip of a cell whose text may be cut, set only on the cell under the pointer.
 *
 * A `title` rendered on every cell changed on each reused row as the list scrolled, and a
 * changed `title` restyles its element (the UA stylesheet's `abbr[title]` rule puts the
 * attribute in Chromium's invalidation sets): three cells a row, five rows a frame. Here one
 * cell at most has a title, always its own text (after each render too: a reused row under a
 * resting pointer shows another song). Returns the tbody's pointer handlers.
 */
export function useHoverTitle(): {
  onPointerOver(event: PointerEvent<HTMLElement>): void;
  onPointerLeave(): void;
} {
  const titled = useRef<HTMLElement | null>(null);

  // After every render of the table: the titled cell may now hold another song's text.
  useLayoutEffect(() => {
    if (titled.current) showFullText(titled.current);
  });

  const onPointerOver = useCallback((event: PointerEvent<HTMLElement>) => {
    const target = event.target instanceof Element ? event.target : null;
    const cell = target?.closest<HTMLElement>(`td.${TRUNCATES_CLASS}`) ?? null;
    if (titled.current && titled.current !== cell) titled.current.removeAttribute('title');
    titled.current = cell;
    if (cell) showFullText(cell);
  }, []);

  const onPointerLeave = useCallback(() => {
    titled.current?.removeAttribute('title');
    titled.current = null;
  }, []);

  return { onPointerOver, onPointerLeave };
}

function showFullText(cell: HTMLElement): void {
  const text = cell.textContent ?? '';
  // Setting an equal value would still count as an attribute change.
  if (cell.title !== text) cell.title = text;
}
