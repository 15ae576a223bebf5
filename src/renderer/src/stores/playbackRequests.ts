import type { PlayStarted } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import type { DropOutcome } from '../audio/playbackEngine';
import { api } from '../lib/api';

/**
 * Play and stop requests go out strictly one after another, so each one's flush happens after
 * the previous stream is known and refused; a request overtaken by a newer one before its turn
 * is never sent at all. The queue lives in the player store (so a test resets it with the
 * store); these functions read and replace it there.
 */
export interface RequestQueue {
  /** Settles when the last request sent has been answered. */
  chain: Promise<unknown>;
  /** The newest request's ticket; an older ticket has been overtaken. */
  latest: number;
  /** `chain` has settled: no request is in flight or waiting its turn. */
  idle: boolean;
}

export const EMPTY_REQUEST_QUEUE: RequestQueue = {
  chain: Promise.resolve(),
  latest: 0,
  idle: true,
};

/**
 * Whether a new request goes out at once, in the caller's own task (a click's handler), rather
 * than in its turn after the chain: only when nothing is before it. Waiting even a microtask
 * lets the click's state changes run first, with every store subscriber they wake (the media
 * session, main's reports, the queue's memory), before the request leaves (click to sound).
 */
export function sendsAtOnce(queue: RequestQueue): boolean {
  return queue.idle;
}

/** Where the queue is kept. */
export interface RequestQueueHolder {
  get(): RequestQueue;
  set(queue: RequestQueue): void;
}

/** One song to ask main for (not to be confused with the client session's play options). */
export interface QueuedPlay {
  songId: number;
  startSeconds: number;
  /** Append to the queue (gapless auto-advance) instead of replacing what plays. */
  append: boolean;
}

function overtake(holder: RequestQueueHolder): number {
  const ticket = holder.get().latest + 1;
  holder.set({ ...holder.get(), latest: ticket });
  return ticket;
}

function enqueue<T>(holder: RequestQueueHolder, run: () => Promise<T>): Promise<T> {
  const queue = holder.get();
  const turn = sendsAtOnce(queue) ? run() : queue.chain.then(run);
  const chain = turn.catch(() => undefined);
  holder.set({ ...holder.get(), chain, idle: false });
  // A store reset meanwhile replaced the queue: its own chain says when it is idle.
  void chain.then(() => {
    if (holder.get().chain === chain) holder.set({ ...holder.get(), idle: true });
  });
  return turn;
}

/** Resolves with the stream, or null when a newer request overtook this one. */
export function requestPlay(
  holder: RequestQueueHolder,
  { songId, startSeconds, append }: QueuedPlay,
): Promise<PlayStarted | null> {
  const ticket = overtake(holder);
  const current = () => ticket === holder.get().latest;
  if (!append) engine().flush();
  return enqueue(holder, async () => {
    if (!current()) return null;
    if (!append) engine().flush();
    const started = await api().play({ songId, startSeconds });
    engine().begin(started);
    return current() ? started : null;
  });
}

export function requestStop(holder: RequestQueueHolder): Promise<void> {
  overtake(holder);
  engine().flush();
  return enqueue(holder, async () => {
    engine().flush();
    await api().stop();
  });
}

/**
 * Takes back the songs appended after the stream `keep` (readied to follow it, then removed or
 * moved in the queue): in its turn, after any append before it is answered, so its stream is
 * known and dropped. Main stops sending it; `keep`'s queued audio plays on. 'overtaken': a
 * newer play or stop came first (and drops everything anyway).
 */
export function requestUnready(
  holder: RequestQueueHolder,
  keep: number,
): Promise<DropOutcome | 'overtaken'> {
  const ticket = overtake(holder);
  return enqueue(holder, async () => {
    if (ticket !== holder.get().latest) return 'overtaken';
    const outcome = engine().dropAfter(keep);
    // Not connected: nothing is sent to stop, and the dropped audio is silent already.
    if (outcome === 'dropped')
      await api()
        .stop()
        .catch(() => undefined);
    return outcome;
  });
}

/** Overtakes any pending request without telling the server (e.g. the connection is gone). */
export function abandonRequests(holder: RequestQueueHolder): void {
  overtake(holder);
  engine().flush();
}
