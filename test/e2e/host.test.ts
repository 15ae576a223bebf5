import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { MUSIC_DIR, RESULTS_DIR } from './support/e2eEnvironment';

const e2e = useE2eApp();
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'tidewave-hosted-'));
  for (const name of ['01 - Harbor Lights.mp3', '03 - Night Ferry.mp3']) {
    await copyFile(join(MUSIC_DIR, name), join(folder, name));
  }
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('hosting and first run', { timeout: 60_000 }, () => {
  it('first run hosts the bundled music, connects, and shows a dismissible introduction', async () => {
    const app = await e2e.open({ firstRun: true });
    const { page, services } = app;
    const card = page.getByRole('region', { name: 'Welcome to Tidewave' });
    await card.waitFor();
    expect(await card.innerText()).toContain('Host a library');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await page.getByRole('button', { name: 'Host a library' }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContainEqual(expect.stringContaining('Hosting 3 songs for this computer only.'));
    await page.screenshot({ path: join(RESULTS_DIR, 'first-run.png') });

    await page.getByRole('slider', { name: 'Volume' }).fill('0.3');
    await expect.poll(async () => (await services.settings.load()).volume).toBe(0.3);

    await card.getByRole('button', { name: 'Got it' }).click();
    await expect.poll(() => card.count()).toBe(0);
    await expect.poll(async () => (await services.settings.load()).onboarded).toBe(true);
  });

  it('Host a library shares a chosen folder, and Listen here plays from it', async () => {
    const app = await e2e.open({ pickFolder: async () => folder }); // reconnects as the app does
    const { page } = app;
    const toggle = page.getByRole('button', { name: 'Host a library' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    await expect.poll(() => panel.innerText()).toContain(folder);
    await panel.getByRole('textbox', { name: 'Port' }).fill('0');
    const share = panel.getByRole('checkbox', { name: 'Share on my network' });
    expect(await share.isChecked()).toBe(false);
    await panel.getByRole('button', { name: 'Start hosting' }).click();

    await expect.poll(() => panel.innerText()).toContain('Hosting 2 songs for this computer only.');
    // The live region says what hosting does; the address and Listen here are not read as news.
    const hosting = panel.getByRole('status').filter({ hasText: 'Hosting 2 songs' });
    expect(await hosting.count()).toBe(1);
    expect(await hosting.getByRole('button').count()).toBe(0);
    expect(await hosting.getByRole('list').count()).toBe(0);
    const address = await panel.getByRole('list', { name: 'Addresses to share' }).innerText();
    expect(address.trim()).toMatch(/^127\.0\.0\.1:\d+$/);
    await page.screenshot({ path: join(RESULTS_DIR, 'hosting.png') });

    await panel.getByRole('button', { name: 'Listen here' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    await expect
      .poll(() => page.locator('.song-table tbody tr').allInnerTexts())
      .toEqual([expect.stringContaining('Harbor Lights'), expect.stringContaining('Night Ferry')]);
    expect(await page.getByRole('textbox', { name: 'Server port' }).inputValue()).toBe(
      address.trim().split(':')[1],
    );
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);

    await panel.getByRole('button', { name: 'Stop hosting' }).click();
    await panel.getByRole('button', { name: 'Start hosting' }).waitFor();
    // Stopped on purpose: the player leaves that library quietly instead of retrying it for
    // minutes behind a red banner (AppServices.stopHosting).
    await page
      .getByRole('status')
      .filter({ hasText: /^Not connected/ })
      .waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
