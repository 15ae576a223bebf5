import { beforeEach, describe, expect, it } from 'vitest';
import {
  resetPlayerStore,
  type PlayerStoreFakes,
} from '../../../../test/support/renderer/playerStoreFakes';
import { usePlayerStore } from './playerStore';

let fake: PlayerStoreFakes['fake'];
let engine: PlayerStoreFakes['engine'];
const player = () => usePlayerStore.getState();

beforeEach(() => {
  ({ fake, engine } = resetPlayerStore());
});

// Found by the new-listener walk-through: a click on the progress bar while paused started the
// song playing. A paused player stays paused where the listener put it, as in other players.
describe('a seek while paused', () => {
  it('asks for the song from there, held paused, and plays only on Play', async () => {
    await player().play(1);
    await player().togglePlayPause();
    engine.resume.mockClear();
    fake.api.reportPaused.mockClear();
    await player().seek(14);
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 1, startSeconds: 14 });
    expect(engine.resume).not.toHaveBeenCalled();
    expect(fake.api.reportPaused.mock.calls).toEqual([[true]]); // the server holds it too
    expect(player()).toMatchObject({ status: 'paused', elapsedSeconds: 14, buffering: false });
    await player().togglePlayPause();
    expect(engine.resume).toHaveBeenCalledTimes(1);
    expect(player().status).toBe('playing');
    expect(fake.api.reportPaused.mock.calls).toEqual([[true], [false]]);
  });

  it('while playing still plays on from there', async () => {
    await player().play(1);
    engine.resume.mockClear();
    await player().seek(14);
    expect(engine.resume).toHaveBeenCalledTimes(1);
    expect(player()).toMatchObject({ status: 'playing', elapsedSeconds: 14 });
  });

  // Found by the third walk-through: End on the progress bar (or a click at its right end)
  // while paused went on to the next song, playing.
  it('past the end goes on to the next song, held paused at its start', async () => {
    await player().play(1);
    await player().togglePlayPause();
    engine.resume.mockClear();
    await player().seek(30); // the fake songs last 30 s
    expect(fake.api.play).toHaveBeenLastCalledWith({ songId: 2, startSeconds: 0 });
    expect(engine.resume).not.toHaveBeenCalled();
    expect(player()).toMatchObject({ status: 'paused', songId: 2, elapsedSeconds: 0 });
  });
});
