import { stepInOrder } from './contextOrder';
import type { QueueEntry } from './queueList';
import { drawShuffle, type Random } from './shuffleRound';

export type RepeatMode = 'off' | 'all' | 'one';

/**
 * How a song came to play: chosen in the table ("play now"), taken from the queue, chosen by
 * chooseNext, or gone back to by Previous. It decides what Next continues from.
 */
export type PlaySource = 'table' | 'queue' | 'next' | 'back';

/** What decides the next song: the Up next list first, then the table's order. */
export interface PlayOrderState {
  upNext: QueueEntry[];
  shuffle: boolean;
  repeat: RepeatMode;
  /** The last song played from the table's order: after the queue, play continues from it. */
  cursor: number | null;
  /** Songs already played in this shuffle round. */
  round: number[];
  /** Songs played, oldest first (bounded), for Previous in shuffle. */
  history: number[];
}

export const HISTORY_LIMIT = 200;

export interface NextChoice {
  songId: number;
  from: PlaySource;
  patch: Partial<PlayOrderState>;
}

/**
 * The song to play after `current`. `auto` is the gapless advance at a song's end, where
 * repeat one plays the same song again; Next (not auto) skips on even then. The queue comes
 * first; then the table's order (`context`) from the cursor, shuffled or not; repeat all wraps
 * and reshuffles. Null at the end: nothing more to play.
 */
export function chooseNext(
  state: PlayOrderState,
  context: readonly number[],
  current: number | null,
  auto: boolean,
  random: Random,
): NextChoice | null {
  if (auto && state.repeat === 'one' && current !== null) {
    return { songId: current, from: 'next', patch: {} };
  }
  const [first, ...rest] = state.upNext;
  if (first) return { songId: first.songId, from: 'queue', patch: { upNext: rest } };
  const wrap = state.repeat === 'all';
  if (state.shuffle) {
    const draw = drawShuffle(context, state.round, current, wrap, random);
    if (!draw) return null;
    const patch = { round: draw.round, cursor: draw.songId };
    return { songId: draw.songId, from: 'next', patch };
  }
  const songId = stepInOrder(context, state.cursor ?? current, 1, wrap);
  return songId === null ? null : { songId, from: 'next', patch: { cursor: songId } };
}

/**
 * The song Previous plays: in shuffle, the one played before the current one; otherwise the
 * one before it in the table's order (the current one again at the top, as a CD player does).
 */
export function choosePrevious(
  state: PlayOrderState,
  context: readonly number[],
  current: number | null,
): NextChoice | null {
  const { history } = state;
  if (state.shuffle && history.length >= 2) {
    const songId = history[history.length - 2];
    return { songId, from: 'back', patch: { history: history.slice(0, -1), cursor: songId } };
  }
  const songId = stepInOrder(context, current, -1, state.repeat === 'all') ?? current;
  return songId === null ? null : { songId, from: 'back', patch: { cursor: songId } };
}

/**
 * What changes when a song starts (after the choice's own patch): it joins the history unless
 * Previous went back to it, and when chosen in the table it becomes the cursor and counts as
 * played in the shuffle round.
 */
export function startedPatch(
  state: PlayOrderState,
  songId: number,
  from: PlaySource,
): Partial<PlayOrderState> {
  if (from === 'back') return {};
  const history = [...state.history, songId].slice(-HISTORY_LIMIT);
  if (from !== 'table') return { history };
  const round = state.round.includes(songId) ? state.round : [...state.round, songId];
  return { history, cursor: songId, round };
}

/** The repeat button's cycle: off → all → one → off. */
export function nextRepeatMode(mode: RepeatMode): RepeatMode {
  return mode === 'off' ? 'all' : mode === 'all' ? 'one' : 'off';
}
