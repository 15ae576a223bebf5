import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RequestTimeoutError } from './clientErrors';
import { PlaybackRouter } from './playbackRouter';
import { SongStream } from './songStream';

const TIMEOUT_MS = 1_000;

describe('PlaybackRouter: the first-data deadline of a play', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function begin() {
    const router = new PlaybackRouter(TIMEOUT_MS, () => {});
    const stream = new SongStream(
      0,
      10,
      () => {},
      () => {},
    );
    const failures: Error[] = [];
    const fail = stream.fail.bind(stream);
    stream.fail = (error: Error) => {
      failures.push(error);
      fail(error);
    };
    void stream.outcome(); // handles the stream's 'error' as the session's reader does
    router.begin(stream, false);
    return { router, stream, failures };
  }

  it('fails a play the server sends nothing for', () => {
    const { failures } = begin();
    vi.advanceTimersByTime(TIMEOUT_MS + 1);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(RequestTimeoutError);
  });

  // The resumed stream of a listener who paused before the drop: the player asks the new server
  // to hold it right after the play, so no byte comes, rightly, until the listener goes on.
  it('waits while the server is asked to hold the song, then gives a full deadline', () => {
    const { router, failures } = begin();
    router.serverHolding(true);
    vi.advanceTimersByTime(20 * TIMEOUT_MS);
    expect(failures).toEqual([]);
    router.serverHolding(false);
    vi.advanceTimersByTime(TIMEOUT_MS - 1);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(failures).toHaveLength(1);
  });

  it('a play whose bytes came is not failed by going on after a hold', () => {
    const { router, stream, failures } = begin();
    router.onPiece({ kind: 'data', bytes: Buffer.from([1, 2, 3]) }, false);
    router.serverHolding(true);
    router.serverHolding(false);
    vi.advanceTimersByTime(5 * TIMEOUT_MS);
    expect(failures).toEqual([]);
    expect(stream.bytesReceived).toBe(3);
  });
});
