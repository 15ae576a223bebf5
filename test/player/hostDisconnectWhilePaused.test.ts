import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaybackService } from '../../src/player';
import type { ConnectionState } from '../../src/shared/tidewaveApi';
import { waitFor, type RunningServer } from '../support/serverHarness';
import { MAX_BUFFERED, startLongSongHost, type LongSongHost } from './support/longSongHost';
import { StreamRecorder } from './support/streamRecorder';

/** Decoding may be slow on a loaded machine; a wait still ends as soon as the audio is in. */
const AUDIO_WAIT_MS = 30_000;
/** How long the server waits for a disconnected peer: 30 s by default, which a pause outlasts. */
const LINGER_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// PROTOCOL §17 and §18.2.1: the host lets a listener go while the person has paused, and the pause
// lasts longer than the server waits for that player to close.
describe('a listener the host disconnects while paused', () => {
  let host: LongSongHost;
  let running: RunningServer;
  let service: PlaybackService;

  beforeEach(async () => {
    // The song is sent as fast as TCP lets it: the host's error waits behind megabytes.
    host = await startLongSongHost({ hostDisconnectCloseTimeoutMs: LINGER_MS });
    ({ running, service } = host);
  });
  afterEach(() => host.dispose());

  it('says the host disconnected it, and does not play on when the person presses play', async () => {
    const states: ConnectionState[] = [];
    service.on('connection', (state) => states.push(state));
    const recorder = new StreamRecorder(service, 'never'); // paused: the renderer plays nothing
    const { streamId } = await service.play({ songId: 0 });
    const full = () => recorder.secondsOf(streamId) >= MAX_BUFFERED && service.readingPaused;
    await recorder.waitUntil(full, AUDIO_WAIT_MS, 'a full buffer');
    service.setPaused(true);
    const [row] = running.server.listeners.list();
    expect(running.server.listeners.disconnect(row.id)).toBe(true);
    // The server lets the connection go, the player's close or its own bound (the pause's
    // stand-in) first; the old player had read nothing and still showed itself connected.
    await waitFor(() => running.server.connectionCount === 0, AUDIO_WAIT_MS);
    await sleep(LINGER_MS);
    // The person presses play: the renderer plays again and asks for more.
    service.setPaused(false);
    recorder.consume = 'instantly';
    service.reportBuffer(streamId, 0, recorder.secondsOf(streamId));
    await waitFor(() => service.getConnection().status !== 'connected', AUDIO_WAIT_MS);
    expect(service.getConnection()).toMatchObject({
      status: 'error',
      error: expect.stringMatching(/host disconnected/i),
    });
    await sleep(300); // a reconnect would start at 50 ms
    // The old player read what was left, met the close or a reset, and reconnected: the host's
    // disconnect undone.
    expect(states.map((state) => state.status)).toEqual(['error']);
    expect(running.server.listeners.size).toBe(0);
    expect(recorder.eventsOf(streamId).map((event) => event.kind)).not.toContain('ended');
  });
});
