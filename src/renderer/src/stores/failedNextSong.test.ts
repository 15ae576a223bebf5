import { beforeEach, describe, expect, it, vi } from 'vitest';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { failsAhead, followPlayback } from './followPlayback';
import { usePlayerStore } from './playerStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];
const player = () => usePlayerStore.getState();

beforeEach(() => {
  ({ fake, engine } = resetPlayerStore());
});

/** Song 0 (stream 1) sounds with `ahead` seconds left; song 1 (stream 2) was asked to follow. */
function followedBy(ahead: number) {
  return {
    current: streamInfo(1, 0, { ended: true }),
    newest: streamInfo(2, 1),
    positionSeconds: 27,
    bufferedAheadSeconds: ahead,
    sounding: true,
  };
}

describe('a song queued to follow that cannot be played', () => {
  const failed = { kind: 'error', streamId: 2, message: 'Could not decode this song' } as const;

  it('is an error about what follows only while the song before it has audio left', () => {
    expect(failsAhead(failed, followedBy(3))).toBe(true);
    expect(failsAhead(failed, followedBy(0))).toBe(false); // nothing left: it is what plays now
    expect(failsAhead({ ...failed, streamId: 1 }, followedBy(3))).toBe(false);
    const alone = { ...followedBy(3), newest: streamInfo(1, 0, { ended: true }) };
    expect(failsAhead({ ...failed, streamId: 1 }, alone)).toBe(false);
    expect(failsAhead({ kind: 'ended', streamId: 2 }, followedBy(3))).toBe(false);
  });

  /** Plays song 0 until song 1 is asked for gaplessly, as its last seconds near. */
  async function playUntilFollowed(): Promise<void> {
    await player().play(0);
    engine.snap = { ...followedBy(4.5), newest: streamInfo(1, 0, { ended: true }) };
    player().tick();
    await vi.waitFor(() => expect(player().advancing).toBe(false));
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    engine.snap = followedBy(3);
  }

  it('lets the song before it play out, shows the failure, and asks for nothing more', async () => {
    await playUntilFollowed();
    engine.flush.mockClear();
    player().handleStreamEvent(failed);
    expect(engine.flush).not.toHaveBeenCalled();
    expect(player()).toMatchObject({ status: 'playing', songId: 0 });
    expect(player().error).toEqual({
      message: 'Could not decode this song',
      songId: 1,
      startSeconds: 0,
    });
    // The engine marks the failed stream ended; with the error shown, no song is appended
    // after it, and once the song before it has played out, playback goes idle.
    engine.snap = { ...followedBy(3), newest: streamInfo(2, 1, { ended: true }) };
    expect(followPlayback(player(), engine.snap).advanceAfter).toBeNull();
    engine.snap = { ...engine.snap, bufferedAheadSeconds: 0, sounding: false };
    player().tick();
    expect(player().status).toBe('idle');
    expect(fake.api.play).toHaveBeenCalledTimes(2);
  });

  it('is passed over by Next, which goes to the song after it', async () => {
    await playUntilFollowed();
    player().handleStreamEvent(failed);
    await player().next();
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 2, startSeconds: 0 });
  });
});
