import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaybackService } from '../../src/player';
import { QUIT_CLOSE_TIMEOUT_MS } from '../../src/server/clientConnectionOptions';
import type { ConnectionState } from '../../src/shared/tidewaveApi';
import { waitFor, type RunningServer } from '../support/serverHarness';
import { MAX_BUFFERED, startLongSongHost, type LongSongHost } from './support/longSongHost';
import { StreamRecorder } from './support/streamRecorder';

/** Decoding may be slow on a loaded machine; a wait still ends as soon as the audio is in. */
const AUDIO_WAIT_MS = 30_000;

// PROTOCOL §18.2: the host lets a listener go while that player, its buffer full, is not reading.
describe('a listener the host disconnects while its buffer is full', () => {
  let host: LongSongHost;
  let running: RunningServer;
  let service: PlaybackService;

  beforeEach(async () => {
    host = await startLongSongHost();
    ({ running, service } = host);
  });
  afterEach(() => host.dispose());

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
