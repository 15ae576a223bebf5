import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Mp3StreamDecoder } from '../../src/decoder/mp3StreamDecoder';
import { PlaybackService } from '../../src/player';
import type { BackoffOptions } from '../../src/player/reconnectBackoff';
import type { ConnectionStatus } from '../../src/shared/tidewaveApi';
import { largestDifference, SAME_SAMPLE_TOLERANCE } from '../support/referenceMp3';
import { startTestServer, type RunningServer } from '../support/serverHarness';
import { pcmChecksum, StreamRecorder } from './support/streamRecorder';

/** Quick retries keep the tests short; the real default is 0.5 s doubling to 10 s. */
const QUICK: BackoffOptions = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };
const PACED = { burstSeconds: 3, rateFactor: 1, maxLeadSeconds: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The full play of a file (copied out of the decoder's memory). */
async function fullPlay(path: string): Promise<Float32Array[]> {
  const decoder = await Mp3StreamDecoder.create();
  try {
    const pcm = decoder.decode(readFileSync(path));
    if (!pcm) throw new Error(`Nothing decoded from ${path}`);
    return pcm.channels.map((channel) => channel.slice());
  } finally {
    decoder.free();
  }
}

/** One array per channel of everything the stream emitted. */
function played(recorder: StreamRecorder, streamId: number): Float32Array[] {
  const chunks = recorder.chunksOf(streamId);
  const out = chunks[0].channels.map(() => new Float32Array(recorder.samplesOf(streamId)));
  let offset = 0;
  for (const chunk of chunks) {
    chunk.channels.forEach((channel, c) => out[c].set(channel, offset));
    offset += chunk.channels[0].length;
  }
  return out;
}

/**
 * Asserts that the stream is the full play from sample `from`: as many samples, the ones
 * before the resume (`cutAt` of the stream) bit for bit when it played from the start, and the rest within the rounding by
 * which a decode that enters the file later differs (PROTOCOL §7.1; ~2e-6). A sample lost or
 * doubled shifts everything after it, which this music turns into differences of ~1e-2: the
 * test checks that a one-sample shift is caught at the resume point.
 */
function expectFullPlay(stream: Float32Array[], full: Float32Array[], from: number, cutAt: number) {
  expect(stream[0].length).toBe(full[0].length - from);
  full.forEach((channel, c) => {
    const reference = channel.subarray(from);
    // A play from the start is the full play bit for bit; a seek is within the rounding too.
    const head = stream[c].subarray(0, cutAt);
    if (from === 0)
      expect(pcmChecksum([[head]])).toBe(pcmChecksum([[reference.subarray(0, cutAt)]]));
    else expect(largestDifference(head, reference, 0)).toBeLessThan(SAME_SAMPLE_TOLERANCE);
    const rest = stream[c].subarray(cutAt);
    expect(largestDifference(rest, reference, cutAt)).toBeLessThan(SAME_SAMPLE_TOLERANCE);
    expect(largestDifference(rest, reference, cutAt + 1)).toBeGreaterThan(SAME_SAMPLE_TOLERANCE);
    expect(largestDifference(rest, reference, cutAt - 1)).toBeGreaterThan(SAME_SAMPLE_TOLERANCE);
  });
}

describe('resuming a song after the connection drops', { timeout: 60_000 }, () => {
  let running: RunningServer | null = null;
  let service: PlaybackService | null = null;
  afterEach(async () => {
    await service?.dispose();
    await running?.server.close();
    service = running = null;
  });

  /**
   * Plays a few seconds of a song from a server that paces it in real time (so the song is
   * still on its way, and the socket read, when the server goes); the restarted server sends
   * the rest at once.
   */
  async function playAWhile(songId: number, startSeconds = 0, reconnect = QUICK) {
    running = await startTestServer({ pacing: PACED });
    const port = running.port;
    const logLines: string[] = [];
    const log = (line: string) => logLines.push(line);
    const player = (service = new PlaybackService({ reconnect, log }));
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
    const song = running!.server.library.songs[0];
    const before = recorder.samplesOf(streamId);
    await running!.server.close(); // drops the connection mid-song
    await recorder.waitUntil(() => statuses.includes('reconnecting'), 5000, 'reconnecting');
    await sleep(2000);
    running = await startTestServer({ pacing: false, port });
    await recorder.waitForEvent(streamId, 'ended', 30_000);

    expect(recorder.samplesOf(streamId)).toBeGreaterThan(before);
    expect(resumedAt()).toBeGreaterThanOrEqual(before);
    expectFullPlay(played(recorder, streamId), await fullPlay(song.absolutePath), 0, resumedAt());
    const kinds = recorder.eventsOf(streamId).map((e) => e.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'connected', 'reconnecting']);
    expect(statuses.at(-1)).toBe('connected');
    // The restarted server was asked for the song from a time, not from its start.
    expect(running.logLines.some((line) => / from \d+(\.\d+)? s/.test(line))).toBe(true);
  });

  it('resumes a seeked song at the right sample after a 4 s outage', async () => {
    const { port, streamId, recorder, statuses, player, resumedAt } = await playAWhile(1, 10);
    const song = running!.server.library.songs[1];
    await running!.server.close();
    await sleep(4000);
    expect(player.getConnection()).toMatchObject({ status: 'reconnecting' });
    expect(player.getConnection().retry?.attempt).toBeGreaterThan(3);
    running = await startTestServer({ pacing: false, port });
    await recorder.waitForEvent(streamId, 'ended', 30_000);

    const rate = recorder.chunksOf(streamId)[0].sampleRate;
    const from = Math.round(10 * rate);
    const full = await fullPlay(song.absolutePath);
    expectFullPlay(played(recorder, streamId), full, from, resumedAt() - from);
    const kinds = recorder.eventsOf(streamId).map((e) => e.kind);
    expect(kinds.filter((kind) => kind !== 'cover')).toEqual(['started', 'ended']);
    expect(statuses.filter((s) => s === 'connected')).toHaveLength(2);
  });

  it('stops retrying when the person disconnects', async () => {
    const { streamId, recorder, statuses, player } = await playAWhile(0);
    await running!.server.close();
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
    await running!.server.close();
    running = null;
    const event = await recorder.waitForEvent(streamId, 'error', 10_000);
    expect(event).toMatchObject({ message: 'The server closed the connection' });
    expect(player.getConnection()).toMatchObject({
      status: 'error',
      error: 'The server closed the connection',
    });
  });
});
