import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { QUIT_CLOSE_TIMEOUT_MS } from '../../src/server/clientConnectionOptions';
import type { ConnectionState } from '../../src/shared/tidewaveApi';
import {
  BUNDLED_MUSIC,
  startTestServer,
  waitFor,
  type RunningServer,
} from '../support/serverHarness';
import { buildLongMp3 } from './support/longMp3';
import { StreamRecorder } from './support/streamRecorder';

const MAX_BUFFERED = 6;
/** Decoding may be slow on a loaded machine; a wait still ends as soon as the audio is in. */
const AUDIO_WAIT_MS = 30_000;

// PROTOCOL §18.2: the host lets a listener go while that player, its buffer full, is not reading.
describe('a listener the host disconnects while its buffer is full', () => {
  let folder: string;
  let running: RunningServer;
  let service: PlaybackService;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tidewave-disconnect-'));
    // 10 minutes, sent as fast as TCP lets it: far more than the socket buffers hold, so the
    // host's error waits behind song bytes until the player reads again.
    const long = buildLongMp3(join(BUNDLED_MUSIC, '02 - Glass Tide.mp3'), 20);
    await writeFile(join(folder, 'long.mp3'), long.bytes);
    running = await startTestServer({ folder, pacing: false });
    service = new PlaybackService({
      maxBufferedSeconds: MAX_BUFFERED,
      resumeBelowSeconds: 3,
      reconnect: { initialMs: 50, maxMs: 100, jitter: 0, maxAttempts: 3 },
    });
    await service.connect('127.0.0.1', running.port);
  });
  afterEach(async () => {
    await service.dispose();
    await running.server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('reads the host disconnected it once it reads again, and does not reconnect', async () => {
    const states: ConnectionState[] = [];
    service.on('connection', (state) => states.push(state));
    const recorder = new StreamRecorder(service, 'never'); // a renderer that plays nothing yet
    const { streamId } = await service.play({ songId: 0 });
    const full = () => recorder.secondsOf(streamId) >= MAX_BUFFERED && service.readingPaused;
    await recorder.waitUntil(full, AUDIO_WAIT_MS, 'a full buffer');
    const [row] = running.server.listeners.list();
    expect(running.server.listeners.disconnect(row.id)).toBe(true);
    // Held past the 2 s a peer gets to close after `quit`: the player plays its buffer down.
    await new Promise((resolve) => setTimeout(resolve, QUIT_CLOSE_TIMEOUT_MS + 1_000));
    expect(service.getConnection().status).toBe('connected'); // it has not read anything yet
    recorder.consume = 'instantly';
    service.reportBuffer(streamId, 0, recorder.secondsOf(streamId));
    await waitFor(() => service.getConnection().status !== 'connected', AUDIO_WAIT_MS);
    // The real reason, once, and no reconnect: not "The server reset the connection" and back.
    expect(service.getConnection()).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/host disconnected/i),
    });
    await new Promise((resolve) => setTimeout(resolve, 300)); // a reconnect would start at 50 ms
    expect(states.map((state) => state.status)).toEqual(['error']);
    // The server let the connection go once the player closed it, long before its 30 s bound.
    await waitFor(() => running.server.connectionCount === 0, 10_000);
  });
});
