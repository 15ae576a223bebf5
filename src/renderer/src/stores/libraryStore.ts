import { create } from 'zustand';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';

interface LibraryStore {
  songs: SongInfo[];
  filter: string;
  /** The row last clicked or focused; Play starts here when nothing is playing. */
  selectedId: number | null;
  loading: boolean;
  error: string | null;
  refresh(): Promise<void>;
  clear(): void;
  setFilter(filter: string): void;
  select(songId: number | null): void;
}

let refreshCount = 0;

export const useLibraryStore = create<LibraryStore>()((set) => ({
  songs: [],
  filter: '',
  selectedId: null,
  loading: false,
  error: null,

  async refresh() {
    const ticket = ++refreshCount;
    set({ loading: true, error: null });
    try {
      const songs = await api().listSongs();
      // A newer refresh (or a disconnect) wins over an older answer.
      if (ticket === refreshCount) set({ songs, loading: false });
    } catch (error) {
      if (ticket === refreshCount) set({ loading: false, error: errorMessage(error) });
    }
  },

  clear() {
    refreshCount++;
    set({ songs: [], loading: false, error: null, selectedId: null });
  },

  setFilter(filter) {
    set({ filter });
  },

  select(selectedId) {
    set({ selectedId });
  },
}));
