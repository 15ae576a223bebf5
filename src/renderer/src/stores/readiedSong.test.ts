import { beforeEach, describe, expect, it } from 'vitest';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import {
  resetPlaybackStores,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';
import { useQueueStore } from './queueStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];

beforeEach(() => {
  ({ fake, engine } = resetPlaybackStores());
});

const player = () => usePlayerStore.getState();
const queue = () => useQueueStore.getState();
const requested = () => fake.api.play.mock.calls.map(([request]) => request.songId);
const queuedSongs = () => queue().upNext.map((entry) => entry.songId);
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await player().requests.chain;
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/** Song 0 (stream 1) has arrived whole with 2 s left: the song after it is asked for. */
async function readyAfterSong0(): Promise<void> {
  await player().play(0);
  const song0 = streamInfo(1, 0, { ended: true });
  engine.snap = {
    current: song0,
    newest: song0,
    positionSeconds: 28,
    bufferedAheadSeconds: 2,
    sounding: true,
  };
  player().tick();
  await settled();
}

/** The engine with the readied song's stream 2 appended after song 0 (or, `dropped`, not). */
function appended(songId: number): void {
  engine.snap = { ...engine.snap, newest: streamInfo(2, songId) };
}

function dropped(): void {
  engine.snap = { ...engine.snap, newest: engine.snap.current };
}

// A queued song the gapless hand-over asks for in a song's last seconds stays in Up next until
// it is heard, and a change of the queue before then takes it back (readiedSongs.ts).
describe('a song readied to follow', () => {
  it('leaves Up next only once its audio is heard', async () => {
    queue().addToQueue([2]);
    await readyAfterSong0();
    expect(requested()).toEqual([0, 2]);
    expect(queuedSongs()).toEqual([2]);
    appended(2);
    player().tick();
    expect(queuedSongs()).toEqual([2]);
    engine.snap = { ...engine.snap, current: streamInfo(2, 2) };
    player().tick();
    expect(queuedSongs()).toEqual([]);
    expect(player().songId).toBe(2);
    expect(queue().history).toEqual([0, 2]);
  });

  it('removed before it is heard, is taken back, and the table order follows instead', async () => {
    queue().addToQueue([2]);
    await readyAfterSong0();
    appended(2);
    engine.flush.mockClear();
    queue().remove(queue().upNext[0].key);
    player().followQueue();
    await settled();
    expect(engine.dropAfter).toHaveBeenCalledWith(1);
    expect(fake.api.stop).toHaveBeenCalledTimes(1);
    expect(engine.flush).not.toHaveBeenCalled(); // song 0 plays on
    dropped();
    player().tick();
    await settled();
    expect(requested()).toEqual([0, 2, 1]);
  });

  it('removed while it is still being asked for, is taken back once main has answered', async () => {
    queue().addToQueue([2]);
    let answer: () => void = () => undefined;
    fake.api.play.mockImplementationOnce(async (request) => ({
      streamId: 1,
      songId: request.songId,
      startSeconds: 0,
    }));
    fake.api.play.mockImplementationOnce(async (request) => {
      await new Promise<void>((resolve) => (answer = resolve));
      return { streamId: 2, songId: request.songId, startSeconds: 0 };
    });
    void readyAfterSong0();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(requested()).toEqual([0, 2]);
    queue().remove(queue().upNext[0].key);
    player().followQueue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(engine.dropAfter).not.toHaveBeenCalled(); // its stream is not known yet
    answer();
    await settled();
    expect(engine.begin).toHaveBeenLastCalledWith({ streamId: 2, songId: 2, startSeconds: 0 });
    expect(engine.dropAfter).toHaveBeenCalledWith(1);
    expect(engine.dropAfter.mock.invocationCallOrder[0]).toBeGreaterThan(
      engine.begin.mock.invocationCallOrder[1],
    );
    expect(player()).toMatchObject({ advancing: false, unreadying: false });
  });

  it('moved down, the entry now first follows instead; shuffle or repeat all keep it', async () => {
    queue().addToQueue([1, 2]);
    await readyAfterSong0();
    appended(1);
    queue().move(0, 1);
    player().followQueue();
    await settled();
    dropped();
    player().tick();
    await settled();
    expect(requested()).toEqual([0, 1, 2]);
    expect(queuedSongs()).toEqual([2, 1]);
    // Shuffle and repeat all do not change what a queued song follows: nothing is taken back.
    queue().setShuffle(true, 0);
    queue().cycleRepeat();
    player().followQueue();
    await settled();
    expect(engine.dropAfter).toHaveBeenCalledTimes(1);
  });

  it('under repeat one, the song again is readied instead', async () => {
    queue().addToQueue([2]);
    await readyAfterSong0();
    appended(2);
    queue().cycleRepeat();
    queue().cycleRepeat();
    player().followQueue();
    await settled();
    dropped();
    player().tick();
    await settled();
    expect(requested()).toEqual([0, 2, 0]);
    expect(queuedSongs()).toEqual([2]);
  });

  it('taken back too late (already heard) plays as chosen and leaves the queue', async () => {
    queue().addToQueue([2, 1]);
    await readyAfterSong0();
    appended(2);
    engine.dropAfter.mockReturnValueOnce('too late');
    queue().playNext([1]);
    player().followQueue();
    await settled();
    expect(fake.api.stop).not.toHaveBeenCalled();
    expect(queuedSongs()).toEqual([1, 1]);
    player().tick();
    await settled();
    expect(requested()).toEqual([0, 2]);
  });

  it('stays in Up next when another song is played or playback stops first', async () => {
    queue().addToQueue([2]);
    await readyAfterSong0();
    await player().play(1);
    expect(queuedSongs()).toEqual([2]);
    expect(queue().readied).toEqual([]);
    await readyAfterSong0();
    await player().stop();
    expect(queuedSongs()).toEqual([2]);
    expect(queue().readied).toEqual([]);
  });
});
