import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { collectPageErrors, connectTo } from './support/e2eEnvironment';

const e2e = useE2eApp({ music: true });

const queued = (page: Page) => page.locator('#up-next .queue-title').allInnerTexts();
const titles = (page: Page) => page.locator('tbody .cell-title').allInnerTexts();

/** Connects unless the page already did (the server is remembered across a restart). */
async function showSongs(page: Page, port: number): Promise<void> {
  const connected = page.getByRole('status').filter({ hasText: /^Connected/ });
  if ((await connected.count()) === 0) {
    const connect = page.getByRole('button', { name: 'Connect', exact: true });
    await Promise.race([connected.waitFor(), connect.waitFor()]);
    if ((await connected.count()) === 0) await connectTo(page, port);
  }
  const rows = page.getByRole('grid', { name: 'Songs' }).locator('tbody tr');
  await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(3);
}

describe('session memory in Chromium', { timeout: 90_000 }, () => {
  it('a reload comes back to the same queue, repeat and sort, paused', async () => {
    const played: number[] = [];
    const app = await e2e.open({
      override: (base) => ({
        play: async (request) => {
          played.push(request.songId);
          return base.play(request);
        },
      }),
    });
    const { page } = app;
    const errors = collectPageErrors(page);
    await showSongs(page, e2e.music.port);

    await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    const repeat = page.getByRole('button', { name: /^Repeat/ });
    await repeat.click();
    await repeat.click();
    await page.locator('thead').getByRole('button', { name: 'Title' }).click();
    await page.getByRole('button', { name: /^Up next/ }).click();
    await expect.poll(() => queued(page)).toEqual(['Night Ferry', 'Glass Tide']);
    await expect.poll(() => titles(page)).toEqual(['Glass Tide', 'Harbor Lights', 'Night Ferry']);

    await page.reload();
    await showSongs(page, e2e.music.port);
    await page.getByRole('button', { name: /^Up next/ }).click();
    await expect.poll(() => queued(page)).toEqual(['Night Ferry', 'Glass Tide']);
    expect(await repeat.getAttribute('aria-label')).toBe('Repeat: one song');
    await expect.poll(() => titles(page)).toEqual(['Glass Tide', 'Harbor Lights', 'Night Ferry']);
    // Paused: nothing was asked to play, and the transport offers Play.
    expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    expect(played).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a reload comes back to the same song and position, paused; Play goes on from there', async () => {
    const requests: Array<{ songId: number; startSeconds?: number }> = [];
    const app = await e2e.open({
      override: (base) => ({
        play: async (request) => {
          requests.push(request);
          return base.play(request);
        },
      }),
    });
    const { page, services } = app;
    const errors = collectPageErrors(page);
    await showSongs(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Night Ferry');
    // Three steps of 5 s forward on the seek bar: a seek to 15 s.
    const seek = page.getByRole('slider', { name: 'Seek' });
    await seek.focus();
    for (let step = 0; step < 3; step++) await seek.press('ArrowRight');
    await expect.poll(() => requests.at(-1)?.startSeconds ?? 0).toBeGreaterThanOrEqual(15);
    const seekedTo = requests.at(-1)?.startSeconds ?? 0;
    // Remembered through main's settings file, at once for a seek.
    await expect
      .poll(async () => (await services.settings.load()).resume)
      .toMatchObject({ songId: 2, port: e2e.music.port });
    const elapsed = page.getByLabel('Elapsed time');
    await expect
      .poll(async () => timeSeconds(await elapsed.innerText()), { timeout: 15_000 })
      .toBeGreaterThan(seekedTo);

    await page.reload();
    await showSongs(page, e2e.music.port);
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Night Ferry');
    await expect
      .poll(async () => timeSeconds(await elapsed.innerText()))
      .toBeGreaterThanOrEqual(Math.floor(seekedTo));
    const shown = await elapsed.innerText();
    // Paused: the transport offers Play and nothing was asked for since the reload.
    const asked = requests.length;
    const play = page.getByRole('button', { name: 'Play', exact: true });
    expect(await play.count()).toBe(1);
    expect(requests.length).toBe(asked);

    await play.click();
    await expect.poll(() => requests.length).toBe(asked + 1);
    const resumed = requests.at(-1);
    expect(resumed?.songId).toBe(2);
    // The very position shown (and remembered), not the song's start.
    expect(formatTime(resumed?.startSeconds ?? 0)).toBe(shown);
    expect((await services.settings.load()).resume?.seconds).toBe(resumed?.startSeconds);
    await page.getByRole('button', { name: 'Pause' }).waitFor();
    await expect
      .poll(async () => timeSeconds(await elapsed.innerText()), { timeout: 15_000 })
      .toBeGreaterThan(timeSeconds(shown));
    expect(errors).toEqual([]);
  });
});

function timeSeconds(text: string): number {
  const [minutes, seconds] = text.split(':').map(Number);
  return minutes * 60 + seconds;
}

/** m:ss, as the transport shows a time (formatTime in the renderer). */
function formatTime(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
