import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AppSettings } from '../../src/settings';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';

// What the session-11 walk-through of the real renderer left (a new listener, keyboard first).

const e2e = useE2eApp({ music: true });

/**
 * The connection status's elements whose text is cut without "…": clipped, but not a block
 * line that text-overflow ends with an ellipsis (a flex box's text is cut mid-letter).
 */
const CUT_WITHOUT_ELLIPSIS = `(() => {
  const status = document.querySelector('.connection-bar [role="status"]');
  return [status, ...status.querySelectorAll('*')]
    .filter((element) => element.scrollWidth > element.clientWidth)
    .filter((element) => {
      const style = getComputedStyle(element);
      const line = style.display === 'block' || style.display === 'inline-block';
      return !(line && style.textOverflow === 'ellipsis');
    })
    .map((element) => element.className);
})()`;

async function statusCut(page: Page): Promise<{ cut: boolean; plain: string[] }> {
  const status = page.locator('.connection-bar [role="status"]');
  const cut = await status.evaluate((element) => element.scrollWidth > element.clientWidth);
  return { cut, plain: (await page.evaluate(CUT_WITHOUT_ELLIPSIS)) as string[] };
}

/** How far (px) the queue buttons of row `index`, shown, reach over its Format cell. */
const buttonsOverFormat = (page: Page, index: number) =>
  page.evaluate(`(() => {
    const row = document.querySelectorAll('tbody tr')[${index}];
    const format = row.querySelector('.cell-format');
    const actions = row.querySelector('.cell-actions');
    if (!format || getComputedStyle(actions).opacity !== '1') return -1;
    const buttons = [...row.querySelectorAll('.row-queue')];
    const left = Math.min(...buttons.map((button) => button.getBoundingClientRect().left));
    return Math.max(0, format.getBoundingClientRect().right - left);
  })()`) as Promise<number>;

/** How many song rows (36 px, under a 34 px header) the table has room for. */
const ROWS_IN_VIEW = `(() => {
  const table = document.querySelector('.song-table-scroll').getBoundingClientRect();
  return Math.floor((table.height - 34) / 36);
})()`;

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what the walk-through left', { timeout: 60_000 }, () => {
  it('at the narrowest window the status is cut with "…", and its tooltip has all of it', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.setViewportSize({ width: 760, height: 520 }); // the window's minimum (window.ts)
    await connectTo(page, e2e.music.port);
    app.bridge.connectionChanged({
      status: 'reconnecting',
      host: '127.0.0.1',
      port: e2e.music.port,
      hasMetadata: true,
      error: 'The server closed the connection',
      retry: { attempt: 5, delayMs: 9000 },
    });
    const status = page.getByRole('status').filter({ hasText: 'attempt 5' });
    await status.waitFor();
    expect(await statusCut(page)).toEqual({ cut: true, plain: [] });
    expect(await status.getAttribute('title')).toBe(
      'Reconnecting… · attempt 5; The server closed the connection',
    );
  });

  it('the queue buttons of a hovered or selected row leave its format in view', async () => {
    const { page } = await e2e.open();
    await page.setViewportSize({ width: 760, height: 520 }); // the window's minimum (window.ts)
    await connectTo(page, e2e.music.port);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    await rows.nth(0).hover();
    expect(await buttonsOverFormat(page, 0)).toBe(0);
    await rows.nth(1).click(); // selected, with the pointer then elsewhere
    await page.mouse.move(5, 5);
    expect(await buttonsOverFormat(page, 1)).toBe(0);
    expect(await rows.nth(1).locator('.cell-format').innerText()).toBe('mp3');
  });

  it('after a restart while muted, M unmutes to the level before the mute', async () => {
    const app = await e2e.open();
    const { page } = app;
    const volume = page.getByRole('slider', { name: 'Volume' });
    await volume.fill('0.6');
    await volume.blur();
    await page.keyboard.press('m');
    await expect.poll(() => volume.inputValue()).toBe('0');
    // What a restart reads: the settings file in the app's user-data folder.
    const saved = () => new AppSettings(join(app.userDataDir, 'settings.json')).load();
    await expect.poll(saved).toMatchObject({ volume: 0, unmutedVolume: 0.6 });
    await page.reload();
    await expect.poll(() => volume.inputValue()).toBe('0');
    await page.keyboard.press('m');
    await expect.poll(() => volume.inputValue()).toBe('0.6');
  });

  it('Next on the last song with repeat off stops, and says the list has ended', async () => {
    const played: number[] = [];
    const { page } = await e2e.open({
      override: (base) => ({
        play: (request) => (played.push(request.songId), base.play(request)),
      }),
    });
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click(); // the last row
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.getByRole('button', { name: 'Next song' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.play-button').getAttribute('aria-label')).toBe('Play');
    await waitForAudio(page, (a) => a.rms < 0.0005);
    const nowPlaying = page.getByLabel('Now playing');
    expect(await nowPlaying.innerText()).toContain('End of the list');
    expect(await nowPlaying.innerText()).toContain('Night Ferry');
    expect(played).toEqual([2]);
  });

  it('while hosting, the host panel sums up, and the smallest window keeps rows of songs', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.setViewportSize({ width: 760, height: 520 }); // the window's minimum (window.ts)
    await app.services.host.start({ folder: MUSIC_DIR, port: 0, shareOnLan: false });
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await expect.poll(() => panel.innerText()).toContain('Hosting 3 songs');
    expect(await panel.innerText()).toContain('Nobody is listening');
    expect(await page.evaluate(ROWS_IN_VIEW)).toBeGreaterThanOrEqual(4);
    // The rest is a keyboard press away, and the same press puts it away.
    const details = panel.getByRole('button', { name: 'Details' });
    await details.focus();
    await page.keyboard.press('Enter');
    await panel.getByRole('button', { name: 'Set code' }).waitFor();
    expect(await details.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Set code' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Stop hosting' }).count()).toBe(1);
  });
});
