import { create } from 'zustand';
import { STOPPED_HOST, type HostRequest, type HostState } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';
import { PushedSinceLoad } from '../lib/pushedSinceLoad';

interface HostStore {
  host: HostState;
  panelOpen: boolean;
  /** The host panel's details while hosting (it shows a summary), kept while it is closed. */
  detailsOpen: boolean;
  busy: boolean;
  load(): Promise<void>;
  togglePanel(): void;
  toggleDetails(): void;
  /** Asks for a folder; null when the person cancelled. */
  pickFolder(): Promise<string | null>;
  start(request: HostRequest): Promise<void>;
  stop(): Promise<void>;
  setHost(host: HostState): void;
}

export const useHostStore = create<HostStore>()((set, get) => {
  const order = new PushedSinceLoad();
  async function run(action: () => Promise<HostState>): Promise<void> {
    set({ busy: true });
    try {
      set({ host: await action() });
    } catch (error) {
      set({ host: { ...get().host, error: errorMessage(error) } });
    } finally {
      set({ busy: false });
    }
  }

  return {
    host: STOPPED_HOST,
    panelOpen: false,
    detailsOpen: false,
    busy: false,

    load() {
      return order.load(
        () => api().getHost(),
        (host) => set({ host }),
      );
    },

    togglePanel() {
      set({ panelOpen: !get().panelOpen });
    },

    toggleDetails() {
      set({ detailsOpen: !get().detailsOpen });
    },

    pickFolder() {
      return api().pickFolder();
    },

    start(request) {
      return run(() => api().startHost(request));
    },

    stop() {
      return run(() => api().stopHost());
    },

    setHost(host) {
      order.pushed();
      set({ host });
    },
  };
});
