import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concatPcm, pcmFrameCount, type PcmChunk } from '../../src/decoder';
import type { LibraryServer } from '../../src/server';
import type { AudioChunk } from '../../src/shared/tidewaveApi';
import { snrDb } from '../support/referenceDecoders';
import { largestDifference, SAME_SAMPLE_TOLERANCE } from '../support/referenceMp3';
import { samePcm } from '../support/samePcm';
import { useE2eApp } from './support/appHarness';
import { probeAudio, waitForAudio, type AudioProbe } from './support/audioProbe';
import { collectPageErrors, connectTo, startMusicServer } from './support/e2eEnvironment';
import { Fnv1aSamples } from './support/fnv1aSamples';
import { makeFormatLibrary, type FormatSong } from './support/formatLibrary';

/** PlaybackService's default bound, and one batch (0.25 s) plus a 4 KiB slice's decode on top. */
const MAX_BUFFERED_SECONDS = 6;
const ONE_CHUNK_SECONDS = 0.25 + 4096 / 44100;

let dir: string;
let songs: FormatSong[];
const e2e = useE2eApp({ startMs: 120_000 });
/** This file's server of the format library. */
let music: { server: LibraryServer; port: number };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidewave-e2e-formats-'));
  const library = await makeFormatLibrary(dir);
  songs = library.songs;
  music = await startMusicServer({ folder: library.folder, pacing: false });
}, 120_000);

afterAll(async () => {
  await music?.server.close();
  await rm(dir, { recursive: true, force: true });
});

const checksumOf = (pcm: PcmChunk) => {
  const sum = new Fnv1aSamples();
  sum.update(pcm.channels);
  return sum.hex;
};

