import { create } from 'zustand';
import type { HostActivity, ListenerInfo, RefusalInfo } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';

interface ListenersStore {
  /** Who listens to the hosted library, as main last pushed it. */
  listeners: ListenerInfo[];
  /** Addresses the access code refused, the latest first. */
  refusals: RefusalInfo[];
  /** When main read it (ms since the epoch). */
  readAt: number;
  error: string | null;
  /** Main's push (onHostActivity) or the load's answer; an older picture than shown is dropped. */
  setActivity(activity: HostActivity): void;
  /** The picture at start, before any push. */
  load(): Promise<void>;
  disconnect(id: number): Promise<void>;
  disconnectAll(): Promise<void>;
}

/** The same rows as before: kept as they were, so a component selecting them does not redraw. */
function same<T>(before: T[], now: T[]): boolean {
  return before.length === now.length && JSON.stringify(before) === JSON.stringify(now);
}

/**
 * The host panel's listeners table and refusals, pushed by main when they change (no polling).
 * Each part keeps its identity when unchanged, so narrow selectors redraw only what changed.
 */
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
    refusals: [],
    readAt: 0,
    error: null,
    setActivity: ({ listeners, refusals, readAt }) => {
      const before = get();
      // The start's load can answer after a newer push (they travel apart): the older one loses.
      // Not PushedSinceLoad: it drops only a late answer, not a push older than an earlier answer.
      if (readAt < before.readAt) return;
      set({
        listeners: same(before.listeners, listeners) ? before.listeners : listeners,
        refusals: same(before.refusals, refusals) ? before.refusals : refusals,
        readAt,
      });
    },
    load: () => run(async () => get().setActivity(await api().getHostActivity())),
    // The change comes back as a push: nothing to read again here.
    disconnect: (id) => run(() => api().disconnectListener(id)),
    disconnectAll: () => run(() => api().disconnectAllListeners()),
  };
});
