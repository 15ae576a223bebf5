import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryServer } from '../../src/server';
import type { AudioChunk, StreamEvent } from '../../src/shared/tidewaveApi';
import { useE2eApp } from './support/appHarness';
import { probeAudio, probeBookkeeping, waitForAudio } from './support/audioProbe';
import { collectPageErrors, connectTo, startMusicServer } from './support/e2eEnvironment';
import { makeSoakLibrary, type SoakLibrary } from './support/soakLibrary';

/** Web Audio plays in real time: this long a soak, measured from the first audible sample. */
const SOAK_SECONDS = 40;
/** The heap is compared from here on, once the app, the context and the JIT have settled. */
const WARM_UP_SECONDS = 8;
/** Short songs, many of them: a stream turnover every few seconds, and never the last song. */
const SONG_SECONDS = 3;
const SONG_COUNT = 24;
/**
 * Main's limit on what the renderer holds plus one chunk (see playback.test.ts), plus one song:
 * a song stream read to its end releases its flow gate (src/player/streamPump.ts, the 'close'
 * listener), so the rest of a song already read from the socket passes unchecked.
 */
const MAX_QUEUED_SECONDS = 6 + 0.45 + SONG_SECONDS;
/** The decoder's chunks last 0.2 s or more (the last of a song may be shorter). */
const SHORTEST_CHUNK_SECONDS = 0.2;
/** Far less than the PCM that flows through (14 MB in 40 s of 44.1 kHz stereo Float32). */
const MAX_GROWTH_BYTES = 5 * 1024 * 1024;
const AUDIBLE = 0.005;
const MB = 1024 * 1024;

interface HeapReading {
  /** V8's used heap, array buffer backing stores (AudioBuffer data too), Blink's GC heap. */
  js: number;
  arrayBuffers: number;
  embedder: number;
  /** Blink's count of live Web Audio node handlers, from Performance.getMetrics. */
  audioHandlers: number;
}

const total = (heap: HeapReading) => heap.js + heap.arrayBuffers + heap.embedder;
const mb = (bytes: number) => (bytes / MB).toFixed(2);

async function readHeapOnce(cdp: CDPSession): Promise<HeapReading> {
  // Twice: what the first collection finalizes (audio nodes, buffers) goes in the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
  return {
    js: usage.usedSize,
    arrayBuffers: usage.backingStorageSize,
    embedder: usage.embedderHeapUsedSize,
    audioHandlers: metric('AudioHandlers'),
  };
}

/**
 * The smallest of a few readings: what is live swings by a couple of MB with the queue (6 s of
 * stereo is 2 MB of AudioBuffers) and with a batch of audio on its way in; a leak lifts the floor.
 */
async function readHeap(cdp: CDPSession): Promise<HeapReading> {
  const readings: HeapReading[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, 400));
    readings.push(await readHeapOnce(cdp));
  }
  return readings.reduce((least, reading) => (total(reading) < total(least) ? reading : least));
}

/** What main sent the renderer: Float32 bytes and seconds of PCM, and streams started. */
class FlowCounter {
  bytes = 0;
  seconds = 0;
  chunks = 0;
  started = 0;

  audio(chunk: AudioChunk): void {
    this.chunks++;
    for (const channel of chunk.channels) this.bytes += channel.byteLength;
    this.seconds += (chunk.channels[0]?.length ?? 0) / chunk.sampleRate;
  }

  stream(event: StreamEvent): void {
    if (event.kind === 'started') this.started++;
  }
}

// React's production build, as shipped: its development build keeps debug records per render.
const e2e = useE2eApp({ environment: { productionReact: true } });
let library: SoakLibrary;
let music: { server: LibraryServer; port: number };

beforeAll(async () => {
  library = await makeSoakLibrary(SONG_COUNT, SONG_SECONDS);
  // Unpaced: only the client's flow control bounds what the renderer holds.
  music = await startMusicServer({ folder: library.folder, pacing: false });
}, 60_000);

afterAll(async () => {
  await music?.server.close();
  await library?.remove();
});

