import type { Library } from '../library';
import { PacketType } from '../protocol';
import type { ServerAccess } from './accessGate';
import type { ConnectionLimits } from './connectionLimits';
import type { ListReplies } from './listReplies';
import type { LogBudget } from './logLimiter';
import type { ConnectionPeer } from './proxyGate';
import type { PacingOptions } from './streamPacer';

/** What the server serves now; read at each request, so a rescan takes effect at once. */
export interface ServedLibrary {
  readonly library: Library;
  readonly listReplies: ListReplies;
}

export interface ClientConnectionOptions {
  served: ServedLibrary;
  pacing: PacingOptions | false;
  limits: ConnectionLimits;
  /** The client as the PROXY header named it; the socket's own peer when left out. */
  peer?: Omit<ConnectionPeer, 'healthCheck'>;
  log: (line: string) => void;
  logBudget?: LogBudget;
  /** The library's access code (docs/PROTOCOL.md §15); none when left out. */
  access?: ServerAccess | null;
  /**
   * Told when the host lets this connection go: from then on it only lingers for its peer to read
   * why (PROTOCOL §18.2.1), and the server stops counting it against its address's cap.
   */
  onHostDisconnect?: () => void;
}

/**
 * Requests answered per connection, or milliseconds spent on them, before the server lets every
 * other connection have its turn (setImmediate): a peer that pipelines thousands of requests,
 * or costly ones, cannot stall the event loop for the others.
 */
export const REQUESTS_PER_TURN = 64;
export const TURN_BUDGET_MS = 2;

/**
 * After `quit`, how long the server waits for the client to close before it closes itself. After
 * the host's disconnect it waits longer: `limits.hostDisconnectCloseTimeoutMs` (connectionLimits.ts).
 */
export const QUIT_CLOSE_TIMEOUT_MS = 2_000;

export const REQUEST_TYPES: ReadonlySet<string> = new Set([
  PacketType.List,
  PacketType.Play,
  PacketType.Stop,
  PacketType.Quit,
  PacketType.Cover,
]);
