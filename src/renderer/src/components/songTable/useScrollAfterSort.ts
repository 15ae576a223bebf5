import { useLayoutEffect, useRef } from 'react';
import { rowAfterSort } from './sortScroll';
import type { SortOrder } from './tableSong';

/**
 * When the sort order changes, shows the row rowAfterSort picks (centred), or the list's top.
 * `rows` gives the selected and playing songs' rows in the newly sorted list.
 */
export function useScrollAfterSort(
  sort: SortOrder,
  rows: () => { selected: number; playing: number },
  scrollToRow: (row: number) => void,
  scrollToTop: () => void,
): void {
  const seen = useRef(sort);
  useLayoutEffect(() => {
    if (seen.current.key === sort.key && seen.current.direction === sort.direction) return;
    seen.current = sort;
    const { selected, playing } = rows();
    const row = rowAfterSort(selected, playing);
    if (row === null) scrollToTop();
    else scrollToRow(row);
    // Only a new order moves the list; the callbacks are new in every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sort]);
}
