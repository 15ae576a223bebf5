/** What one server allows its clients; docs/PROTOCOL.md §14 states each. */
export interface ConnectionLimits {
  /** Connections open at once; the next one is refused with an `error` packet. */
  maxConnections: number;
  /** Connections open at once from one remote address (IPv4-mapped IPv6 counts as IPv4). */
  maxConnectionsPerAddress: number;
  /**
   * How long a connection may take to send its first request, and to finish any request it has
   * begun (from the request's first byte to its `<END;>`). A connection with nothing unfinished
   * that has made a request is never timed out: a paused player says nothing for hours.
   */
  requestTimeoutMs: number;
  /**
   * Once this many reply bytes wait unsent in a connection's userland queue, the server reads
   * no more of its requests until the queue has drained.
   */
  maxQueuedReplyBytes: number;
  /**
   * After the host's `disconnected by the host` error, how long the connection may linger
   * half-closed for its peer to read the error and close (PROTOCOL §18.2.1); then it is dropped.
   */
  hostDisconnectCloseTimeoutMs: number;
}

/** File descriptors kept free for song files, the library, logs and Node itself. */
const RESERVED_FILES = 64;
/** The most connections by default, also when the open-file limit is unknown. */
const MAX_DEFAULT_CONNECTIONS = 512;
const MIN_DEFAULT_CONNECTIONS = 16;

export const DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
/**
 * As nginx's header timeout and MPD's connection timeout. The app and the terminal client ask
 * at once, but the seed's client connects and then waits for its user to type a command.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
/**
 * Longer than the 2 s a peer gets after `quit`: a player whose buffer is full does not read for
 * seconds (until it has played room free), and the error waits behind the song bytes already
 * queued for it. Dropped sooner, the error was lost with them, and the player's next write met a
 * reset: it saw a lost connection and reconnected (PROTOCOL §18.2). Bounded, so a peer that never
 * reads costs the server no more than 30 s of one connection.
 */
export const HOST_DISCONNECT_CLOSE_TIMEOUT_MS = 30_000;
/** Above what a song stream alone queues (64 KiB plus one batch), so streaming never pauses reads. */
export const DEFAULT_MAX_QUEUED_REPLY_BYTES = 128 * 1024;

/**
 * Each connection may hold two descriptors (its socket and one song file), so by default the
 * server admits no more connections than half the files it may open, less a reserve.
 */
export function defaultMaxConnections(openFileLimit: number | null): number {
  if (openFileLimit === null) return MAX_DEFAULT_CONNECTIONS;
  const fitting = Math.floor((openFileLimit - RESERVED_FILES) / 2);
  return Math.max(MIN_DEFAULT_CONNECTIONS, Math.min(MAX_DEFAULT_CONNECTIONS, fitting));
}

/** The given limits, with the defaults for those left out. @throws RangeError on a bad value. */
export function resolveConnectionLimits(
  given: Partial<ConnectionLimits>,
  openFileLimit: number | null,
): ConnectionLimits {
  const limits: ConnectionLimits = {
    maxConnections: given.maxConnections ?? defaultMaxConnections(openFileLimit),
    maxConnectionsPerAddress: given.maxConnectionsPerAddress ?? DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
    requestTimeoutMs: given.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    maxQueuedReplyBytes: given.maxQueuedReplyBytes ?? DEFAULT_MAX_QUEUED_REPLY_BYTES,
    hostDisconnectCloseTimeoutMs:
      given.hostDisconnectCloseTimeoutMs ?? HOST_DISCONNECT_CLOSE_TIMEOUT_MS,
  };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new RangeError(`${name} must be a positive integer, not ${String(value)}`);
    }
  }
  return limits;
}

export type Admission = { admit: true } | { admit: false; reason: string };

/** Whether one more connection from an address may open, given those open now. */
export function decideAdmission(
  limits: ConnectionLimits,
  openConnections: number,
  openFromAddress: number,
): Admission {
  if (openConnections >= limits.maxConnections) {
    return { admit: false, reason: `server busy: ${limits.maxConnections} connections open` };
  }
  if (openFromAddress >= limits.maxConnectionsPerAddress) {
    return {
      admit: false,
      reason: `too many connections from your address (${limits.maxConnectionsPerAddress})`,
    };
  }
  return { admit: true };
}

/** One key per host: `::ffff:10.0.0.1` and `10.0.0.1` are the same client. */
export function addressKey(remoteAddress: string | undefined): string {
  if (remoteAddress === undefined) return 'unknown';
  return remoteAddress.startsWith('::ffff:') ? remoteAddress.slice(7) : remoteAddress;
}

/**
 * Whether a connection's unsent replies are over `maxQueuedReplyBytes`, so its requests wait.
 * 'drain' only comes after a write() that returned false, which writableNeedDrain reports.
 */
export function repliesOverBound(
  output: { readonly writableNeedDrain: boolean; readonly writableLength: number },
  maxQueuedReplyBytes: number,
): boolean {
  return output.writableNeedDrain && output.writableLength >= maxQueuedReplyBytes;
}
