import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import type { BackoffOptions } from '../../src/player/reconnectBackoff';
import { MAX_BATCH_BYTES } from '../../src/server/streamPacer';
import type { ConnectionStatus } from '../../src/shared/tidewaveApi';
import { startSeedServer } from '../support/seedServer';
import { BUNDLED_MUSIC, useTestServers } from '../support/serverHarness';
import { fullPlay, played } from './support/fullPlay';
import { pcmChecksum, StreamRecorder } from './support/streamRecorder';

const QUICK: BackoffOptions = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };
/** 4x real time after a short burst: unheld, two seconds bring eight seconds of song. */
const PACED = { burstSeconds: 0.5, rateFactor: 4, maxLeadSeconds: 60 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds of song in one write's worth of play packets, what may be under way at a pause. */
async function secondsPerBatch(file: string): Promise<number> {
  const full = await fullPlay(file);
  const bytesPerSecond = (await stat(file)).size / (full[0].length / 44_100);
  return (MAX_BATCH_BYTES + 4 * 32) / bytesPerSecond;
}

// Issue 12 item 3: the player tells the server when the listener pauses (PROTOCOL §17), and
// the server holds the song, on real sockets, with a consumer that never holds the flow back.
describe(
  'the player asks the server to hold the song while the listener pauses',
  { timeout: 60_000 },
  () => {
    const servers = useTestServers();

    async function pausedWhilePlaying(reconnect: BackoffOptions | false = false) {
      const running = await servers.start({ pacing: PACED });
      const player = new PlaybackService({ reconnect, maxBufferedSeconds: 600 });
      servers.onCleanup(() => player.dispose());
      const recorder = new StreamRecorder(player);
      const statuses: ConnectionStatus[] = [];
      player.on('connection', (state) => statuses.push(state.status));
      await player.connect('127.0.0.1', running.port);
      const song = running.server.library.songs[0];
      const { streamId } = await player.play({ songId: song.id });
      await recorder.waitUntil(() => recorder.secondsOf(streamId) >= 2, 10_000, 'some audio');
      player.setPaused(true);
      const batch = await secondsPerBatch(song.absolutePath);
      return { player, recorder, streamId, song, statuses, batch };
    }

    /**
     * Seconds of the stream that arrive over `ms` from now, after what was under way: a second
     * for it to be decoded and counted (300 ms was too little for a full suite's load; unheld,
     * the 4x stream would bring 8 s of song in the window anyway).
     */
    async function arrivingOver(recorder: StreamRecorder, streamId: number, ms: number) {
      await sleep(1_000);
      const before = recorder.secondsOf(streamId);
      await sleep(ms);
      return recorder.secondsOf(streamId) - before;
    }

    it('holds while paused (at most one batch more), then the song goes on to its end', async () => {
      const { player, recorder, streamId, batch } = await pausedWhilePlaying();
      expect(await arrivingOver(recorder, streamId, 2_000)).toBeLessThanOrEqual(batch);
      player.setPaused(false);
      await recorder.waitForEvent(streamId, 'ended', 20_000);
    });

    it('a song resumed on a new connection while paused is held by that server too', async () => {
      const { player, recorder, streamId, song, statuses } = await pausedWhilePlaying(QUICK);
      const { port, server } = servers.running;
      await server.close();
      await recorder.waitUntil(() => statuses.includes('reconnecting'), 5_000, 'reconnecting');
      await servers.start({ pacing: PACED, port });
      await recorder.waitUntil(() => statuses.at(-1) === 'connected', 10_000, 'reconnected');
      // The new server's burst and one batch, not the rest of the song at 4x.
      const arrived = await arrivingOver(recorder, streamId, 2_000);
      expect(arrived).toBeLessThanOrEqual(
        PACED.burstSeconds + (await secondsPerBatch(song.absolutePath)),
      );
      player.setPaused(false);
      await recorder.waitForEvent(streamId, 'ended', 20_000);
      // The whole song, bit for bit, across the drop and the pause.
      const full = await fullPlay(song.absolutePath);
      expect(pcmChecksum([played(recorder, streamId)])).toBe(pcmChecksum([full]));
    });

    it('sends nothing new to a seed-era server (no `pause` named in its list reply)', async () => {
      const song = await readFile(path.join(BUNDLED_MUSIC, '02 - Glass Tide.mp3'));
      const seed = await startSeedServer([{ title: 'Glass Tide', bytes: song }]);
      servers.onCleanup(() => seed.close());
      const player = new PlaybackService({ maxBufferedSeconds: 600 });
      servers.onCleanup(() => player.dispose());
      const recorder = new StreamRecorder(player);
      await player.connect('127.0.0.1', seed.port);
      const { streamId } = await player.play({ songId: 0 });
      await recorder.waitUntil(() => recorder.secondsOf(streamId) > 1, 10_000, 'some audio');
      player.setPaused(true);
      await sleep(300);
      player.setPaused(false);
      player.setPaused(true);
      await player.stop();
      expect(seed.requests).not.toContain('pause');
      expect(seed.requests).not.toContain('resume');
      expect(seed.requests.filter((r) => r.startsWith('play'))).toEqual(['play 0']);
    });
  },
);
