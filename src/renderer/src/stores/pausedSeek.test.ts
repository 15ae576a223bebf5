import { beforeEach, describe, expect, it } from 'vitest';
import { installEngine } from '../audio/engineHolder';
import { installApi } from '../lib/api';
import { createFakeApi } from '../../../../test/support/renderer/fakeApi';
import { FakeEngine } from '../../../../test/support/renderer/fakeEngine';
import { useLibraryStore } from './libraryStore';
import { usePlayerStore } from './playerStore';

let fake: ReturnType<typeof createFakeApi>;
let engine: FakeEngine;
const initial = usePlayerStore.getState();
const player = () => usePlayerStore.getState();

beforeEach(() => {
  fake = createFakeApi();
  engine = new FakeEngine();
  installApi(fake.api);
  installEngine(engine);
  usePlayerStore.setState(initial, true);
  useLibraryStore.setState({ songs: fake.songs, selectedId: null });
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
});
