import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { concatPcm, pcmFrameCount } from '../../src/decoder';
import { PlaybackService } from '../../src/player';
import type { AudioChunk, StreamEvent } from '../../src/shared/tidewaveApi';
import { referenceDecode, snrDb } from '../support/referenceDecoders';
import { startTestServer, waitFor, type RunningServer } from '../support/serverHarness';
import { LaggingRenderer, type LaggingRendererOptions } from './support/laggingRenderer';

const run = promisify(execFile);
const MAX_BUFFERED = 6;
/** The limit plus one 0.25 s chunk, and a little for rounding. */
const BOUND = MAX_BUFFERED + 0.25 + 0.01;
/** The renderer asks for the next song below this much queued (GAPLESS_LEAD_SECONDS). */
const GAPLESS_LEAD = 5;
const LOW = '03 low bitrate.opus';

/**
 * Two gapless hand-overs in quick succession, onto a 1 s song and then a low-bitrate one, as in
 * the back-to-back e2e (issue 11's known defect: the queue reached about 7 s against 6.34 s).
 * 8 kHz mono Opus at 16 kbit/s is 2 KB a second: one 4 KiB decode slice is 2 s of audio.
 */
describe('gapless hand-overs onto a short song, then a low-bitrate one', () => {
  let dir: string;
  let running: RunningServer;
  let service: PlaybackService;
  let renderer: LaggingRenderer | null = null;
  const sent = new Map<number, AudioChunk[]>();
  const events: StreamEvent[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidewave-hand-over-'));
    const tone = (file: string, seconds: number, rate: number, channels: number) =>
      run('sox', [
        ...['-n', '-r', String(rate), '-c', String(channels), '-b', '16', join(dir, file)],
        ...['synth', String(seconds), 'sine', '330', 'gain', '-6'],
      ]);
    await Promise.all([
      tone('01 song.wav', 3, 44100, 2),
      tone('02 short.wav', 1, 44100, 2),
      tone('.low.wav', 5, 8000, 1),
    ]);
    await run('opusenc', ['--quiet', '--bitrate', '16', join(dir, '.low.wav'), join(dir, LOW)]);
    running = await startTestServer({ folder: dir, pacing: false });
  });
  afterAll(async () => {
    await running?.server.close();
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    sent.clear();
    events.length = 0;
    service = new PlaybackService({ maxBufferedSeconds: MAX_BUFFERED, resumeBelowSeconds: 3 });
    service.on('audio', (chunk) => sent.set(chunk.streamId, [...sentOf(chunk.streamId), chunk]));
    service.on('stream', (event) => events.push(event));
    await service.connect('127.0.0.1', running.port);
  });
  afterEach(async () => {
    renderer?.close();
    renderer = null;
    await service.dispose();
  });

  const sentOf = (streamId: number) => sent.get(streamId) ?? [];
  const secondsOf = (streamId: number) =>
    sentOf(streamId).reduce((sum, c) => sum + c.channels[0].length / c.sampleRate, 0);
  const songId = (name: string) => {
    const song = running.server.library.songs.find((s) => s.relativePath === name);
    if (!song) throw new Error(`${name} is not listed`);
    return song.id;
  };

  /** Plays the three songs, the second and third asked for by the renderer's gapless advance. */
  async function playThrough(options: Partial<LaggingRendererOptions>): Promise<LaggingRenderer> {
    const lagging = new LaggingRenderer(service, {
      deliveryDelayMs: [20, 60],
      reportDelayMs: [50, 100],
      reportEveryMs: 50,
      playing: false,
      next: { songIds: [songId('02 short.wav'), songId(LOW)], belowSeconds: GAPLESS_LEAD },
      ...options,
    });
    renderer = lagging;
    const { streamId } = await service.play({ songId: songId('01 song.wav') });
    lagging.begin(streamId);
    await waitFor(() => lagging.startedStreams.length === 3, 10_000);
    return lagging;
  }

  it('paused: the third stream fills to the limit and no further', async () => {
    const lagging = await playThrough({ playing: false });
    const third = lagging.startedStreams[2];
    // Held: 3 s + 1 s + the low-bitrate song up to the limit (its 16 KB are read long before).
    await waitFor(() => lagging.queuedSeconds >= MAX_BUFFERED, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(lagging.maxHeldAndInFlight).toBeLessThanOrEqual(BOUND);
    expect(secondsOf(third)).toBeLessThan(MAX_BUFFERED - 4 + 0.26);

    // Drained at once (a consumer that keeps up): the rest comes, every sample of it.
    lagging.close();
    while (!events.some((e) => e.streamId === third && e.kind === 'ended')) {
      service.reportBuffer(third, 0, secondsOf(third));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const got = concatPcm(
      sentOf(third).map(({ sampleRate, channels }) => ({ sampleRate, channels })),
    );
    const reference = await referenceDecode(join(dir, LOW), { name: LOW, kind: 'opus' });
    expect(pcmFrameCount(got)).toBe(pcmFrameCount(reference));
    expect(snrDb(reference, got)).toBeGreaterThan(100);
    expect(Math.max(...sentOf(third).map((c) => c.channels[0].length / c.sampleRate))).toBe(0.25);
  });

  it('playing in real time, reports late: held plus in flight stays within the bound', async () => {
    const lagging = await playThrough({ playing: true });
    const third = lagging.startedStreams[2];
    await waitFor(() => events.some((e) => e.streamId === third && e.kind === 'ended'), 15_000);
    expect(lagging.maxHeldAndInFlight).toBeLessThanOrEqual(BOUND);
    expect(lagging.maxHeldAndInFlight).toBeGreaterThan(MAX_BUFFERED - 1);
  });
});
