import { useLayoutEffect, useRef, type RefObject } from 'react';
import { anchorAt, scrollTopFor, type ScrollAnchor } from './scrollAnchor';
import type { SongIndex } from './songIndex';

/**
 * Keeps the row at the top of the table in place when the song list is replaced (a refresh
 * after the library changed): returns the scroll handler that notes it.
 */
export function useScrollAnchor(
  scrollRef: RefObject<HTMLDivElement | null>,
  index: SongIndex,
  shown: readonly number[],
  rowHeight: number,
): () => void {
  const anchor = useRef<ScrollAnchor | null>(null);
  const view = useRef({ index, shown });
  const lastIndex = useRef(index);
  view.current = { index, shown };

  useLayoutEffect(() => {
    if (lastIndex.current === index) return;
    lastIndex.current = index;
    const element = scrollRef.current;
    if (!element || !anchor.current || element.scrollTop === 0) return;
    const songs = index.songs;
    const top = scrollTopFor(anchor.current, rowHeight, (id) =>
      shown.findIndex((p) => songs[p].id === id),
    );
    if (top !== null && top !== element.scrollTop) element.scrollTop = top;
  }, [index, shown, rowHeight, scrollRef]);

  return () => {
    const element = scrollRef.current;
    if (!element) return;
    const { index: current, shown: rows } = view.current;
    anchor.current = anchorAt(element.scrollTop, rowHeight, (row) =>
      rows[row] === undefined ? undefined : current.songs[rows[row]].id,
    );
  };
}
