import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';

// Two defects the third walk-through (session 13) left for a keyboard and screen-reader listener:
// Up next opened from its toggle left the focus behind, and queued songs a library change took
// out went silently.

const e2e = useE2eApp({ music: true });

/** The focused element's id, or its role when it has none (a string: no DOM types here). */
const FOCUSED = `(() => {
  const element = document.activeElement;
  return element?.id || element?.getAttribute('role') || element?.tagName || '';
})()`;

describe('Up next for a keyboard and screen-reader listener', { timeout: 60_000 }, () => {
  it('its toggle puts the focus in the panel, Escape there brings it back, Q leaves it', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    const grid = page.getByRole('grid', { name: 'Songs' });
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(3);
    const toggle = page.getByRole('button', { name: /^Up next/ });
    const panel = page.getByRole('complementary', { name: 'Up next' });
    const focused = () => page.evaluate<string>(FOCUSED);
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();

    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('up-next'); // the panel, named "Up next", not the toggle
    await page.keyboard.press('Tab');
    // On into it: its Clear (not some 8 Shift+Tabs back, before the transport).
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('Clear');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await focused()).toBe('up-next-toggle');

    // Space opens it too; a click closes it, and the focus stays on the toggle.
    await page.keyboard.press('Space');
    await expect.poll(() => panel.count()).toBe(1);
    expect(await focused()).toBe('up-next');
    await toggle.click();
    await expect.poll(() => panel.count()).toBe(0);
    expect(await focused()).toBe('up-next-toggle');

    // Escape in Up next closes only Up next: the host panel, open as well, stays.
    const host = page.getByRole('button', { name: 'Host a library' });
    await host.click();
    await toggle.click();
    expect(await focused()).toBe('up-next');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await host.getAttribute('aria-expanded')).toBe('true');
    await host.click();

    // Queuing from the table, the panel open, leaves the focus on the table.
    await toggle.click();
    await grid.locator('tr', { hasText: 'Night Ferry' }).click();
    await grid.press('q');
    await expect
      .poll(() => panel.locator('.queue-title').allInnerTexts())
      .toEqual(['Glass Tide', 'Night Ferry']);
    expect(await focused()).toBe('grid');
  });

  it('says which queued song a library change took out of Up next', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tidewave-up-next-'));
    e2e.onCleanup(() => rm(folder, { recursive: true, force: true }));
    for (const name of ['01 - Harbor Lights.mp3', '02 - Glass Tide.mp3', '03 - Night Ferry.mp3']) {
      await copyFile(join(MUSIC_DIR, name), join(folder, name));
    }
    const { page, services } = await e2e.open();
    const hosted = await services.host.start({ folder, port: 0, shareOnLan: false });
    await connectTo(page, hosted.port ?? 0);
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
    const status = () => page.getByRole('status').allInnerTexts();
    await expect.poll(status).toContainEqual('Night Ferry added to the queue.');

    await rm(join(folder, '02 - Glass Tide.mp3'));
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(status).toContainEqual('Removed from Up next: Glass Tide.');
    expect(await page.getByRole('button', { name: /^Up next/ }).getAttribute('aria-label')).toBe(
      'Up next, 1 queued',
    );
  });
});
