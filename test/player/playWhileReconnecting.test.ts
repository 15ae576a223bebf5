import { describe, expect, it } from 'vitest';
import { PlaybackService } from '../../src/player';
import { NOT_RECONNECTED } from '../../src/player/dropRecovery';
import type { BackoffOptions } from '../../src/player/reconnectBackoff';
import { useTestServers } from '../support/serverHarness';
import { expectFullPlay, fullPlay, played } from './support/fullPlay';
import { StreamRecorder } from './support/streamRecorder';

const QUICK: BackoffOptions = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The song after the one playing is asked for as that one's audio has all arrived: when the
// server is away then, it waits for the reconnect, as a cut song does, instead of failing.
describe('a song asked for while the player reconnects', { timeout: 60_000 }, () => {
  const servers = useTestServers();

  /** A player that has received all of song 0's end and then lost its server. */
  async function droppedAfterASong(reconnect = QUICK) {
    const { port } = await servers.start({ pacing: false });
    const player = new PlaybackService({ reconnect });
    servers.onCleanup(() => player.dispose());
    const recorder = new StreamRecorder(player);
    await player.connect('127.0.0.1', port);
    const first = await player.play({ songId: 0, startSeconds: 27 });
    await recorder.waitForEvent(first.streamId, 'ended', 10_000);
    await servers.running.server.close();
    await recorder.waitUntil(
      () => player.getConnection().status === 'reconnecting',
      5000,
      'reconnecting',
    );
    return { port, player, recorder };
  }

  it('plays, whole, once the server is back', async () => {
    const { port, player, recorder } = await droppedAfterASong();
    const { streamId } = await player.play({ songId: 1 });
    await sleep(1000);
    expect(player.getConnection().status).toBe('reconnecting');
    await servers.start({ pacing: false, port });
    await recorder.waitForEvent(streamId, 'ended', 20_000);
    const song = servers.running.server.library.songs[1];
    expectFullPlay(played(recorder, streamId), await fullPlay(song.absolutePath), 0, 0);
    const kinds = recorder.eventsOf(streamId).map((event) => event.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
  });

  it('is told the connection did not come back when reconnecting gives up', async () => {
    const { player, recorder } = await droppedAfterASong({ ...QUICK, maxAttempts: 3 });
    const { streamId } = await player.play({ songId: 1 });
    await recorder.waitForEvent(streamId, 'error', 10_000);
    expect(recorder.eventsOf(streamId).at(-1)).toEqual({
      kind: 'error',
      streamId,
      message: NOT_RECONNECTED,
    });
    expect(player.getConnection().status).toBe('error');
  });

  it('a song replaced while waiting is stopped, and only the last one plays', async () => {
    const { port, player, recorder } = await droppedAfterASong();
    const replaced = await player.play({ songId: 1 });
    const chosen = await player.play({ songId: 2 });
    expect(recorder.eventsOf(replaced.streamId).map((event) => event.kind)).toEqual([
      'started',
      'stopped',
    ]);
    await servers.start({ pacing: false, port });
    await recorder.waitForEvent(chosen.streamId, 'ended', 20_000);
    expect(recorder.samplesOf(replaced.streamId)).toBe(0);
    expect(recorder.samplesOf(chosen.streamId)).toBeGreaterThan(0);
  });
});
