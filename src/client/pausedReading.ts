/**
 * Song bytes a session holds unread at most while it reads on through the listener's pause
 * (PROTOCOL §17, "Reading while paused"). Room for what a server may have in flight when its
 * hold begins (the socket buffers of both kernels, tens of KiB in Node, one batch) on a fast
 * link; a server that ignores the hold fills it and is then not read, as before.
 */
export const PAUSED_READ_LIMIT_BYTES = 16 * 1024 * 1024;

/**
 * Whether a session whose song reader is full still reads its socket: only while the server was
 * asked to hold the song for the listener's pause, and under the bound. The server then sends at
 * most one batch more, so reading on costs a bounded buffer, and a packet behind the song bytes
 * (the host's `disconnected by the host`, §18.2) is read during the pause, however long, instead
 * of being lost when the server stops waiting for this peer. A reader merely full (the renderer
 * holds enough) is not read: it reads again within seconds, and its song bytes wait in TCP.
 */
export function readsOnWhilePaused(
  heldForListener: boolean,
  unreadSongBytes: number,
  limitBytes = PAUSED_READ_LIMIT_BYTES,
): boolean {
  return heldForListener && unreadSongBytes < limitBytes;
}
