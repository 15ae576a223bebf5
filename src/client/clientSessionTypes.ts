/** The options, results and events of a ClientSession. */
import type { LibraryChange } from './changedNotice';

export interface ClientSessionOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  /** Bound on each reply, and on the first data of a play. */
  requestTimeoutMs?: number;
  /** Unread song bytes a SongStream holds before the socket pauses. */
  songHighWaterMark?: number;
  /** Unread song bytes a SongStream may hold while the listener pauses (pausedReading.ts). */
  pausedReadLimitBytes?: number;
  /** Bound on one packet from the server; the default fits a large library's list reply. */
  maxPacketBytes?: number;
  /** The library's access code: proved (never sent) before any request (docs/PROTOCOL.md §15). */
  accessCode?: string;
  /**
   * What to call this client in the host's listeners table: sent with `hello` to a server whose
   * list reply names that extension (docs/PROTOCOL.md §18), never to others.
   */
  clientName?: string;
  /** Receives notes about ignored packets and similar oddities. */
  log?: (message: string) => void;
}

export interface PlayOptions {
  /** Seconds into the song; seed-era servers ignore it and play from the start. */
  startSeconds?: number;
}

export interface SessionCloseInfo {
  reason: string;
  /** True when this side asked for the close (quit or close). */
  expected: boolean;
  /** The host disconnected this client on purpose (PROTOCOL §18.2): do not reconnect. */
  dismissed?: boolean;
}

export interface QuitResult {
  /** The server replied to quit before the connection closed. */
  acknowledged: boolean;
}

export type ClientSessionEvents = {
  close: [info: SessionCloseInfo];
  /** Socket errors, for information only: every failure also ends in 'close' with a reason. */
  error: [error: Error];
  /**
   * The server's library changed (a `changed` notice): list again to see it. The notice is
   * unasked, so it never settles a request waiting for its reply.
   */
  changed: [change: LibraryChange];
};
