import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { probeAudio, waitForAudio } from './support/audioProbe';
import { connectTo } from './support/e2eEnvironment';

// Found by the new-listener walk-through (session 11): a seek while paused started the song
// playing. Paused, the player stays paused where the listener put it; Play goes on from there.

const e2e = useE2eApp({ music: true });
let starts: number[] = [];

async function openConnected(): Promise<Page> {
  starts = [];
  const app = await e2e.open({
    override: (base) => ({
      play: async (request) => {
        starts.push(request.startSeconds ?? 0);
        return base.play(request);
      },
    }),
  });
  await connectTo(app.page, e2e.music.port);
  await expect.poll(() => app.page.locator('tbody tr').count()).toBe(3);
  return app.page;
}

describe('a seek while paused', { timeout: 60_000 }, () => {
  it('keeps the player paused at the new place, and Play goes on from there', async () => {
    const page = await openConnected();
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    const transport = page.locator('.play-button');
    await transport.click();
    await expect.poll(() => transport.getAttribute('aria-label')).toBe('Resume');
    await waitForAudio(page, (a) => a.contextState === 'suspended');
    const before = (await probeAudio(page)).currentTime;

    const seek = page.getByRole('slider', { name: 'Seek' });
    await seek.focus();
    await page.keyboard.press('ArrowRight'); // 5 s on
    await expect.poll(() => starts.length).toBe(2);
    expect(starts[1]).toBeGreaterThan(4);
    await expect
      .poll(async () => Number(await seek.getAttribute('aria-valuenow')))
      .toBe(Math.round(starts[1]));
    // Held there (the server holds the stream too, PROTOCOL §17): the context stays suspended.
    const held = await probeAudio(page);
    expect(held.contextState).toBe('suspended');
    expect(held.currentTime).toBe(before);
    expect(await transport.getAttribute('aria-label')).toBe('Resume');

    await transport.click();
    await waitForAudio(page, (a) => a.contextState === 'running' && a.rms > 0.005);
    expect(starts).toHaveLength(2); // Play went on with the held stream, no new request
    const going = Number(await seek.getAttribute('aria-valuenow'));
    expect(going).toBeGreaterThanOrEqual(Math.round(starts[1]));
  });
});
