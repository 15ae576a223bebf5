import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { collectPageErrors, connectTo } from './support/e2eEnvironment';

const e2e = useE2eApp({ music: true });

/**
 * How late the second chunk reaches the page: far more than the first chunk (0.18 s of this
 * MP3) and its lead (a new context's: under 0.2 s in all), so played alone it would have ended
 * long before; and far less than the engine's longest hold (MAX_HOLD_MS, 2 s).
 */
const LATE_MS = 600;

// A song's first chunk, small for a quick first sound, and a second chunk that comes late, as on
// a loaded machine: the listener hears the song start once, whole, not a click of it and a gap.
describe('a late second chunk at a song start', { timeout: 90_000 }, () => {
  it('the song starts once, with no gap after its first chunk', async () => {
    const app = await e2e.open();
    const { page, bridge } = app;
    const errors = collectPageErrors(page);
    bridge.delayAudio((_chunk, index) => (index === 1 ? LATE_MS : 0));
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    // 2 s queued: the late chunk and many after it are in, placed after the first.
    const probe = await waitForAudio(page, (a) => (a.streams[1]?.frames ?? 0) > 2 * 44_100, 30_000);
    const stream = probe.streams[1];
    // The case this is about: a first chunk far shorter than the late one's wait.
    expect(stream.firstChunk.frames / stream.sampleRate).toBeLessThan(LATE_MS / 1000 / 2);
    // It waited for the late one instead of playing alone…
    expect(stream.firstHeldMs).toBeGreaterThan(0);
    // …and every chunk starts exactly where the one before it ends.
    expect(stream.gaps).toBe(0);
    expect(stream.lastEnd - stream.firstStart).toBeCloseTo(stream.frames / stream.sampleRate, 9);
    expect(probe.contextState).toBe('running');
    expect(errors).toEqual([]);
  });
});
