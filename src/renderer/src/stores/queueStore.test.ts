import { beforeEach, describe, expect, it } from 'vitest';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import {
  resetPlaybackStores,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';
import { useQueueStore } from './queueStore';
import { useSongTableStore } from './songTableStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];

beforeEach(() => {
  ({ fake, engine } = resetPlaybackStores());
});

const player = () => usePlayerStore.getState();
const queue = () => useQueueStore.getState();
const requested = () => fake.api.play.mock.calls.map(([request]) => request.songId);

/** The song `songId` has fully arrived and little is left: time for the gapless request. */
async function nearEndOf(songId: number, streamId: number): Promise<void> {
  const stream = streamInfo(streamId, songId, { ended: true });
  engine.snap = {
    current: stream,
    newest: stream,
    positionSeconds: 28,
    bufferedAheadSeconds: 2,
    sounding: true,
  };
  player().tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await player().requests.chain;
}

describe('the queue store', () => {
  it('adds to the end, plays next at the front, removes, moves and clears', () => {
    queue().addToQueue([1, 2]);
    queue().playNext([0]);
    expect(queue().upNext.map((e) => e.songId)).toEqual([0, 1, 2]);
    queue().move(0, 2);
    expect(queue().upNext.map((e) => e.songId)).toEqual([1, 2, 0]);
    queue().addToQueue([1]);
    const [first] = queue().upNext;
    queue().remove(first.key);
    expect(queue().upNext.map((e) => e.songId)).toEqual([2, 0, 1]);
    expect(new Set(queue().upNext.map((e) => e.key)).size).toBe(3);
    queue().followSongs(
      (id) => (id === 2 ? null : id),
      () => null,
    ); // song 2 left the list
    expect(queue().upNext.map((e) => e.songId)).toEqual([0, 1]);
    queue().clear();
    expect(queue().upNext).toEqual([]);
  });

  it('keeps the titles a new song list takes out of the queue, for the announcement', () => {
    queue().addToQueue([1, 2, 3]);
    const title = (id: number) => `Song ${id}`;
    queue().followSongs((id) => (id === 2 ? null : id + 10), title);
    expect(queue().upNext.map((e) => e.songId)).toEqual([11, 13]);
    expect(queue().lastRemoved?.titles).toEqual(['Song 2']);
    expect(queue().lastAdded).toBeNull(); // the newer change is the one said
    const { key } = queue().lastRemoved ?? { key: 0 };
    expect(queue().upNext.map((e) => e.key)).not.toContain(key);
    // Ids that only moved: nothing removed, nothing new to say.
    queue().followSongs((id) => id - 10, title);
    expect(queue().lastRemoved?.key).toBe(key);
    queue().followSongs(() => null, title);
    expect(queue().lastRemoved?.titles).toEqual(['Song 1', 'Song 3']);
    queue().addToQueue([1]);
    expect(queue().lastRemoved).toBeNull();
  });

  it('cycles repeat and toggles shuffle and the panel', () => {
    queue().cycleRepeat();
    expect(queue().repeat).toBe('all');
    queue().setShuffle(true, 2);
    expect(queue()).toMatchObject({ shuffle: true, round: [2] });
    queue().togglePanel();
    expect(queue().panelOpen).toBe(true);
  });
});

describe('the player with a queue', () => {
  it('requests the queued songs gaplessly, in queue order, then goes on after the played song', async () => {
    await player().play(0);
    queue().addToQueue([2]);
    queue().playNext([1]);
    await nearEndOf(0, 1);
    await nearEndOf(1, 2);
    await nearEndOf(2, 3);
    expect(requested()).toEqual([0, 1, 2, 1]);
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 0 });
    expect(queue().upNext).toEqual([]);
  });

  it('with an empty queue, advances in the visible order of the table, not by id', async () => {
    // The table sorted descending and filtered to songs 2 and 0.
    useSongTableStore.getState().setVisible({ songs: fake.songs, positions: [2, 0] });
    await player().play(2);
    await nearEndOf(2, 1);
    expect(requested()).toEqual([2, 0]);
    // Song 0 is heard now, the last row shown: Next has nowhere to go with repeat off.
    const heard = streamInfo(2, 0, { ended: true });
    engine.snap = { ...engine.snap, current: heard, newest: heard };
    await player().next();
    expect(requested()).toEqual([2, 0]);
    await player().previous();
    expect(requested()).toEqual([2, 0, 2]);
  });

  it('Next takes the queue first; repeat one replays at the end; repeat all wraps', async () => {
    await player().play(1);
    queue().addToQueue([0]);
    await player().next();
    expect(requested()).toEqual([1, 0]);
    queue().cycleRepeat(); // all
    queue().cycleRepeat(); // one
    await nearEndOf(0, 2);
    expect(requested()).toEqual([1, 0, 0]);
    queue().cycleRepeat(); // off
    queue().cycleRepeat(); // all
    await player().play(2);
    await nearEndOf(2, 4);
    expect(requested()).toEqual([1, 0, 0, 2, 0]);
  });

  it('Next in the last seconds plays the song already asked for, which leaves the queue then', async () => {
    await player().play(0);
    queue().addToQueue([2]);
    await nearEndOf(0, 1);
    expect(requested()).toEqual([0, 2]);
    expect(queue().upNext.map((e) => e.songId)).toEqual([2]); // not heard yet
    // Song 0 still sounds; song 2 is the newest stream.
    engine.snap = { ...engine.snap, current: streamInfo(1, 0), newest: streamInfo(2, 2) };
    await player().next();
    expect(requested()).toEqual([0, 2, 2]);
    expect(queue().upNext).toEqual([]);
  });

  it('shuffle plays each song once before the end without repeat', async () => {
    queue().setShuffle(true, null);
    await player().play(1);
    await nearEndOf(1, 1);
    const second = requested()[1];
    await nearEndOf(second, 2);
    await nearEndOf(requested()[2], 3);
    expect(new Set(requested())).toEqual(new Set([0, 1, 2]));
    expect(requested()).toHaveLength(3);
  });
});
