import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { MUSIC_DIR } from './support/e2eEnvironment';

const e2e = useE2eApp();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tidewave-watched-'));
  for (const name of ['01 - Harbor Lights.mp3', '03 - Night Ferry.mp3']) {
    await copyFile(join(MUSIC_DIR, name), join(folder, name));
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('a hosted folder that changes', { timeout: 60_000 }, () => {
  it('refreshes the list, keeping the playing song and the selection', async () => {
    const app = await e2e.open();
    const { page, services } = app;
    const hosted = await services.host.start({ folder, port: 0, shareOnLan: false });
    await services.playback.connect('127.0.0.1', hosted.port ?? 0);
    const rows = () => page.locator('tbody tr').allInnerTexts();
    await expect.poll(rows).toHaveLength(2);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.locator('tbody tr', { hasText: 'Harbor Lights' }).click();
    await expect.poll(() => page.locator('tr.is-selected').innerText()).toContain('Harbor Lights');

    await copyFile(join(MUSIC_DIR, '02 - Glass Tide.mp3'), join(folder, '02 - Glass Tide.mp3'));
    await expect.poll(rows, { timeout: 15_000 }).toHaveLength(3);
    expect(await page.locator('tr.is-playing').innerText()).toContain('Night Ferry');
    expect(await page.locator('tr.is-selected').innerText()).toContain('Harbor Lights');
    await waitForAudio(page, (a) => a.rms > 0.005); // still playing
    expect(services.host.getState().songCount).toBe(3);
  });
});
