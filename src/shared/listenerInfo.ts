/**
 * One connection to a hosted library, as the host sees it (the listeners table). Plain data, so
 * it crosses IPC as is; built on demand by the server's ListenerRegistry (src/server).
 */
export interface ListenerInfo {
  /** The server's number for this connection, unique while the server runs. */
  id: number;
  /** The listener's address: behind a PROXY v2 balancer, the one its header named. */
  address: string;
  port: number;
  /** What the client called itself with `hello` (PROTOCOL §18), cleaned; null if it did not. */
  name: string | null;
  /** The song it last asked for (kept after the song's bytes are all sent); null after `stop`. */
  songId: number | null;
  songTitle: string | null;
  /** When it connected, in milliseconds since the epoch. */
  since: number;
  /** Bytes handed to the kernel for it so far. */
  bytesSent: number;
}
