/**
 * Where a seek goes: a position in the song, or on to the next song when it reaches the song's
 * end (ArrowRight on the progress bar in the last seconds, a click at its right end). The
 * server refuses a start past the end, and a start at it would play nothing.
 */
export function seekTarget(seconds: number, durationSeconds: number | null): number | 'next' {
  if (durationSeconds !== null && durationSeconds > 0 && seconds >= durationSeconds) return 'next';
  return Math.max(0, seconds);
}
