import type { SongEntry } from '../library';
import { isStartField, parseSongId } from '../protocol';

export type PlayRequestCheck =
  { ok: true; song: SongEntry; startSeconds: number } | { ok: false; message: string };

/** How much of a bad field an error message quotes. */
const QUOTED_CHARACTERS = 40;

/**
 * Checks a `play` request's fields (id, optional SECONDS) against the library, per PROTOCOL §7
 * and §10: an unknown id, a start time that is not a plain decimal number (`Infinity`, `-1`,
 * `1e3`) and a start at or past the song's end are refused with a message for people.
 * `songs` are sorted by id.
 */
export function checkPlayRequest(
  fields: readonly Buffer[],
  songs: readonly SongEntry[],
): PlayRequestCheck {
  const id = parseSongId(fields[1]);
  const song = id === null ? undefined : findSongById(songs, id);
  if (!song) return { ok: false, message: `unknown song id ${id ?? quoteField(fields[1])}` };
  const field = fields[2];
  if (field === undefined || field.length === 0) return { ok: true, song, startSeconds: 0 };
  const text = field.toString('latin1');
  if (!isStartField(text)) {
    return { ok: false, message: `bad start time ${quoteField(field)} for song ${song.id}` };
  }
  const startSeconds = Number(text);
  const duration = song.durationSeconds;
  if (startSeconds > 0 && duration !== null && startSeconds >= duration) {
    return {
      ok: false,
      message: `start time ${text} s is past the end of song ${song.id} (${duration.toFixed(3)} s)`,
    };
  }
  return { ok: true, song, startSeconds };
}

/**
 * The song with this id in a list sorted by id. Ids are not positions: they stay with their
 * files across rescans, so a list may skip some (docs/PROTOCOL.md §4.1).
 */
export function findSongById(songs: readonly SongEntry[], id: number): SongEntry | undefined {
  let low = 0;
  let high = songs.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const candidate = songs[middle];
    if (candidate.id === id) return candidate;
    if (candidate.id < id) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * A field as JSON text, decoded as UTF-8 (what clients send) and cut to a few characters
 * without splitting one, so a non-ASCII id reads back as it was sent.
 */
export function quoteField(field: Buffer | undefined): string {
  const text = field?.toString('utf8') ?? '';
  return JSON.stringify([...text].slice(0, QUOTED_CHARACTERS).join(''));
}
