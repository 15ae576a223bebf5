import { create } from 'zustand';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { carryOverId } from '../lib/carryOverId';
import { errorMessage } from '../lib/errorMessage';

interface LibraryStore {
  songs: SongInfo[];
  filter: string;
  /** The row last clicked or focused; Play starts here when nothing is playing. */
  selectedId: number | null;
  loading: boolean;
  error: string | null;
  /** The newest refresh; an answer to an older one is dropped. */
  refreshTicket: number;
  refresh(): Promise<void>;
  clear(): void;
  setFilter(filter: string): void;
  select(songId: number | null): void;
}

export const useLibraryStore = create<LibraryStore>()((set, get) => ({
  songs: [],
  filter: '',
  selectedId: null,
  loading: false,
  error: null,
  refreshTicket: 0,

  async refresh() {
    const ticket = get().refreshTicket + 1;
    set({ loading: true, error: null, refreshTicket: ticket });
    try {
      const songs = await api().listSongs();
      // A newer refresh (or a disconnect) wins over an older answer.
      if (ticket !== get().refreshTicket) return;
      // The list may have changed under the selection (a `changed` notice): it follows its song.
      const selectedId = carryOverId(get().songs, songs, get().selectedId);
      set({ songs, loading: false, selectedId });
    } catch (error) {
      if (ticket === get().refreshTicket) set({ loading: false, error: errorMessage(error) });
    }
  },

  clear() {
    const refreshTicket = get().refreshTicket + 1;
    set({ songs: [], loading: false, error: null, selectedId: null, refreshTicket });
  },

  setFilter(filter) {
    set({ filter });
  },

  select(selectedId) {
    set({ selectedId });
  },
}));
