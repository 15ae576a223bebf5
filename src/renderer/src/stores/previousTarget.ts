/** Past this far into a song, Previous starts it again instead of going back a song. */
export const RESTART_AFTER_SECONDS = 3;

/**
 * What Previous does, as in most players: a few seconds into a song it starts that song again
 * (the listener wants to hear it from the top); near its start it goes back a song. Paused or
 * stopped, the same: the place shown is what counts.
 */
export function previousTarget(
  songId: number | null,
  elapsedSeconds: number,
): 'restart' | 'previous' {
  return songId !== null && elapsedSeconds > RESTART_AFTER_SECONDS ? 'restart' : 'previous';
}
