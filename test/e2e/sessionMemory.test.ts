import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LibraryServer } from '../../src/server';
import { openApp, type OpenedApp } from './support/appHarness';
import {
  collectPageErrors,
  connectTo,
  startE2eEnvironment,
  startMusicServer,
  type E2eEnvironment,
} from './support/e2eEnvironment';

let env: E2eEnvironment;
let music: { server: LibraryServer; port: number };
let app: OpenedApp | null = null;

beforeAll(async () => {
  env = await startE2eEnvironment();
  music = await startMusicServer({ pacing: false });
}, 60_000);

afterAll(async () => {
  await music?.server.close();
  await env?.close();
});

afterEach(async () => {
  await app?.close();
  app = null;
});

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
    app = await openApp(env, {
      override: (base) => ({
        play: async (request) => {
          played.push(request.songId);
          return base.play(request);
        },
      }),
    });
    const { page } = app;
    const errors = collectPageErrors(page);
    await showSongs(page, music.port);

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
    await showSongs(page, music.port);
    await page.getByRole('button', { name: /^Up next/ }).click();
    await expect.poll(() => queued(page)).toEqual(['Night Ferry', 'Glass Tide']);
    expect(await repeat.getAttribute('aria-label')).toBe('Repeat: one song');
    await expect.poll(() => titles(page)).toEqual(['Glass Tide', 'Harbor Lights', 'Night Ferry']);
    // Paused: nothing was asked to play, and the transport offers Play.
    expect(await page.getByRole('button', { name: 'Play', exact: true }).count()).toBe(1);
    expect(played).toEqual([]);
    expect(errors).toEqual([]);
  });
});
