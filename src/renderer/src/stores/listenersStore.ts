import { create } from 'zustand';
import type { ListenerInfo } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';

interface ListenersStore {
  /** Who listens to the hosted library, as of the last refresh. */
  listeners: ListenerInfo[];
  /** When that refresh came (ms since the epoch), for the "connected for" column. */
  readAt: number;
  error: string | null;
  refresh(): Promise<void>;
  disconnect(id: number): Promise<void>;
  disconnectAll(): Promise<void>;
  clear(): void;
}

/** The host panel's listeners table; refreshed by polling while the panel shows it. */
export const useListenersStore = create<ListenersStore>()((set, get) => {
  async function run(action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      set({ error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  }
  return {
    listeners: [],
    readAt: 0,
    error: null,
    refresh: () =>
      run(async () => set({ listeners: await api().listListeners(), readAt: Date.now() })),
    disconnect: (id) =>
      run(async () => {
        await api().disconnectListener(id);
        await get().refresh();
      }),
    disconnectAll: () =>
      run(async () => {
        await api().disconnectAllListeners();
        await get().refresh();
      }),
    clear: () => set({ listeners: [], readAt: 0, error: null }),
  };
});
