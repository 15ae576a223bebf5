import { create } from 'zustand';
import type { FoundLibraryInfo } from '../../../shared/tidewaveApi';
import { validateFoundLibraries } from '../../../shared/ipcValidation';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';
import { PushedSinceLoad } from '../lib/pushedSinceLoad';
import { useConnectionStore } from './connectionStore';

interface DiscoveryStore {
  /** The libraries announced on the network now, by name. */
  libraries: FoundLibraryInfo[];
  load(): Promise<void>;
  /** Main's list as it arrived: checked, since it comes off the network. */
  setLibraries(libraries: unknown): void;
  /** Connects to `host:port` proving `code`; main remembers it when the server accepts it. */
  connectWithCode(host: string, port: number, code: string): Promise<void>;
}

const order = new PushedSinceLoad();

export const useDiscoveryStore = create<DiscoveryStore>()((set, get) => ({
  libraries: [],

  load() {
    return order.load(
      () => api().getFoundLibraries(),
      (libraries) => get().setLibraries(libraries),
    );
  },

  setLibraries(libraries) {
    order.pushed();
    try {
      set({ libraries: validateFoundLibraries(libraries) });
    } catch (error) {
      console.warn('Ignored a malformed list of found libraries:', errorMessage(error));
    }
  },

  async connectWithCode(host, port, code) {
    const connection = useConnectionStore.getState();
    useConnectionStore.setState({
      busy: true,
      connection: { ...connection.connection, status: 'connecting', host, port, error: null },
    });
    try {
      connection.setConnection(await api().connectWithCode(host, port, code));
    } catch (error) {
      const now = useConnectionStore.getState().connection;
      connection.setConnection({ ...now, status: 'error', error: errorMessage(error) });
    } finally {
      useConnectionStore.setState({ busy: false });
    }
  },
}));
