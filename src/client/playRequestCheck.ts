import { startField } from '../protocol';

/** The largest song id the protocol carries (1 to 9 digits). */
const MAX_SONG_ID = 999_999_999;

/**
 * Why a play request cannot be sent as asked, or null when it can. Checked before anything is
 * written: a start of 1e308 would otherwise go out as "Infinity", which older servers read as
 * "from the start" and ours refuses.
 */
export function badPlayRequest(songId: number, startSeconds: number): RangeError | null {
  if (!Number.isInteger(songId) || songId < 0 || songId > MAX_SONG_ID) {
    return new RangeError(`Not a song id: ${songId}`);
  }
  if (startField(startSeconds) === null) {
    return new RangeError(`Not a start time in seconds: ${startSeconds}`);
  }
  return null;
}
