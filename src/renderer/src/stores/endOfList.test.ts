import { beforeEach, describe, expect, it } from 'vitest';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';

let fake: PlayerStoreFakes['fake'];

beforeEach(() => {
  ({ fake } = resetPlayerStore());
});

const player = () => usePlayerStore.getState();

// Found by the new-listener walk-through: Next on the last song with repeat off did nothing.
// A list that plays out by itself says the same: playerStore.test.ts.
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

  it('a play while that stop is on its way is not the end of the list', async () => {
    // Found in review: the note was set once the stop was answered, over the new song.
    await player().play(2);
    let answer: () => void = () => {};
    fake.api.stop.mockImplementationOnce(
      () => new Promise<undefined>((resolve) => (answer = () => resolve(undefined))),
    );
    const next = player().next();
    const play = player().play(1); // a double click on a row, say
    answer();
    await Promise.all([next, play]);
    expect(player()).toMatchObject({ status: 'playing', songId: 1, endOfList: false });
  });

  it('every Next pressed there is counted, so the live region says each one', async () => {
    // A second press used to change no text, so a screen reader said nothing.
    await player().play(2);
    await player().next();
    expect(player().endNotes).toBe(1);
    await player().next();
    await player().next();
    expect(player()).toMatchObject({ status: 'idle', endOfList: true, endNotes: 3 });
    expect(fake.api.stop).toHaveBeenCalledTimes(1); // stopped once, said three times
    await player().play(1);
    expect(player()).toMatchObject({ endOfList: false, endNotes: 3 });
  });

  it('Next before the last song goes on, with no note', async () => {
    await player().play(1);
    await player().next();
    expect(player()).toMatchObject({ status: 'playing', songId: 2, endOfList: false });
  });
});
