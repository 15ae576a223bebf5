import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { collectPageErrors, connectTo, RESULTS_DIR } from './support/e2eEnvironment';

const e2e = useE2eApp({ music: true });
/** The song ids the page asked main to play, in order: what was actually played. */
let played: number[] = [];

/** Each song is played from here (the bundled songs last 30–32 s), so a test hears only ends. */
const LAST_SECONDS_FROM = 27;

async function openShortSongs(): Promise<Page> {
  played = [];
  const app = await e2e.open({
    override: (base) => ({
      play: async (request) => {
        played.push(request.songId);
        const startSeconds = Math.max(request.startSeconds ?? 0, LAST_SECONDS_FROM);
        return base.play({ ...request, startSeconds });
      },
    }),
  });
  await connectTo(app.page, e2e.music.port);
  const rows = app.page.getByRole('grid', { name: 'Songs' }).locator('tbody tr');
  await expect.poll(() => rows.count()).toBe(3);
  return app.page;
}

const queued = (page: Page) => page.locator('#up-next .queue-title').allInnerTexts();

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('the play queue in Chromium', { timeout: 90_000 }, () => {
  it('queues by keys, buttons, Alt+arrows and drag and drop, and plays the queue gaplessly first', async () => {
    const page = await openShortSongs();
    const errors = collectPageErrors(page);
    const toggle = page.getByRole('button', { name: /^Up next/ });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = page.getByRole('complementary', { name: 'Up next' });
    await expect.poll(() => panel.innerText()).toContain('Nothing queued');

    // Keys on the table's active row: Q adds at the end, Shift+Q puts the song first.
    const grid = page.getByRole('grid', { name: 'Songs' });
    await grid.locator('tr', { hasText: 'Night Ferry' }).click();
    await grid.press('q');
    await grid.locator('tr', { hasText: 'Harbor Lights' }).click();
    await grid.press('Shift+Q');
    await expect.poll(() => queued(page)).toEqual(['Harbor Lights', 'Night Ferry']);
    // Focus stays on the table, so a screen reader hears what happened.
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual('Harbor Lights plays next.');
    // A row's button adds too.
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await expect.poll(() => queued(page)).toEqual(['Harbor Lights', 'Night Ferry', 'Glass Tide']);

    // Alt+ArrowDown moves the focused entry and keeps focus on it.
    const entry = (title: string) => panel.locator('.queue-item', { hasText: title });
    await entry('Harbor Lights').locator('.queue-play').focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => queued(page)).toEqual(['Night Ferry', 'Harbor Lights', 'Glass Tide']);
    expect(await page.locator(':focus').innerText()).toContain('Harbor Lights');
    // Delete takes an entry out; drag and drop moves one.
    await page.keyboard.press('Alt+ArrowDown');
    await page.keyboard.press('Delete');
    await expect.poll(() => queued(page)).toEqual(['Night Ferry', 'Glass Tide']);
    await entry('Glass Tide').dragTo(entry('Night Ferry'), {
      sourcePosition: { x: 3, y: 8 },
      targetPosition: { x: 3, y: 8 },
    });
    await expect.poll(() => queued(page)).toEqual(['Glass Tide', 'Night Ferry']);

    // The queue stays through a switch of views.
    const views = page.getByRole('group', { name: 'View' });
    await views.getByRole('button', { name: 'Albums' }).click();
    await expect.poll(() => queued(page)).toEqual(['Glass Tide', 'Night Ferry']);
    await views.getByRole('button', { name: 'Songs' }).click();
    await mkdir(RESULTS_DIR, { recursive: true });
    await page.screenshot({ path: join(RESULTS_DIR, 'queue.png') });

    // Play Harbor Lights: then the queue in its order, then the table's rows after Harbor
    // Lights (Glass Tide, Night Ferry), then the end (repeat is off).
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await expect.poll(() => played, { timeout: 60_000 }).toEqual([0, 1, 2, 1, 2]);
    await expect.poll(() => panel.innerText()).toContain('Nothing queued');
    await expect
      .poll(() => page.getByRole('button', { name: 'Play', exact: true }).count(), {
        timeout: 30_000,
      })
      .toBe(1);
    expect(played).toEqual([0, 1, 2, 1, 2]);
    expect(errors).toEqual([]);
  });

  it('with an empty queue, the songs follow the table as sorted, not the ids', async () => {
    const page = await openShortSongs();
    await page.locator('thead').getByRole('button', { name: 'Title' }).click();
    const titles = page.locator('tbody .cell-title');
    await expect
      .poll(() => titles.allInnerTexts())
      .toEqual(['Glass Tide', 'Harbor Lights', 'Night Ferry']);
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    // By id, Glass Tide (1) would be followed by Night Ferry (2) alone.
    await expect.poll(() => played, { timeout: 45_000 }).toEqual([1, 0, 2]);
  });

  it('repeat one plays the same song again, gaplessly', async () => {
    const page = await openShortSongs();
    const repeat = page.getByRole('button', { name: /^Repeat/ });
    await repeat.click();
    await repeat.click();
    expect(await repeat.getAttribute('aria-label')).toBe('Repeat: one song');
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await expect.poll(() => played, { timeout: 30_000 }).toEqual([1, 1, 1]);
    await page.getByRole('button', { name: 'Stop' }).click();
  });
});
