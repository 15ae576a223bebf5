import { beforeEach, describe, expect, it } from 'vitest';
import type { SongInfo } from '../../../shared/tidewaveApi';
import { installEngine } from '../audio/engineHolder';
import { installApi } from '../lib/api';
import { createFakeApi } from '../../../../test/support/renderer/fakeApi';
import { FakeEngine } from '../../../../test/support/renderer/fakeEngine';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { followLibraryChange } from './libraryChanges';

const song = (id: number, title: string): SongInfo => ({
  id,
  title,
  artist: 'Artist',
  album: 'Album',
  durationSeconds: 30,
  hasCover: false,
});

let fake: ReturnType<typeof createFakeApi>;
let engine: FakeEngine;
const initialPlayer = usePlayerStore.getState();

beforeEach(async () => {
  fake = createFakeApi();
  installApi(fake.api);
  engine = new FakeEngine();
  installEngine(engine);
  usePlayerStore.setState(initialPlayer, true);
  fake.api.listSongs.mockResolvedValueOnce([song(0, 'Alpha'), song(1, 'Beta'), song(2, 'Gamma')]);
  await useLibraryStore.getState().refresh();
  await usePlayerStore.getState().play(2); // playing Gamma; playing selects it
  useLibraryStore.getState().select(1); // then the person selects Beta
  useLibraryStore.getState().setFilter('a');
});

describe('following a library change', () => {
  it('keeps the selection, the playing song and the filter when ids are stable', async () => {
    fake.api.listSongs.mockResolvedValueOnce([song(1, 'Beta'), song(2, 'Gamma'), song(3, 'Delta')]);
    await followLibraryChange({ songCount: 3 });
    expect(useLibraryStore.getState().songs.map((s) => s.title)).toEqual([
      'Beta',
      'Gamma',
      'Delta',
    ]);
    expect(useLibraryStore.getState()).toMatchObject({
      selectedId: 1,
      filter: 'a',
      loading: false,
    });
    expect(usePlayerStore.getState()).toMatchObject({ songId: 2, status: 'playing' });
    expect(fake.api.stop).not.toHaveBeenCalled();
    expect(fake.api.play).toHaveBeenCalledTimes(1);
  });

  it('follows the selected and playing songs when the server renumbered them', async () => {
    // An album copied in sorts before them: a server whose ids are positions shifts both.
    fake.api.listSongs.mockResolvedValueOnce([
      song(0, 'Aardvark'),
      song(1, 'Alpha'),
      song(2, 'Beta'),
      song(3, 'Gamma'),
    ]);
    await followLibraryChange({ songCount: 4 });
    expect(useLibraryStore.getState().selectedId).toBe(2);
    expect(usePlayerStore.getState()).toMatchObject({ songId: 3, status: 'playing' });
    expect(fake.api.play).toHaveBeenCalledTimes(1);
    // The engine's streams, which the player follows on every tick, are renamed the same way.
    const [newId] = engine.renameSongs.mock.calls[0] as [(id: number) => number];
    expect([0, 1, 2].map(newId)).toEqual([1, 2, 3]);
  });

  it('drops the selection of a deleted song and keeps the list when the refresh fails', async () => {
    fake.api.listSongs.mockResolvedValueOnce([song(0, 'Alpha'), song(2, 'Gamma')]);
    await followLibraryChange({ songCount: 2 });
    expect(useLibraryStore.getState().selectedId).toBeNull();
    fake.api.listSongs.mockRejectedValueOnce(new Error('Not connected to a server'));
    await followLibraryChange({ songCount: null });
    expect(useLibraryStore.getState().songs).toHaveLength(2);
    expect(usePlayerStore.getState().songId).toBe(2);
  });

  it('keeps naming the playing song the list dropped, until another song plays', async () => {
    fake.api.listSongs.mockResolvedValueOnce([song(0, 'Alpha'), song(1, 'Beta')]);
    await followLibraryChange({ songCount: 2 });
    expect(usePlayerStore.getState()).toMatchObject({ songId: 2, status: 'playing' });
    expect(usePlayerStore.getState().departed).toMatchObject({ id: 2, title: 'Gamma' });
    // Another change (a song added) keeps it, as long as it plays.
    fake.api.listSongs.mockResolvedValueOnce([song(0, 'Alpha'), song(1, 'Beta'), song(3, 'D')]);
    await followLibraryChange({ songCount: 3 });
    expect(usePlayerStore.getState().departed).toMatchObject({ id: 2, title: 'Gamma' });
    await usePlayerStore.getState().play(0);
    expect(usePlayerStore.getState().departed).toBeNull();
  });

  it('refuses a malformed event payload', async () => {
    await expect(followLibraryChange({ songCount: -1 })).rejects.toThrow('songCount');
  });
});