describe('every format back to back in the renderer', () => {
  it(
    'queues each song as its reference decoder gives it, at its own rate, joined gaplessly',
    { timeout: 180_000 },
    async () => {
      // The first song's play waits until the page has paused (see below).
      let releasePlay = () => {};
      const playHeld = new Promise<void>((resolve) => (releasePlay = resolve));
      const app = await e2e.open({
        override: (handlers) => ({
          play: async (request) => {
            await playHeld;
            return handlers.play(request);
          },
          // The server's hold while the listener pauses (PROTOCOL §17) is not what this test is
          // about, and would keep the first song from arriving whole while paused.
          reportPaused: () => undefined,
        }),
      });
      const { page, services } = app;
      const errors = collectPageErrors(page);
      // What main sent the page, per stream, and which song each stream is.
      const sent = new Map<number, AudioChunk[]>();
      const songOf = new Map<number, number>();
      services.playback.on('audio', (chunk) => {
        sent.set(chunk.streamId, [...(sent.get(chunk.streamId) ?? []), chunk]);
      });
      services.playback.on('stream', (event) => {
        if (event.kind === 'started') songOf.set(event.streamId, event.songId);
      });
      const listed = music.server.library.songs;
      expect(listed.map((song) => song.relativePath)).toEqual(songs.map((song) => song.name));

      await connectTo(page, music.port);
      await page
        .getByRole('button', { name: `Play ${songs[0].name.replace(/\.mp3$/, '')}` })
        .click();
      // The first song (5 s) arrives whole while paused (the clock stands still): on a loaded
      // machine its second chunk can come after its small first one has played (a start-up
      // underrun, not what this test is about), and the song after it then has the usual 5 s
      // gapless lead. Every later song must arrive in time by itself. The click started the
      // clock; its play is held until the clock is stopped, or a slow Pause click can come after
      // the first chunk has played (or after the gapless advance has already asked for song 2).
      await waitForAudio(page, (probe) => probe.contextState === 'running', 30_000);
      await page.getByRole('button', { name: 'Pause' }).click();
      await waitForAudio(page, (probe) => probe.contextState === 'suspended', 30_000);
      releasePlay();
      await waitForAudio(
        page,
        (probe) =>
          probe.streams[Math.max(0, ...Object.keys(probe.streams).map(Number))]?.frames ===
          pcmFrameCount(songs[0].reference),
        30_000,
      );
      await page.getByRole('button', { name: 'Resume' }).click();
      // Played in real time (about 30 s): the gapless advance follows the clock.
      let deepest = 0;
      const done = await waitForAudio(
        page,
        (probe: AudioProbe) => {
          deepest = Math.max(deepest, probe.queuedSeconds);
          return Object.keys(probe.streams).length === songs.length && probe.liveSources === 0;
        },
        120_000,
      );
      const ids = Object.keys(done.streams)
        .map(Number)
        .sort((a, b) => a - b);
      const traces = ids.map((id) => done.streams[id]);
      for (const [index, song] of songs.entries()) {
        const label = song.name;
        const trace = traces[index];
        const streamId = ids[index];
        expect(songOf.get(streamId), label).toBe(listed[index].id);
        const decoded = concatPcm(
          (sent.get(streamId) ?? []).map(({ sampleRate, channels }) => ({ sampleRate, channels })),
        );
        // The page queued exactly what main decoded: every sample, in order, nothing added.
        expect(trace.checksum, label).toBe(checksumOf(decoded));
        // ... and that is the reference decoder's output: same rate, channels and length.
        const { reference } = song;
        expect(trace.sampleRate, label).toBe(reference.sampleRate);
        expect(decoded.channels.length, label).toBe(reference.channels.length);
        expect(trace.frames, label).toBe(pcmFrameCount(reference));
        if (song.exact) {
          expect(trace.checksum, label).toBe(checksumOf(reference));
          expect(samePcm(decoded, reference), label).toBe(true);
        } else if (song.kind === 'mp3') {
          for (const [c, channel] of decoded.channels.entries()) {
            expect(largestDifference(channel, reference.channels[c], 0), label).toBeLessThan(
              SAME_SAMPLE_TOLERANCE,
            );
          }
        } else {
          expect(snrDb(reference, decoded), label).toBeGreaterThan(100);
        }
        // At its own rate: the queue spans the song's frames at the file's rate, to the sample.
        expect(trace.lastEnd - trace.firstStart, label).toBeCloseTo(
          trace.frames / reference.sampleRate,
          9,
        );
        // Gapless: its first sample is scheduled where the previous song's last one ended.
        if (index > 0) expect(trace.firstStart, label).toBeCloseTo(traces[index - 1].lastEnd, 9);
      }
      // Web Audio played every buffer at its rate: the last one ended when the queue said.
      const last = traces[traces.length - 1];
      expect(done.currentTime).toBeGreaterThanOrEqual(last.lastEnd);
      expect(done.currentTime).toBeLessThan(last.lastEnd + 2);
      expect(last.lastEnd - traces[0].firstStart).toBeCloseTo(
        songs.reduce(
          (sum, song) => sum + pcmFrameCount(song.reference) / song.reference.sampleRate,
          0,
        ),
        6,
      );
      // The queue is bounded in seconds through every format, 24-bit/192 kHz (1.15 MB a second,
      // ten times an MP3) included. (A 192 kHz song longer than the bound is held to it in
      // test/formats/formatPlayback.test.ts: through this harness's page bridge, base64 in
      // page.evaluate, 192 kHz stereo can arrive slower than real time on a loaded machine.)
      expect(deepest).toBeGreaterThan(MAX_BUFFERED_SECONDS / 2);
      // Through the hand-over onto the short 192 kHz song and on to 8 kHz mono Opus too, whose
      // 4 KiB slices decode to about a second each (once 7.05 s: test/player/handOver.test.ts).
      expect(deepest).toBeLessThan(MAX_BUFFERED_SECONDS + ONE_CHUNK_SECONDS);
      expect((await probeAudio(page)).liveSources).toBe(0);
      expect(errors).toEqual([]);
    },
  );
});
