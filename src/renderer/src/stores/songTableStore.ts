import { create } from 'zustand';
import {
  DEFAULT_SORT,
  nextSortOrder,
  type SortKey,
  type SortOrder,
} from '../components/songTable/tableSong';

export type LibraryView = 'songs' | 'albums' | 'artists';

interface SongTableStore {
  sort: SortOrder;
  view: LibraryView;
  /** A click on a column header. */
  sortBy(key: SortKey): void;
  setView(view: LibraryView): void;
}

/** How the library is shown: the song table's sort order and the chosen view. */
export const useSongTableStore = create<SongTableStore>()((set, get) => ({
  sort: DEFAULT_SORT,
  view: 'songs',
  sortBy(key) {
    set({ sort: nextSortOrder(get().sort, key) });
  },
  setView(view) {
    set({ view });
  },
}));
