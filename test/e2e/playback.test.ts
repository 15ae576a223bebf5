import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eApp, type OpenedApp } from './support/appHarness';
import { probeAudio, waitForAudio } from './support/audioProbe';
import { collectPageErrors, connectTo, MUSIC_DIR, RESULTS_DIR } from './support/e2eEnvironment';
import { decodeReference } from './support/referenceAudio';

// Its music server is unpaced: the client's own flow control is then all that bounds the stream.
const e2e = useE2eApp({ music: true });

async function openConnected(): Promise<OpenedApp> {
  const app = await e2e.open();
  await connectTo(app.page, e2e.music.port);
  return app;
}

const AUDIBLE = 0.005;
/** Main's limit on what the renderer holds, plus one chunk (0.25 s and a decoded slice). */
const MAX_QUEUED_SECONDS = 6 + 0.45;

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('playing the bundled library in Chromium', { timeout: 60_000 }, () => {
  it('lists the songs, plays one audibly and moves the clock and the progress bar', async () => {
    const { page } = await openConnected();
    const errors = collectPageErrors(page);
    const rows = page.getByRole('grid', { name: 'Songs' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await expect
      .poll(() => rows.allInnerTexts())
      .toEqual([
        // Columns: id, title, artist, album, track, time, format (the metadata has them all).
        expect.stringMatching(
          /0\s+Harbor Lights\s+Tidewave Ensemble\s+Tidewave Sampler\s+1\s+0:32\s+mp3/,
        ),
        expect.stringMatching(
          /1\s+Glass Tide\s+Tidewave Ensemble\s+Tidewave Sampler\s+2\s+0:30\s+mp3/,
        ),
        expect.stringMatching(
          /2\s+Night Ferry\s+Tidewave Ensemble\s+Tidewave Sampler\s+3\s+0:32\s+mp3/,
        ),
      ]);

    const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
    expect(await csp.getAttribute('content')).toContain("script-src 'self'; style-src 'self';");
    const filter = page.getByRole('searchbox', { name: 'Filter songs' });
    await filter.fill('night');
    // Rows the filter leaves out stay in the DOM, hidden (songTable/parkedRows.ts).
    await expect
      .poll(() => rows.and(page.locator(':not([aria-hidden="true"])')).allInnerTexts())
      .toEqual([expect.stringContaining('Night Ferry')]);
    await filter.fill('');
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    const playing = await waitForAudio(page, (a) => a.rms > AUDIBLE && a.liveSources > 0);
    expect(playing.contextState).toBe('running');
    const later = await waitForAudio(page, (a) => a.currentTime > playing.currentTime + 1);
    expect(later.rms).toBeGreaterThan(AUDIBLE);
    // Played buffers are let go: live sources are only those still queued (~0.25 s each).
    expect(later.liveSources).toBeLessThanOrEqual(Math.ceil(later.queuedSeconds / 0.2) + 2);

    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain('Harbor Lights');
    await expect
      .poll(() => nowPlaying.getByRole('img').getAttribute('src'))
      .toMatch(/^data:image\/png;base64,/);
    await expect.poll(() => rows.first().getAttribute('aria-current')).toBe('true');
    const seek = page.getByRole('slider', { name: 'Seek' });
    await expect.poll(() => seek.getAttribute('aria-valuenow'), { timeout: 5000 }).not.toBe('0');
    await expect.poll(() => page.getByLabel('Elapsed time').innerText()).not.toBe('0:00');
    expect(await page.getByLabel('Total time').innerText()).toBe('0:32');
    // The bar's style props apply under a policy without 'unsafe-inline' (errors stays empty).
    const fill = page.locator('.progress-fill');
    await expect
      .poll(() => fill.evaluate((node) => node.getBoundingClientRect().width))
      .toBeGreaterThan(0);

    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'playing.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(RESULTS_DIR, 'playing-dark.png') });
    expect(errors).toEqual([]);
  });

  it('stop silences at once and drops every scheduled source', async () => {
    const { page } = await openConnected();
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await waitForAudio(page, (a) => a.rms > AUDIBLE && a.queuedSeconds > 1);
    await page.getByRole('button', { name: 'Stop' }).click();
    const stopped = await probeAudio(page);
    expect(stopped.liveSources).toBe(0);
    expect(stopped.queuedSeconds).toBe(0);
    // The analyser still holds the last ~46 ms it heard; silence follows within a moment.
    await waitForAudio(page, (a) => a.rms < 1e-4, 1000);
    await expect
      .poll(() => page.getByRole('button', { name: 'Play', exact: true }).count())
      .toBe(1);
  });

  it('pause suspends the clock and keeps telling main the queue is full, so the stream holds', async () => {
    const reports: Array<[number, number, number]> = [];
    const app = await e2e.open({
      override: (base) => ({
        reportBuffer: (streamId, buffered, received) => {
          reports.push([streamId, buffered, received]);
          base.reportBuffer(streamId, buffered, received);
        },
      }),
    });
    const { page } = app;
    // An unpaced server sends as fast as it may: only flow control holds the stream back.
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > AUDIBLE);
    await page.getByRole('button', { name: 'Pause' }).click();
    const paused = await waitForAudio(page, (a) => a.contextState === 'suspended');
    // Paused, the queue fills until main stops sending, then stays as it is.
    let before = await waitForAudio(page, (a) => a.queuedSeconds > 5);
    let held = before;
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 700));
      held = await probeAudio(page);
      if (held.queuedSeconds === before.queuedSeconds) break;
      before = held;
    }
    expect(held.queuedSeconds).toBe(before.queuedSeconds);
    expect(held.currentTime).toBe(paused.currentTime);
    // Nothing plays, so the queue only grew: what it holds now is the most it ever held.
    expect(held.queuedSeconds).toBeLessThanOrEqual(MAX_QUEUED_SECONDS);
    // The ~250 ms report timer keeps saying how full the queue is: above the resume mark (3 s),
    // so main reads no more.
    const count = reports.length;
    await expect.poll(() => reports.length).toBeGreaterThan(count + 1);
    const [streamId, seconds, received] = reports[reports.length - 1];
    expect(streamId).toBe(Math.max(...Object.keys(held.streams).map(Number)));
    expect(seconds).toBeCloseTo(held.queuedSeconds, 6);
    expect(seconds).toBeGreaterThanOrEqual(3);
    const { frames, sampleRate } = held.streams[streamId];
    expect(received).toBeCloseTo(frames / sampleRate, 6);

    await page.getByRole('button', { name: 'Resume' }).click();
    await waitForAudio(page, (a) => a.currentTime > held.currentTime + 0.3 && a.rms > AUDIBLE);
  });

  it('switching songs starts the new song from its first sample', async () => {
    const { page } = await openConnected();
    const reference = await decodeReference(join(MUSIC_DIR, '02 - Glass Tide.mp3'));
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    const first = await waitForAudio(page, (a) => a.rms > AUDIBLE);
    const firstStream = Math.max(...Object.keys(first.streams).map(Number));

    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    const switched = await waitForAudio(page, (a) =>
      Object.keys(a.streams).some((id) => Number(id) > firstStream),
    );
    const secondStream = Math.max(...Object.keys(switched.streams).map(Number));
    const { firstChunk, sampleRate } = switched.streams[secondStream];
    expect(sampleRate).toBe(reference.sampleRate);
    expect(firstChunk.frames).toBeGreaterThan(0);
    expect(firstChunk.checksum).toBe(reference.checksumOfFirst(firstChunk.frames));
    await waitForAudio(page, (a) => a.rms > AUDIBLE);
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Glass Tide');
    // Nothing of the old song is queued any more.
    const after = await probeAudio(page);
    const oldFrames = after.streams[firstStream].frames;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await probeAudio(page)).streams[firstStream].frames).toBe(oldFrames);
  });

  it('space toggles play and pause, shift+space stops; the arrow keys skip songs; media keys work', async () => {
    const { page, bridge } = await openConnected();
    // Typing in a text field is typing, not a shortcut.
    await page.getByRole('searchbox', { name: 'Filter songs' }).press('Space');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter songs' }).fill('');
    await page.getByRole('grid', { name: 'Songs' }).locator('tbody tr').nth(1).click();
    await page.locator('body').press('Space');
    await waitForAudio(page, (a) => a.rms > AUDIBLE);
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Glass Tide');
    await page.locator('body').press('Space');
    await waitForAudio(page, (a) => a.contextState === 'suspended');
    await page.locator('body').press('Space');
    await waitForAudio(page, (a) => a.contextState === 'running');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Night Ferry');
    await page.locator('body').press('ArrowLeft');
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Glass Tide');
    await page.locator('body').press('Shift+Space');
    await waitForAudio(page, (a) => a.liveSources === 0 && a.queuedSeconds === 0);
    await page.locator('body').press('Space');
    await waitForAudio(page, (a) => a.rms > AUDIBLE);

    bridge.mediaKey('stop');
    await bridge.flushed();
    await waitForAudio(page, (a) => a.liveSources === 0 && a.queuedSeconds === 0);
    bridge.mediaKey('play-pause');
    await bridge.flushed();
    await waitForAudio(page, (a) => a.rms > AUDIBLE);
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Glass Tide');

    // Double-click plays a row too.
    await page.getByRole('grid', { name: 'Songs' }).locator('tbody tr').nth(0).dblclick();
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Harbor Lights');
  });
});