describe('a long listening session in Chromium', () => {
  it(
    'plays song after song gaplessly and the renderer lets played audio go: the heap stays flat',
    { timeout: 90_000 },
    async () => {
      const app = await e2e.open();
      const { page, services } = app;
      const errors = collectPageErrors(page);
      const flow = new FlowCounter();
      services.playback.on('audio', (chunk) => flow.audio(chunk));
      services.playback.on('stream', (event) => flow.stream(event));
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');

      await connectTo(page, music.port);
      await page.getByRole('button', { name: `Play ${library.titles[0]}` }).click();
      await waitForAudio(page, (a) => a.rms > AUDIBLE);
      const startedAt = Date.now();
      const elapsed = () => (Date.now() - startedAt) / 1000;

      const most = { queued: 0, live: 0, registry: 0, timeline: 0, sourcesOverQueue: 0 };
      let warm: { heap: HeapReading; flowBytes: number; flowSeconds: number } | null = null;
      while (elapsed() < SOAK_SECONDS) {
        const audio = await probeAudio(page);
        const books = await probeBookkeeping(page);
        most.queued = Math.max(most.queued, audio.queuedSeconds);
        most.live = Math.max(most.live, audio.liveSources);
        most.registry = Math.max(most.registry, books.registry);
        most.timeline = Math.max(most.timeline, books.timeline);
        // Live sources are only those still queued (one short chunk a song at most).
        const allowed = Math.ceil(audio.queuedSeconds / SHORTEST_CHUNK_SECONDS) + 3;
        most.sourcesOverQueue = Math.max(most.sourcesOverQueue, audio.liveSources - allowed);
        if (!warm && elapsed() >= WARM_UP_SECONDS) {
          warm = { heap: await readHeap(cdp), flowBytes: flow.bytes, flowSeconds: flow.seconds };
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const end = await readHeap(cdp);
      const final = await probeAudio(page);
      const books = await probeBookkeeping(page);
      if (!warm) throw new Error('The soak never reached its warm-up point');

      const growth = total(end) - total(warm.heap);
      const windowBytes = flow.bytes - warm.flowBytes;
      const windowSeconds = flow.seconds - warm.flowSeconds;
      console.log(
        [
          `soak: ${elapsed().toFixed(1)} s, ${flow.started} songs started, ` +
            `${flow.seconds.toFixed(1)} s of PCM = ${mb(flow.bytes)} MB of Float32 through the queue ` +
            `(${(flow.seconds / most.queued).toFixed(1)} times the most it held, ${most.queued.toFixed(2)} s)`,
          `heap at ${WARM_UP_SECONDS} s: JS ${mb(warm.heap.js)} MB, array buffers ` +
            `${mb(warm.heap.arrayBuffers)} MB, Blink ${mb(warm.heap.embedder)} MB, ` +
            `audio handlers ${warm.heap.audioHandlers}`,
          `heap at the end: JS ${mb(end.js)} MB, array buffers ${mb(end.arrayBuffers)} MB, ` +
            `Blink ${mb(end.embedder)} MB, audio handlers ${end.audioHandlers}`,
          `growth ${mb(growth)} MB while ${mb(windowBytes)} MB (${windowSeconds.toFixed(1)} s) ` +
            `of PCM went through in ${flow.chunks} chunks in all; most live sources ` +
            `${most.live}, registry ${most.registry}, timeline ${most.timeline}; ` +
            `${books.traces} streams traced by the test hooks`,
        ].join('\n'),
      );

      // Still playing, song after song, all the way through.
      expect(final.rms).toBeGreaterThan(AUDIBLE);
      expect(flow.started).toBeGreaterThanOrEqual(Math.floor(SOAK_SECONDS / SONG_SECONDS) - 2);
      // The heap is flat while more PCM than its growth bound passed through, in real time.
      expect(windowSeconds).toBeGreaterThan(0.8 * (SOAK_SECONDS - WARM_UP_SECONDS));
      expect(windowBytes).toBeGreaterThan(MAX_GROWTH_BYTES);
      expect(growth).toBeLessThan(MAX_GROWTH_BYTES);
      // Played buffers are let go: by the engine, and in Blink's audio graph.
      expect(most.queued).toBeLessThanOrEqual(MAX_QUEUED_SECONDS);
      expect(most.sourcesOverQueue).toBeLessThanOrEqual(0);
      const mostChunksQueued = Math.ceil(MAX_QUEUED_SECONDS / SHORTEST_CHUNK_SECONDS) + 3;
      // Fewer audio nodes alive than sources made: Blink let the played ones go.
      expect(flow.chunks).toBeGreaterThan(mostChunksQueued + 5);
      expect(end.audioHandlers).toBeLessThanOrEqual(mostChunksQueued + 5);
      // The engine's per-stream records cover the songs still queued, not all that played.
      const mostSongsQueued = Math.ceil(MAX_QUEUED_SECONDS / SONG_SECONDS) + 1;
      expect(flow.started).toBeGreaterThan(2 * mostSongsQueued);
      expect(most.registry).toBeLessThanOrEqual(mostSongsQueued + 1);
      expect(most.timeline).toBeLessThanOrEqual(mostChunksQueued + 1);
      expect(errors).toEqual([]);
      await cdp.detach();
    },
  );
});
