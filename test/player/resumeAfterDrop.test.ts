import { describe, expect, it } from 'vitest';
import { SOURCE_DECODER_WORKER, WorkerDecoder, type StreamDecoder } from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import type { BackoffOptions } from '../../src/player/reconnectBackoff';
import type { ConnectionStatus } from '../../src/shared/tidewaveApi';
import { useTestServers } from '../support/serverHarness';
import { expectFullPlay, fullPlay, played } from './support/fullPlay';
import { StreamRecorder } from './support/streamRecorder';

/** Quick retries keep the tests short; the real default is 0.5 s doubling to 10 s. */
const QUICK: BackoffOptions = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };
const PACED = { burstSeconds: 3, rateFactor: 1, maxLeadSeconds: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('resuming a song after the connection drops', { timeout: 60_000 }, () => {
  const servers = useTestServers();

  /**
   * Plays a few seconds of a song from a server that paces it in real time (so the song is
   * still on its way, and the socket read, when the server goes); the restarted server sends
   * the rest at once.
   */
  async function playAWhile(
    songId: number,
    startSeconds = 0,
    reconnect = QUICK,
    createDecoder?: () => StreamDecoder,
  ) {
    const { port } = await servers.start({ pacing: PACED });
    const logLines: string[] = [];
    const log = (line: string) => logLines.push(line);
    const player = new PlaybackService({ reconnect, log, createDecoder });
    servers.onCleanup(() => player.dispose());
    /** The song sample the service resumed at, from its log. */
    const resumedAt = () => {
      const line = logLines.find((l) => l.startsWith('Resumed song'));
      return Number(/at sample (\d+)/.exec(line ?? '')?.[1] ?? NaN);
    };
    const statuses: ConnectionStatus[] = [];
    player.on('connection', (state) => statuses.push(state.status));
    const recorder = new StreamRecorder(player);
    await player.connect('127.0.0.1', port);
    const { streamId } = await player.play({ songId, startSeconds });
    await recorder.waitUntil(() => recorder.secondsOf(streamId) >= 4, 10_000, 'some audio');
    return { port, streamId, recorder, statuses, player, resumedAt };
  }

  it('goes on after a 2 s server restart with every sample once', async () => {
    const { port, streamId, recorder, statuses, resumedAt } = await playAWhile(0);
    const song = servers.running.server.library.songs[0];
    const before = recorder.samplesOf(streamId);
    await servers.running.server.close(); // drops the connection mid-song
    await recorder.waitUntil(() => statuses.includes('reconnecting'), 5000, 'reconnecting');
    await sleep(2000);
    await servers.start({ pacing: false, port });
    await recorder.waitForEvent(streamId, 'ended', 30_000);

    expect(recorder.samplesOf(streamId)).toBeGreaterThan(before);
    expect(resumedAt()).toBeGreaterThanOrEqual(before);
    expectFullPlay(played(recorder, streamId), await fullPlay(song.absolutePath), 0, resumedAt());
    const kinds = recorder.eventsOf(streamId).map((e) => e.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'connected', 'reconnecting']);
    expect(statuses.at(-1)).toBe('connected');
    // The restarted server was asked for the song from a time, not from its start.
    expect(servers.running.logLines.some((line) => / from \d+(\.\d+)? s/.test(line))).toBe(true);
  });

  it('resumes a seeked song at the right sample after a 4 s outage', async () => {
    const { port, streamId, recorder, statuses, player, resumedAt } = await playAWhile(1, 10);
    const song = servers.running.server.library.songs[1];
    await servers.running.server.close();
    await sleep(4000);
    expect(player.getConnection()).toMatchObject({ status: 'reconnecting' });
    expect(player.getConnection().retry?.attempt).toBeGreaterThan(3);
    await servers.start({ pacing: false, port });
    await recorder.waitForEvent(streamId, 'ended', 30_000);

    const rate = recorder.chunksOf(streamId)[0].sampleRate;
    const from = Math.round(10 * rate);
    const full = await fullPlay(song.absolutePath);
    expectFullPlay(played(recorder, streamId), full, from, resumedAt() - from);
    const kinds = recorder.eventsOf(streamId).map((e) => e.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    expect(statuses.filter((s) => s === 'connected')).toHaveLength(2);
  });

  it('resumes when the cut reaches a slow decoder only after the reconnect', async () => {
    // On a busy machine the decoder may still be working through the audio read before the cut
    // when the reconnect succeeds: the song's error then comes after 'reconnecting' is over.
    let delayMs = 0;
    const slowDecoder = (): StreamDecoder => {
      const inner = new WorkerDecoder(SOURCE_DECODER_WORKER);
      return {
        decode: async (bytes) => (await sleep(delayMs), inner.decode(bytes)),
        decodeUntil: async (bytes, minSeconds) => (
          await sleep(delayMs),
          inner.decodeUntil(bytes, minSeconds)
        ),
        end: () => inner.end(),
        reset: () => inner.reset(),
        abandon: () => inner.abandon(),
        terminate: () => inner.terminate(),
      };
    };
    const { port, streamId, recorder, statuses, resumedAt } = await playAWhile(
      0,
      0,
      QUICK,
      slowDecoder,
    );
    const song = servers.running.server.library.songs[0];
    // The decoder falls behind the socket, so chunks are still queued for it at the cut.
    delayMs = 300;
    await sleep(1500);
    const connectedBefore = statuses.filter((s) => s === 'connected').length;
    await servers.running.server.close();
    await servers.start({ pacing: false, port });
    const reconnected = () => statuses.filter((s) => s === 'connected').length > connectedBefore;
    await recorder.waitUntil(reconnected, 10_000, 'reconnected');
    delayMs = 0;
    const over = () => recorder.eventsOf(streamId).some((e) => ['ended', 'error'].includes(e.kind));
    await recorder.waitUntil(over, 40_000, 'the song ended or failed');

    const kinds = recorder.eventsOf(streamId).map((e) => e.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    expectFullPlay(played(recorder, streamId), await fullPlay(song.absolutePath), 0, resumedAt());
  });

  it('stops retrying when the person disconnects', async () => {
    const { streamId, recorder, statuses, player } = await playAWhile(0);
    await servers.running.server.close();
    await recorder.waitUntil(() => statuses.includes('reconnecting'), 5000, 'reconnecting');
    await player.disconnect();
    const seen = statuses.length;
    await sleep(1000);
    expect(statuses.slice(seen)).toEqual([]);
    expect(player.getConnection().status).toBe('disconnected');
    expect(recorder.eventsOf(streamId).map((e) => e.kind)).not.toContain('ended');
  });

  it('reports the loss and the song error once the attempts run out', async () => {
    const few = { ...QUICK, initialMs: 20, maxAttempts: 3 };
    const { streamId, recorder, player } = await playAWhile(0, 0, few);
    await servers.running.server.close();
    const event = await recorder.waitForEvent(streamId, 'error', 10_000);
    expect(event).toMatchObject({ message: 'The server closed the connection' });
    expect(player.getConnection()).toMatchObject({
      status: 'error',
      error: 'The server closed the connection',
    });
  });
});
