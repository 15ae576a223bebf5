import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFlac, makeImage } from '../support/coverFixtures';
import { useE2eApp } from './support/appHarness';
import {
  collectPageErrors,
  connectTo,
  RESULTS_DIR,
  startMusicServer,
} from './support/e2eEnvironment';

const e2e = useE2eApp();
let music: string;

beforeAll(async () => {
  music = await mkdtemp(join(os.tmpdir(), 'tidewave-e2e-covers-'));
  await mkdir(join(music, 'Covered'));
  await mkdir(join(music, 'Bare'));
  await makeImage(join(music, '.cover.jpg'), 'noise-jpeg', 300);
  const tags = (album: string, title: string) => ({
    ALBUM: album,
    ARTIST: 'Painter',
    TITLE: title,
  });
  await Promise.all([
    makeFlac(
      join(music, 'Covered', '1.flac'),
      join(music, '.cover.jpg'),
      tags('Covered', 'Framed'),
    ),
    makeFlac(join(music, 'Bare', '1.flac'), undefined, tags('Bare', 'Blank')),
  ]);
}, 60_000);

afterAll(async () => {
  await rm(music, { recursive: true, force: true });
});

const naturalWidth = (selector: string) => `(() => {
  const img = document.querySelector(${JSON.stringify(selector)});
  return img && img.complete ? img.naturalWidth : 0;
})()`;

describe('covers in the app (issue 9 item 5, issue 11 item 5)', { timeout: 60_000 }, () => {
  it('the album view shows a real cover for an album with one, and now playing shows it', async () => {
    const started = await startMusicServer({ folder: music, pacing: false });
    e2e.onCleanup(() => started.server.close());
    const app = await e2e.open();
    const { page } = app;
    const errors = collectPageErrors(page);
    await connectTo(page, started.port);
    await page.getByRole('button', { name: 'Albums' }).click();
    const cards = page.getByRole('list', { name: 'Albums' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(2);
    const covered = cards.filter({ hasText: 'Covered' });
    await expect
      .poll(() => page.evaluate(naturalWidth('.album-card-item .album-cover-image')))
      .toBe(300);
    expect(await covered.locator('img.album-cover-image').count()).toBe(1);
    // The album without a cover keeps its placeholder.
    expect(await cards.filter({ hasText: 'Bare' }).locator('img').count()).toBe(0);
    await page.screenshot({ path: join(RESULTS_DIR, 'album-covers.png') });

    // A FLAC song: its cover comes from the cover extension (the tag sniffer knows only MP3).
    await covered.getByRole('button').click();
    await page.getByRole('button', { name: 'Play Framed' }).click();
    await expect.poll(() => page.evaluate(naturalWidth('.now-playing img.cover'))).toBe(300);
    expect(errors).toEqual([]);
  });
});
