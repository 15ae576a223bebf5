import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { gridTemplate, HEADER_HEIGHT, ROW_HEIGHT, type Column } from './columns';
import { gridKeyAction, rowsPerPage } from './gridKeys';
import { queueKeyAction, type QueuePlacement } from './queueKeys';
import type { SongIndex } from './songIndex';
import { parkSlots } from './parkedRows';
import { arrangeRows, NO_ROWS, type SlottedRow } from './rowSlots';
import { rowDomId, SongRow } from './SongRow';
import { SongTableHeader } from './SongTableHeader';
import type { SortKey, SortOrder, TableSong } from './tableSong';
import { EMPTY_TYPE_AHEAD, extendTypeAhead, findTypeAhead, isTypeAheadKey } from './typeAhead';
import { useHoverTitle } from './useHoverTitle';
import { useScrollAfterSort } from './useScrollAfterSort';
import { useScrollAnchor } from './useScrollAnchor';

const rowHeight = () => ROW_HEIGHT;
/** Above the list's first row by more than the header: out of the scrollable area for good. */
const PARKED_TOP = -2 * ROW_HEIGHT;

interface SongTableProps {
  index: SongIndex;
  /** Positions into index.songs, in display order. */
  shown: readonly number[];
  columns: readonly Column[];
  sort: SortOrder;
  onSort(key: SortKey): void;
  /** The filter text: when it changes, the list goes back to its top. */
  filter: string;
  selectedId: number | null;
  playingId: number | null;
  paused: boolean;
  onPlay(songId: number): void;
  onSelect(songId: number): void;
  /** Adds a song to the queue (row buttons, Q and Shift+Q). */
  onQueue(songId: number, placement: QueuePlacement): void;
  /** Shown under the header, e.g. why there are no rows. */
  children?: ReactNode;
}

/**
 * The songs as an ARIA grid with one Tab stop: focus stays on the table and
 * aria-activedescendant names the active row (the selected song), so rows can come and go
 * as the list scrolls. Only the rows in view (plus a few, plus the active one) are in the DOM.
 */
