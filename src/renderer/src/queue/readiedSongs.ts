import { startedPatch, type NextChoice, type PlayOrderState, type RepeatMode } from './playOrder';
import { removeEntry } from './queueList';

/**
 * A song already asked for to follow gaplessly (appended after the stream `afterStream`) that
 * has not started yet. Until it starts it stays in Up next, and the queue is not changed: it
 * is only taken (startReadied) once its audio is heard, and dropped if the listener changes
 * the queue so that it no longer follows (readiedStillDue).
 */
export interface ReadiedSong {
  songId: number;
  from: NextChoice['from'];
  /** The Up next entry it comes from (a choice from the queue), else null. */
  key: number | null;
  /** The choice's changes to the play order (cursor, shuffle round), applied when it starts. */
  patch: Partial<PlayOrderState>;
  /** Shuffle and repeat as they were when it was chosen. */
  shuffle: boolean;
  repeat: RepeatMode;
  /** The stream it was appended after: it has started once a later stream is audible. */
  afterStream: number;
}

/** The readied song for `choice`, made in `state` after the stream `afterStream`. */
export function readiedFrom(
  choice: NextChoice,
  state: PlayOrderState,
  afterStream: number,
): ReadiedSong {
  const key = choice.from === 'queue' ? (state.upNext[0]?.key ?? null) : null;
  const { songId, from, patch } = choice;
  return { songId, from, key, patch, shuffle: state.shuffle, repeat: state.repeat, afterStream };
}

/**
 * What starting `song` changes: its Up next entry goes (found by its key: the list may have
 * changed since it was chosen), its choice's cursor and round apply, and it joins the history.
 */
export function startReadiedPatch(
  state: PlayOrderState,
  song: ReadiedSong,
): Partial<PlayOrderState> {
  const own: Partial<PlayOrderState> =
    song.key === null ? song.patch : { upNext: removeEntry(state.upNext, song.key) };
  return { ...own, ...startedPatch({ ...state, ...own }, song.songId, song.from) };
}

/** What starting each of `songs`, in order, changes. */
export function startReadiedSongsPatch(
  state: PlayOrderState,
  songs: readonly ReadiedSong[],
): Partial<PlayOrderState> {
  let patch: Partial<PlayOrderState> = {};
  for (const song of songs)
    patch = { ...patch, ...startReadiedPatch({ ...state, ...patch }, song) };
  return patch;
}

/** The play order as it will be once every readied song has started: the next choice's base. */
export function afterReadied(
  state: PlayOrderState,
  readied: readonly ReadiedSong[],
): PlayOrderState {
  return { ...state, ...startReadiedSongsPatch(state, readied) };
}

/** Whether `song` is still what chooseNext would pick next at its song's end in `state`. */
function stillFollows(state: PlayOrderState, song: ReadiedSong): boolean {
  // Repeat one plays the same song again whatever is queued.
  if (song.repeat === 'one') return state.repeat === 'one';
  if (state.repeat === 'one') return false;
  if (song.key !== null) return state.upNext[0]?.key === song.key;
  // A song from the table's order: only while nothing is queued before it, in the same mode.
  return (
    state.upNext.length === 0 && state.shuffle === song.shuffle && state.repeat === song.repeat
  );
}

/**
 * How many of the readied songs, in order, still follow the queue as it is now. The rest were
 * removed, moved or had something queued before them, or shuffle or repeat changed: they must
 * not play, and what follows is chosen again.
 */
export function readiedStillDue(state: PlayOrderState, readied: readonly ReadiedSong[]): number {
  let s = state;
  for (const [index, song] of readied.entries()) {
    if (!stillFollows(s, song)) return index;
    s = { ...s, ...startReadiedPatch(s, song) };
  }
  return readied.length;
}

/**
 * How many of the readied songs have started, given the stream audible now (or, in a gap, the
 * one that plays next): stream ids only grow, so each one whose stream before it is older than
 * the audible one is playing or has played.
 */
export function readiedStarted(readied: readonly ReadiedSong[], audible: number | null): number {
  if (audible === null) return 0;
  const waiting = readied.findIndex((song) => song.afterStream >= audible);
  return waiting === -1 ? readied.length : waiting;
}
