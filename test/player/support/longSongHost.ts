import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PlaybackService } from '../../../src/player';
import type { ConnectionLimits } from '../../../src/server';
import { BUNDLED_MUSIC, startTestServer, type RunningServer } from '../../support/serverHarness';
import { buildLongMp3 } from './longMp3';

/** Seconds the player buffers before it stops reading (it reads again below 3 s). */
export const MAX_BUFFERED = 6;

export interface LongSongHost {
  running: RunningServer;
  /** Connected, reconnecting quickly after a drop (50 ms, 3 attempts). */
  service: PlaybackService;
  dispose(): Promise<void>;
}

/**
 * A server with one 10-minute song, sent as fast as TCP lets it (far more than the socket
 * buffers hold, so a packet after it waits behind megabytes), and a player connected to it.
 */
export async function startLongSongHost(
  limits: Partial<ConnectionLimits> = {},
): Promise<LongSongHost> {
  const folder = await mkdtemp(join(tmpdir(), 'tidewave-long-song-'));
  const long = buildLongMp3(join(BUNDLED_MUSIC, '02 - Glass Tide.mp3'), 20);
  await writeFile(join(folder, 'long.mp3'), long.bytes);
  const running = await startTestServer({ folder, pacing: false, limits });
  const service = new PlaybackService({
    maxBufferedSeconds: MAX_BUFFERED,
    resumeBelowSeconds: 3,
    reconnect: { initialMs: 50, maxMs: 100, jitter: 0, maxAttempts: 3 },
  });
  await service.connect('127.0.0.1', running.port);
  return {
    running,
    service,
    dispose: async () => {
      await service.dispose();
      await running.server.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
