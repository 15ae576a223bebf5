import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_SONG_MESSAGE } from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import { BUNDLED_MUSIC, useTestServers } from '../support/serverHarness';
import { StreamRecorder } from './support/streamRecorder';

// An empty file in the library (or one still being copied in) is listed; a play of it used to
// end at once with no audio and no word, as if the song had played (found by the new-listener
// walk-through: Play did nothing).
describe('a song whose file is empty', () => {
  const servers = useTestServers();
  let service: PlaybackService;
  let recorder: StreamRecorder;

  beforeEach(async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'tidewave-empty-'));
    servers.onCleanup(() => rm(folder, { recursive: true, force: true }));
    await writeFile(path.join(folder, '02 - Empty.mp3'), '');
    const harbor = '01 - Harbor Lights.mp3';
    await copyFile(path.join(BUNDLED_MUSIC, harbor), path.join(folder, harbor));
    const running = await servers.start({ folder, pacing: false });
    service = new PlaybackService();
    servers.onCleanup(() => service.dispose());
    await service.connect('127.0.0.1', running.port);
    recorder = new StreamRecorder(service);
  });

  it('fails its stream with a clear error, and the next song plays', async () => {
    const songs = await service.listSongs();
    const empty = songs.find((song) => song.title.includes('Empty'));
    const other = songs.find((song) => song.title.includes('Harbor'));
    if (!empty || !other) throw new Error(`songs listed: ${JSON.stringify(songs)}`);
    const { streamId } = await service.play({ songId: empty.id });
    const failed = await recorder.waitForEvent(streamId, 'error');
    expect(failed).toMatchObject({ message: EMPTY_SONG_MESSAGE });
    expect(recorder.eventsOf(streamId).some((event) => event.kind === 'ended')).toBe(false);
    expect(recorder.secondsOf(streamId)).toBe(0);
    const next = await service.play({ songId: other.id });
    await recorder.waitUntil(() => recorder.secondsOf(next.streamId) > 0.5, 10_000, 'audio');
  });
});
