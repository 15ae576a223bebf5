import { create } from 'zustand';
import { DISCONNECTED } from '../../../shared/defaults';
import type { ConnectionState } from '../../../shared/tidewaveApi';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';
import { PushedSinceLoad } from '../lib/pushedSinceLoad';
import { useSettings } from './settingsStore';

interface ConnectionStore {
  connection: ConnectionState;
  busy: boolean;
  /** After a Disconnect: whether the server answered quit; null before any disconnect. */
  quitAcknowledged: boolean | null;
  load(): Promise<void>;
  connect(host: string, port: number): Promise<void>;
  disconnect(): Promise<void>;
  /** Reconnects to the last host after an error. */
  retry(): Promise<void>;
  setConnection(connection: ConnectionState): void;
}

const order = new PushedSinceLoad();
/**
 * The newest connect; a Disconnect (which cancels a connect under way) makes it void too. A
 * cancelled connect settles later (a server that never answers times out): its failure is not
 * news, and its end must not mark a newer connect as done.
 */
let newestConnect = 0;

export const useConnectionStore = create<ConnectionStore>()((set, get) => ({
  connection: DISCONNECTED,
  busy: false,
  quitAcknowledged: null,

  load() {
    return order.load(
      () => api().getConnection(),
      (connection) => set({ connection }),
    );
  },

  async connect(host, port) {
    const mine = ++newestConnect;
    set({
      busy: true,
      quitAcknowledged: null,
      connection: { ...get().connection, status: 'connecting', host, port, error: null },
    });
    try {
      const connection = await api().connect(host, port);
      if (mine !== newestConnect) return;
      set({ connection });
      // The library last reached is the one the bar shows after a Disconnect, and the one the
      // app connects to on its next start (where its resume point belongs).
      if (connection.status === 'connected') void useSettings.getState().update({ host, port });
    } catch (error) {
      if (mine !== newestConnect) return;
      set({ connection: { ...get().connection, status: 'error', error: errorMessage(error) } });
    } finally {
      if (mine === newestConnect) set({ busy: false });
    }
  },

  async disconnect() {
    newestConnect++;
    // A cancelled connect had no server to say goodbye to: no note about its quit.
    const cancelling = get().connection.status === 'connecting';
    set({ busy: true });
    try {
      const { quitAcknowledged } = await api().disconnect();
      if (!cancelling) set({ quitAcknowledged });
    } catch (error) {
      set({ connection: { ...get().connection, status: 'error', error: errorMessage(error) } });
    } finally {
      set({ busy: false });
    }
  },

  retry() {
    const { host, port } = get().connection;
    return get().connect(host, port);
  },

  setConnection(connection) {
    order.pushed();
    set({ connection });
  },
}));
