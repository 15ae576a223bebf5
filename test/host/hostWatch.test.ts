import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HostService } from '../../src/host';
import { PlaybackService } from '../../src/player';
import type { HostState, LibraryChange } from '../../src/shared/tidewaveApi';
import { waitFor } from '../support/serverHarness';
import { makeTempLibrary, type TempLibrary } from '../server/tempLibrary';

describe('the app hosting a folder that changes', () => {
  let library: TempLibrary;
  const host = new HostService({ pacing: false });
  const playback = new PlaybackService();
  afterEach(async () => {
    await playback.disconnect();
    await host.stop();
    await library.remove();
  });

  it('watches by default: the host state and the connected player learn of a song copied in', async () => {
    library = await makeTempLibrary({ 'one.mp3': randomBytes(20_000) });
    const state = await host.start({ folder: library.folder, port: 0, shareOnLan: false });
    expect(state.songCount).toBe(1);
    await playback.connect('127.0.0.1', state.port ?? 0);
    expect(await playback.listSongs()).toHaveLength(1);
    const changes: LibraryChange[] = [];
    const hostStates: HostState[] = [];
    playback.on('library', (change) => changes.push(change));
    host.on('changed', (next) => hostStates.push(next));

    await writeFile(path.join(library.folder, 'two.mp3'), randomBytes(20_000));
    await waitFor(() => changes.length === 1, 10_000);
    expect(changes).toEqual([{ songCount: 2 }]);
    expect(hostStates.map((s) => s.songCount)).toEqual([2]);
    expect(host.getState()).toMatchObject({ running: true, songCount: 2 });
    expect((await playback.listSongs()).map((song) => song.title).sort()).toEqual(['one', 'two']);

    await rm(path.join(library.folder, 'one.mp3'));
    await waitFor(() => changes.length === 2, 10_000);
    expect(changes[1]).toEqual({ songCount: 1 });
    host.removeAllListeners('changed');
  });

  it('hosts a fixed list with watching off', async () => {
    library = await makeTempLibrary({ 'one.mp3': randomBytes(20_000) });
    const fixed = new HostService({ pacing: false, watch: false });
    const state = await fixed.start({ folder: library.folder, port: 0, shareOnLan: false });
    await writeFile(path.join(library.folder, 'two.mp3'), randomBytes(20_000));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(fixed.getState().songCount).toBe(1);
    expect(state.songCount).toBe(1);
    await fixed.dispose();
  });
});
