import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp, type OpenedApp } from './support/appHarness';
import { probeAudio, waitForAudio } from './support/audioProbe';
import { collectPageErrors, connectTo } from './support/e2eEnvironment';

// What a listener meets at the ends: a queued song asked for in the last seconds of the song
// before it (the gapless hand-over) until it starts, and Next pressed at the end of the list.

const e2e = useE2eApp({ music: true });

/** Each song plays from here (the bundled songs last 30–32 s): the hand-over comes soon. */
const LAST_SECONDS_FROM = 26;
const HARBOR_LIGHTS = 0;
const GLASS_TIDE = 1;
const NIGHT_FERRY = 2;

const queued = (page: Page) => page.locator('#up-next .queue-title').allInnerTexts();

/**
 * Opens the app with Night Ferry queued and plays Harbor Lights. When the page asks for Night
 * Ferry (the hand-over, in Harbor Lights' last seconds) the listener pauses, as a media key
 * would: the clock stands still with Night Ferry asked for but not started. The server is not
 * told of the pause (PROTOCOL §17 would hold Night Ferry there): its first audio is queued in
 * the page behind Harbor Lights', as while playing.
 */
async function pausedWithNightFerryAskedFor(): Promise<{ app: OpenedApp; played: number[] }> {
  const played: number[] = [];
  let paused = false;
  const app: OpenedApp = await e2e.open({
    override: (base) => ({
      play: async (request) => {
        played.push(request.songId);
        if (request.songId === NIGHT_FERRY && !paused) {
          paused = true;
          app.bridge.mediaKey('play-pause');
        }
        const startSeconds = Math.max(request.startSeconds ?? 0, LAST_SECONDS_FROM);
        return base.play({ ...request, startSeconds });
      },
      reportPaused: () => undefined,
    }),
  });
  const { page } = app;
  await connectTo(page, e2e.music.port);
  await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
  await page.getByRole('button', { name: /^Up next/ }).click();
  await expect.poll(() => queued(page)).toEqual(['Night Ferry']);
  await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
  await expect.poll(() => played, { timeout: 30_000 }).toEqual([HARBOR_LIGHTS, NIGHT_FERRY]);
  await page.getByRole('button', { name: 'Resume' }).waitFor({ timeout: 20_000 });
  return { app, played };
}

/** Records every title the now-playing card shows from now on. */
const RECORD_TITLES = `(() => {
  const title = document.querySelector('.now-title');
  window.__titles = [title.textContent];
  new MutationObserver(() => window.__titles.push(title.textContent)).observe(title, {
    childList: true,
    subtree: true,
    characterData: true,
  });
})()`;

/** Records what the now-playing live region says: each text node or element put in it. */
const RECORD_ANNOUNCEMENTS = `(() => {
  const region = document.querySelector('.now-playing [aria-live]');
  window.__said = [];
  new MutationObserver((records) => {
    for (const record of records) {
      const added = record.type === 'characterData' ? [record.target] : [...record.addedNodes];
      for (const node of added) if (node.textContent) window.__said.push(node.textContent);
    }
  }).observe(region, { childList: true, subtree: true, characterData: true });
})()`;

describe('the ends of the queue and the list in Chromium', { timeout: 90_000 }, () => {
  it('a queued song asked for in the last seconds stays in Up next until it starts, through a reload', async () => {
    const { app } = await pausedWithNightFerryAskedFor();
    const { page } = app;
    const errors = collectPageErrors(page);
    // Asked for, not started: Harbor Lights is what plays, and Night Ferry is still up next.
    expect(await page.locator('.now-title').innerText()).toBe('Harbor Lights');
    expect(await queued(page)).toEqual(['Night Ferry']);
    expect(await page.locator('#up-next .queue-artist').innerText()).toContain('starts next');
    await page.reload();
    await expect
      .poll(() => page.getByRole('grid', { name: 'Songs' }).locator('tbody tr').count(), {
        timeout: 20_000,
      })
      .toBe(3);
    await page.getByRole('button', { name: /^Up next/ }).click();
    await expect.poll(() => queued(page)).toEqual(['Night Ferry']);
    expect(errors).toEqual([]);
  });

  it('removed before it starts, it never plays: the song after Harbor Lights in the table does', async () => {
    const { app, played } = await pausedWithNightFerryAskedFor();
    const { page } = app;
    const errors = collectPageErrors(page);
    expect(await queued(page)).toEqual(['Night Ferry']);
    await page.getByRole('button', { name: 'Remove Night Ferry from the queue' }).click();
    await expect.poll(() => page.locator('#up-next').innerText()).toContain('Nothing queued');
    await page.evaluate(RECORD_TITLES);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => played, { timeout: 30_000 })
      .toEqual([HARBOR_LIGHTS, NIGHT_FERRY, GLASS_TIDE]);
    await expect
      .poll(() => page.locator('.now-title').innerText(), { timeout: 30_000 })
      .toBe('Glass Tide');
    await waitForAudio(page, (audio) => audio.rms > 0.005);
    const titles = (await page.evaluate('window.__titles')) as string[];
    expect(titles).not.toContain('Night Ferry');
    expect(titles).toContain('Glass Tide');
    // Night Ferry's audio was queued to follow Harbor Lights, and taken back cleanly: Glass
    // Tide's first sample is where Night Ferry's was, right after Harbor Lights' last (gapless).
    const { streams } = await probeAudio(page);
    const ids = Object.keys(streams)
      .map(Number)
      .sort((a, b) => a - b);
    expect(ids).toHaveLength(3);
    const [harbor, ferry, glass] = ids.map((id) => streams[id]);
    expect(ferry.frames).toBeGreaterThan(0);
    expect(ferry.firstStart).toBeCloseTo(harbor.lastEnd, 9);
    expect(glass.firstStart).toBeCloseTo(harbor.lastEnd, 9);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(errors).toEqual([]);
  });

  it('each Next on the last song is said once, the second as the first', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click(); // the last row
    await waitForAudio(page, (audio) => audio.rms > 0.005);
    await page.evaluate(RECORD_ANNOUNCEMENTS);
    const said = async () =>
      ((await page.evaluate('window.__said')) as string[]).filter((text) =>
        text.startsWith('End of the list'),
      );
    await page.getByRole('button', { name: 'Next song' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(said).toEqual(['End of the list: nothing more to play']);
    await page.keyboard.press('Enter');
    await expect.poll(said).toHaveLength(2);
    expect(await said()).toEqual([
      'End of the list: nothing more to play',
      'End of the list: nothing more to play',
    ]);
  });
});
