import type { PlayStarted } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { api } from '../lib/api';

/**
 * Sends play and stop requests strictly one after another, so each one's flush happens after
 * the previous stream is known and refused; a request overtaken by a newer one before its turn
 * is never sent at all.
 */
let chain: Promise<unknown> = Promise.resolve();
let latest = 0;

export interface PlayOptions {
  songId: number;
  startSeconds: number;
  /** Append to the queue (gapless auto-advance) instead of replacing what plays. */
  append: boolean;
}

/** Resolves with the stream, or null when a newer request overtook this one. */
export function requestPlay({
  songId,
  startSeconds,
  append,
}: PlayOptions): Promise<PlayStarted | null> {
  const ticket = ++latest;
  if (!append) engine().flush();
  const turn = chain.then(async () => {
    if (ticket !== latest) return null;
    if (!append) engine().flush();
    const started = await api().play({ songId, startSeconds });
    engine().begin(started);
    return ticket === latest ? started : null;
  });
  chain = turn.catch(() => undefined);
  return turn;
}

export function requestStop(): Promise<void> {
  latest++;
  engine().flush();
  const turn = chain.then(async () => {
    engine().flush();
    await api().stop();
  });
  chain = turn.catch(() => undefined);
  return turn;
}

/** Overtakes any pending request without telling the server (e.g. the connection is gone). */
export function abandonRequests(): void {
  latest++;
  engine().flush();
}
