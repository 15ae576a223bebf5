import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { collectPageErrors, connectTo } from './support/e2eEnvironment';

const e2e = useE2eApp({ music: true });

/**
 * How long the page's thread stands still in each AudioBuffer it makes: longer than the least
 * lead of a fresh run (baseLatency + a quantum, about 13 ms), as a collection or a lost core can
 * on a busy machine. The audio thread's clock runs on meanwhile.
 */
const PAUSE_MS = 40;
const SLOW_BUFFERS = `(() => {
  const make = BaseAudioContext.prototype.createBuffer;
  BaseAudioContext.prototype.createBuffer = function (...args) {
    const until = performance.now() + ${PAUSE_MS};
    while (performance.now() < until);
    return make.apply(this, args);
  };
})()`;

// A start worked out from the clock read before the buffer was made lay in the past once
// start() was called: the chunk played late, over the next one.
describe('a pause while a chunk is made ready', { timeout: 90_000 }, () => {
  // The first play's context is new: its clock stood still until the output started, so on the
  // old order only the switch (stream 2) started a chunk in the past (by 28 ms).
  it('no chunk is started at a time already past, first play or song switch', async () => {
    const app = await e2e.open({ pageScript: SLOW_BUFFERS });
    const { page } = app;
    const errors = collectPageErrors(page);
    await connectTo(page, e2e.music.port);
    const queued = (streamId: number) => (probe: { streams: Record<number, { frames: number }> }) =>
      (probe.streams[streamId]?.frames ?? 0) > 44_100;
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, queued(1), 30_000);
    // A switch: a wait was seen, so its first chunk is placed at once (not held).
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    const probe = await waitForAudio(page, queued(2), 30_000);
    for (const streamId of [1, 2]) {
      const stream = probe.streams[streamId];
      // The clock read right after start(), against the start time: at or above 0, on time.
      expect(stream.leastLeadAfterStartSeconds, `stream ${streamId}`).toBeGreaterThan(0);
      expect(stream.gaps, `stream ${streamId}`).toBe(0);
    }
    expect(errors).toEqual([]);
  });
});
