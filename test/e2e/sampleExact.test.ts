import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { probeAudio, waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';
import { decodeReference } from './support/referenceAudio';

const e2e = useE2eApp({ music: true });

const newestStream = (streams: Record<number, unknown>) =>
  Math.max(0, ...Object.keys(streams).map(Number));

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('sample-exact streaming into the Web Audio queue', { timeout: 60_000 }, () => {
  it('queues exactly the decoder output of a whole song: nothing lost, added or reordered', async () => {
    // A buffer limit above the song's length lets the whole song arrive without real-time play.
    // This is about the page's queue: the server is not asked to hold the song while paused (the
    // pause extension has its own tests, test/e2e/resume.test.ts), so all of it still arrives.
    const app = await e2e.open({
      playback: { maxBufferedSeconds: 600 },
      override: () => ({ reportPaused: () => {} }),
    });
    const { page } = app;
    const reference = await decodeReference(join(MUSIC_DIR, '03 - Night Ferry.mp3'));
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    // Paused, the clock stands still, so however slowly chunks arrive here, none comes late.
    await page.getByRole('button', { name: 'Pause' }).click();
    const done = await waitForAudio(
      page,
      (a) => (a.streams[newestStream(a.streams)]?.frames ?? 0) >= reference.frames,
      30_000,
    );
    const stream = done.streams[newestStream(done.streams)];
    expect(stream.sampleRate).toBe(reference.sampleRate);
    expect(stream.frames).toBe(reference.frames);
    expect(stream.checksum).toBe(reference.checksum);
    // Scheduled back to back, never restarted: the queue spans exactly the song's length.
    expect(stream.lastEnd - stream.firstStart).toBeCloseTo(
      reference.frames / reference.sampleRate,
      9,
    );
    await page.getByRole('button', { name: 'Stop' }).click();
    expect((await probeAudio(page)).liveSources).toBe(0);
  });

  it('advances to the next song gaplessly: its first sample follows the last one', async () => {
    const app = await e2e.open();
    const { page } = app;
    const next = await decodeReference(join(MUSIC_DIR, '02 - Glass Tide.mp3'));
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    // Seek to about 3 s before the end by clicking the progress bar.
    const bar = page.getByRole('slider', { name: 'Seek' });
    const box = await bar.boundingBox();
    if (!box) throw new Error('The progress bar is not visible');
    await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
    const seeked = await waitForAudio(page, (a) => Object.keys(a.streams).length === 2);
    const tail = newestStream(seeked.streams);
    await expect.poll(() => page.getByLabel('Elapsed time').innerText()).toMatch(/^0:(29|3\d)$/);

    const joined = await waitForAudio(page, (a) => newestStream(a.streams) > tail, 15_000);
    const head = newestStream(joined.streams);
    const before = joined.streams[tail];
    const after = joined.streams[head];
    expect(after.sampleRate).toBe(before.sampleRate);
    // Same instant to well under a sample (1/44100 s): no gap, no overlap.
    expect(after.firstStart).toBeCloseTo(before.lastEnd, 9);
    expect(after.firstChunk.checksum).toBe(next.checksumOfFirst(after.firstChunk.frames));

    // "Now playing" switches when the new song becomes audible, not when it was requested.
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText(), { timeout: 10_000 }).toContain('Glass Tide');
    const switched = await probeAudio(page);
    expect(switched.currentTime).toBeGreaterThanOrEqual(before.lastEnd - 0.3);
    expect(switched.rms).toBeGreaterThan(0.005);
    await expect.poll(() => page.getByLabel('Elapsed time').innerText()).toMatch(/^0:0\d$/);
  });

  it('plays any stream rate from 8 to 48 kHz, mono or stereo, back to back at the right speed', async () => {
    const app = await e2e.open();
    const { page, bridge } = app;
    const tone = (rate: number, seconds: number, hz: number) =>
      Float32Array.from(
        { length: Math.round(rate * seconds) },
        (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / rate),
      );
    // Streams as main would send them (no server needed): ids only grow, rates differ.
    const formats = [
      { streamId: 101, sampleRate: 8000, channels: 1 },
      { streamId: 102, sampleRate: 22050, channels: 1 },
      { streamId: 103, sampleRate: 48000, channels: 2 },
    ];
    for (const { streamId, sampleRate, channels } of formats) {
      for (let chunk = 0; chunk < 2; chunk++) {
        const samples = tone(sampleRate, 0.4, 440);
        bridge.audio({
          streamId,
          sampleRate,
          channels: Array.from({ length: channels }, () => samples),
        });
      }
    }
    await bridge.flushed();
    const queued = await waitForAudio(page, (a) => a.rms > 0.05);
    const traces = formats.map(({ streamId }) => queued.streams[streamId]);
    for (const [index, trace] of traces.entries()) {
      expect(trace.sampleRate).toBe(formats[index].sampleRate);
      expect(trace.frames).toBe(Math.round(formats[index].sampleRate * 0.4) * 2);
      expect(trace.lastEnd - trace.firstStart).toBeCloseTo(0.8, 9);
      if (index > 0) expect(trace.firstStart).toBeCloseTo(traces[index - 1].lastEnd, 9);
    }
    // Web Audio plays each buffer at its own rate: the last source ends when the queue says.
    const done = await waitForAudio(page, (a) => a.liveSources === 0, 10_000);
    expect(done.currentTime).toBeGreaterThanOrEqual(traces[2].lastEnd);
    expect(done.currentTime).toBeLessThan(traces[2].lastEnd + 1);
  });
});
