import { EventEmitter } from 'node:events';
import { DISCONNECTED_BY_HOST } from '../protocol';
import type { ListenerInfo } from '../shared/listenerInfo';

/** What a connection's requests tell about it; the request handler keeps it up to date. */
export interface ListenerState {
  /** The name of its `hello` (PROTOCOL §18), cleaned; null until it sends a non-empty one. */
  clientName: string | null;
  /** The song it last asked to play; null after `stop`. */
  nowPlaying: { id: number; title: string } | null;
  /** Set by the registry that lists the connection: told when a field above changes. */
  onChange?: () => void;
}

/** Changes what the listeners table shows of a connection and tells its registry. */
export function updateListener(
  state: ListenerState,
  change: Partial<Pick<ListenerState, 'clientName' | 'nowPlaying'>>,
): void {
  Object.assign(state, change);
  state.onChange?.();
}

/** What the registry needs of a connection: ClientConnection provides it. */
export interface Listener {
  readonly remoteAddress: string;
  readonly remotePort: number;
  /** Milliseconds since the epoch. */
  readonly connectedAt: number;
  readonly state: ListenerState;
  /** Sampled when asked: no cost per packet written. */
  readonly bytesSent: number;
  /** Sends `error` with `message`, then closes. */
  disconnect(message: string): void;
}

export { DISCONNECTED_BY_HOST };

/**
 * The connections a server has open, numbered, for the host's listeners table: each row is read
 * from its connection when the table is asked for, so keeping the table costs nothing while
 * nobody looks at it. Balancer health checks are never added. Emits `changed` when a listener
 * comes, goes, names itself or asks for a song (not for bytes sent: those change all the time).
 */
export class ListenerRegistry extends EventEmitter<{ changed: [] }> {
  private nextId = 1;
  private readonly open = new Map<number, Listener>();

  get size(): number {
    return this.open.size;
  }

  /** Adds a connection; returns its id and a function that removes it (call on close). */
  add(listener: Listener): { id: number; remove: () => void } {
    const id = this.nextId++;
    this.open.set(id, listener);
    listener.state.onChange = () => this.emit('changed');
    this.emit('changed');
    return {
      id,
      remove: () => {
        listener.state.onChange = undefined;
        if (this.open.delete(id)) this.emit('changed');
      },
    };
  }

  /** Every listener, in the order they connected. */
  list(): ListenerInfo[] {
    return [...this.open].map(([id, listener]) => ({
      id,
      address: listener.remoteAddress,
      port: listener.remotePort,
      name: listener.state.clientName,
      songId: listener.state.nowPlaying?.id ?? null,
      songTitle: listener.state.nowPlaying?.title ?? null,
      since: listener.connectedAt,
      bytesSent: listener.bytesSent,
    }));
  }

  /** Tells one listener it was let go and closes it; false when no listener has that id. */
  disconnect(id: number, message = DISCONNECTED_BY_HOST): boolean {
    const listener = this.open.get(id);
    if (listener === undefined) return false;
    this.open.delete(id);
    listener.state.onChange = undefined;
    listener.disconnect(message);
    this.emit('changed');
    return true;
  }

  /** Lets every listener go; returns how many there were. */
  disconnectAll(message = DISCONNECTED_BY_HOST): number {
    const all = [...this.open.values()];
    this.open.clear();
    for (const listener of all) {
      listener.state.onChange = undefined;
      listener.disconnect(message);
    }
    if (all.length > 0) this.emit('changed');
    return all.length;
  }
}
