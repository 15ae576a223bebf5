import { beforeEach, describe, expect, it } from 'vitest';
import { streamInfo } from '../../../../test/support/renderer/fakeEngine';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];

beforeEach(() => {
  ({ fake, engine } = resetPlayerStore());
});

const player = () => usePlayerStore.getState();

// Found by the new-listener walk-through: Next on the last song with repeat off did nothing.
describe('the end of the list', () => {
  it('Next on the last song, with nothing queued and repeat off, stops and says so', async () => {
    await player().play(2);
    await player().next();
    expect(player()).toMatchObject({ status: 'idle', songId: 2, endOfList: true });
    expect(fake.api.stop).toHaveBeenCalledTimes(1);
    expect(fake.api.play).toHaveBeenCalledTimes(1);
    // Play starts again from there, and the note goes.
    await player().togglePlayPause();
    expect(player()).toMatchObject({ status: 'playing', songId: 2, endOfList: false });
  });

  it('says so too when the last song plays out by itself', async () => {
    await player().play(2);
    const last = streamInfo(1, 2, { ended: true });
    engine.snap = {
      current: last,
      newest: last,
      positionSeconds: 30,
      bufferedAheadSeconds: 0,
      sounding: false,
    };
    player().tick();
    expect(player()).toMatchObject({ status: 'idle', endOfList: true });
  });

  it('Next before the last song goes on, with no note', async () => {
    await player().play(1);
    await player().next();
    expect(player()).toMatchObject({ status: 'playing', songId: 2, endOfList: false });
  });
});
