/** One arrow press on the progress bar. */
export const SEEK_STEP_SECONDS = 5;

/**
 * Where a key pressed on the progress bar (a slider) seeks to, or null when the key is not the
 * slider's. The keys of a slider (WAI-ARIA): Left/Down and Right/Up a step, PageDown/PageUp a
 * tenth of the song (at least a step), Home the start and End the end (which goes on to the next
 * song, as a click at the bar's right end does).
 */
export function seekKeyTarget(key: string, shown: number, duration: number): number | null {
  const page = Math.max(SEEK_STEP_SECONDS, duration / 10);
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return shown + SEEK_STEP_SECONDS;
    case 'ArrowLeft':
    case 'ArrowDown':
      return Math.max(0, shown - SEEK_STEP_SECONDS);
    case 'PageUp':
      return shown + page;
    case 'PageDown':
      return Math.max(0, shown - page);
    case 'Home':
      return 0;
    case 'End':
      return duration;
    default:
      return null;
  }
}
