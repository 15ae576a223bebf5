import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { LibraryScope } from '../components/songTable/groupSongs';
import {
  DEFAULT_SORT,
  nextSortOrder,
  type SortKey,
  type SortOrder,
} from '../components/songTable/tableSong';
import { readTableMemory, sessionStorageFor, type TableMemory } from './sessionMemory';

export type LibraryView = 'songs' | 'albums' | 'artists';

/** The songs view's rows in display order (sorted, scoped, filtered), as the table shows them. */
export interface VisibleRows {
  songs: ReadonlyArray<{ id: number }>;
  /** Positions into `songs`. */
  positions: readonly number[];
}

interface SongTableStore {
  sort: SortOrder;
  view: LibraryView;
  /** The album or artist the songs view is narrowed to, chosen in the other views. */
  scope: LibraryScope | null;
  /** A click on a column header. */
  sortBy(key: SortKey): void;
  setView(view: LibraryView): void;
  /** Shows the songs of one album or artist. */
  openScope(scope: LibraryScope): void;
  /** What Next follows when the queue is empty; null until the table has shown rows. */
  visible: VisibleRows | null;
  setVisible(visible: VisibleRows): void;
}

/** The ids of the visible rows, in order (made only when the next song is chosen). */
export function visibleIds({ songs, positions }: VisibleRows): number[] {
  return positions.map((p) => songs[p].id);
}

/** How the library is shown: the song table's sort order and the chosen view (remembered). */
export const useSongTableStore = create<SongTableStore>()(
  persist(
    (set, get) => ({
      sort: DEFAULT_SORT,
      view: 'songs',
      scope: null,
      sortBy(key) {
        set({ sort: nextSortOrder(get().sort, key) });
      },
      setView(view) {
        set({ view, scope: null });
      },
      openScope(scope) {
        set({ view: 'songs', scope });
      },
      visible: null,
      setVisible(visible) {
        set({ visible });
      },
    }),
    {
      name: 'tidewave.songTable',
      version: 1,
      storage: sessionStorageFor(readTableMemory),
      partialize: ({ sort, view }): TableMemory => ({ sort, view }),
      merge: (persisted, current) => ({ ...current, ...readTableMemory(persisted) }),
    },
  ),
);
