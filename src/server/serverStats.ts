import type { ClientConnection } from './clientConnection';

export interface ServerStats {
  connectionCount: number;
  /** Bytes waiting in all sockets' userland buffers now. */
  queuedBytes: number;
  /** Most bytes any one connection ever had waiting in its userland buffer after a write. */
  peakQueuedBytes: number;
  /** Bytes the open connections have handed to the kernel so far. */
  bytesSent: number;
  /** Connections whose requests the server is not reading until their replies drain. */
  readingPaused: number;
  /** Request bytes received from all connections and not yet answered. */
  heldRequestBytes: number;
  /** Connections refused (over a cap) since the server started. */
  refused: number;
}

/** Sums the open connections' figures; the peak and refusals also count connections gone. */
export function collectStats(
  connections: ReadonlySet<ClientConnection>,
  peakQueuedBytes: number,
  refused: number,
): ServerStats {
  const stats = {
    connectionCount: connections.size,
    queuedBytes: 0,
    peakQueuedBytes,
    bytesSent: 0,
    readingPaused: 0,
    heldRequestBytes: 0,
    refused,
  };
  for (const connection of connections) {
    stats.queuedBytes += connection.queuedBytes;
    stats.peakQueuedBytes = Math.max(stats.peakQueuedBytes, connection.peakQueuedBytes);
    stats.bytesSent += connection.bytesSent;
    if (connection.readingPaused) stats.readingPaused += 1;
    stats.heldRequestBytes += connection.heldRequestBytes;
  }
  return stats;
}