export function SongTable(props: SongTableProps) {
  const { index, shown, columns, sort, onSort, filter, selectedId, playingId, paused } = props;
  const { onPlay, onSelect, onQueue } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const typeAhead = useRef(EMPTY_TYPE_AHEAD);
  const arranged = useRef<readonly SlottedRow[]>(NO_ROWS);
  const arrangedFor = useRef(props.shown);
  const parked = useRef<readonly number[]>([]);
  // The song each slot last showed: a parked row keeps it (hidden) and is not rendered again.
  const slotSongs = useRef(new Map<number, TableSong>());
  const songs = index.songs;

  const activeIndex = useMemo(
    () => (selectedId === null ? -1 : shown.findIndex((p) => songs[p].id === selectedId)),
    [shown, songs, selectedId],
  );

  // The active row stays mounted even when scrolled away, so aria-activedescendant always
  // names an element.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      if (activeIndex < 0 || rows.includes(activeIndex)) return rows;
      return [...rows, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 6,
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    // No getItemKey: the virtualizer keys only its measured sizes by it, and every row has the
    // same fixed size (no measureElement). Its default (the index) never changes, so a new list
    // of the same length reuses the offsets, and a new length rebuilds them without reading
    // 20,000 songs scattered in memory (2–6 ms on the first letter, cold).
  });

  // A new song list (the library changed) keeps the top row where it was.
  const onScroll = useScrollAnchor(scrollRef, index, shown, ROW_HEIGHT);
  const hoverTitle = useHoverTitle();

  // A new order keeps the selected (or playing) song in sight.
  useScrollAfterSort(
    sort,
    () => ({
      selected: activeIndex,
      playing: playingId === null ? -1 : shown.findIndex((p) => songs[p].id === playingId),
    }),
    (row) => virtualizer.scrollToIndex(row, { align: 'center' }),
    () => scrollRef.current?.scrollTo({ top: 0 }),
  );

  // A new filter shows its first matches, not whatever sat at the old scroll position.
  useLayoutEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [filter]);

  // The filter text changed in this render: rows it leaves out are parked (parkedRows.ts).
  const filterSeen = useRef(filter);
  const refiltered = filterSeen.current !== filter;
  filterSeen.current = filter;

  const moveTo = (row: number) => {
    onSelect(songs[shown[row]].id);
    virtualizer.scrollToIndex(row, { align: 'auto' });
  };

  function onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
    // Keys on a header's sort button are that button's.
    if (event.target !== event.currentTarget) return;
    const now = event.timeStamp;
    const placement = queueKeyAction(event.key, event, typeAhead.current, now);
    if (placement && activeIndex >= 0) {
      onQueue(songs[shown[activeIndex]].id, placement);
      event.preventDefault();
      return;
    }
    if (isTypeAheadKey(event.key, event, typeAhead.current, now)) {
      typeAhead.current = extendTypeAhead(typeAhead.current, event.key, now);
      const found = findTypeAhead(shown, index.titleKeys, typeAhead.current.buffer, activeIndex);
      if (found >= 0) moveTo(found);
      event.preventDefault();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const viewport = scrollRef.current?.clientHeight ?? 0;
    const pageSize = rowsPerPage(viewport, HEADER_HEIGHT, ROW_HEIGHT);
    const action = gridKeyAction(event.key, activeIndex, shown.length, pageSize);
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'move') moveTo(action.index);
    else onPlay(songs[shown[action.index]].id);
  }

  function onFocus(event: FocusEvent<HTMLTableElement>) {
    // Arriving by Tab with nothing active: the first row becomes the active one.
    if (event.target === event.currentTarget && activeIndex < 0 && shown.length > 0) {
      onSelect(songs[shown[0]].id);
    }
  }

  const items = virtualizer.getVirtualItems();
  // Written during render: arrangeRows gives the same answer when React renders twice.
  const rows = arrangeRows(
    arranged.current,
    items.map((item) => ({ id: songs[shown[item.index]].id, index: item.index })),
    virtualizer.isScrolling,
    focusedSongId(scrollRef.current),
    arrangedFor.current !== shown,
    parked.current,
  );
  const parkedNow = parkSlots(arranged.current, parked.current, rows, refiltered);
  arranged.current = rows;
  arrangedFor.current = shown;
  parked.current = parkedNow;
  for (const row of rows) slotSongs.current.set(row.slot, songs[shown[row.index]]);
  const activeId = activeIndex >= 0 ? songs[shown[activeIndex]].id : null;
  return (
    <div className="song-table-scroll" ref={scrollRef} onScroll={onScroll}>
      <table
        className={activeId === null ? 'song-table no-active-row' : 'song-table'}
        role="grid"
        aria-label="Songs"
        aria-rowcount={shown.length + 1}
        aria-activedescendant={activeId === null ? undefined : rowDomId(activeId)}
        tabIndex={0}
        style={{ '--song-columns': gridTemplate(columns) } as CSSProperties}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        <SongTableHeader columns={columns} sort={sort} onSort={onSort} />
        <tbody
          style={{ height: virtualizer.getTotalSize() - HEADER_HEIGHT }}
          onPointerOver={hoverTitle.onPointerOver}
          onPointerLeave={hoverTitle.onPointerLeave}
        >
          {/* One list, so a row moving between shown and parked keeps its element (its key). */}
          {[
            ...rows.map((row) => {
              const song = songs[shown[row.index]];
              return (
                <SongRow
                  key={row.slot}
                  song={song}
                  columns={columns}
                  index={row.index}
                  top={row.index * ROW_HEIGHT}
                  playing={song.id === playingId}
                  paused={paused && song.id === playingId}
                  selected={song.id === selectedId}
                  onPlay={onPlay}
                  onSelect={onSelect}
                  onQueue={onQueue}
                />
              );
            }),
            ...parkedNow.map((slot) => {
              const song = slotSongs.current.get(slot);
              if (!song) return null;
              return (
                <SongRow
                  key={slot}
                  song={song}
                  columns={columns}
                  index={0}
                  top={PARKED_TOP}
                  playing={false}
                  paused={false}
                  selected={false}
                  parked
                  onPlay={onPlay}
                  onSelect={onSelect}
                  onQueue={onQueue}
                />
              );
            }),
          ]}
        </tbody>
      </table>
      {props.children}
    </div>
  );
}

/** The song of the row that holds the focus inside `root` (a clicked play button), or null. */
function focusedSongId(root: HTMLElement | null): number | null {
  const focused = document.activeElement;
  if (!root || !focused || !root.contains(focused)) return null;
  const id = focused.closest('tr')?.dataset.songId;
  return id === undefined ? null : Number(id);
}
