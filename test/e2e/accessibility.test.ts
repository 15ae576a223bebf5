import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryServer } from '../../src/server';
import { GIVES_UP_AT_ONCE, useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { seriousViolations } from './support/axeCheck';
import { connectTo, MUSIC_DIR, RESULTS_DIR, startMusicServer } from './support/e2eEnvironment';

const e2e = useE2eApp();
/** The music server started last (a test may stop it itself). */
let latest: LibraryServer | undefined;

async function musicServer(folder = MUSIC_DIR): Promise<number> {
  const started = await startMusicServer({ pacing: false, folder });
  e2e.onCleanup(() => started.server.close());
  latest = started.server;
  return started.port;
}

/** The focused element's label text (a string: this file is compiled without the DOM's types). */
const FOCUSED_TEXT = `(() => {
  const element = document.activeElement;
  return (element?.closest('label') ?? element)?.textContent?.trim() ?? '';
})()`;

// Generous bounds: axe takes a second or two per run on a busy machine.
describe('no serious or critical axe-core violations (issue 10)', { timeout: 90_000 }, () => {
  it('first run, the host panel open, and hosting', async () => {
    const app = await e2e.open({ firstRun: true });
    const { page } = app;
    await page.getByRole('region', { name: 'Welcome to Tidewave' }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Host a library' }).click();
    await page
      .getByRole('region', { name: 'Host a library' })
      .getByText('Hosting 3 songs')
      .waitFor();
    // First run hosts already: the panel is open and the toggle shows hosting.
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the host panel open before hosting', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Host a library' }).click();
    await page.getByRole('region', { name: 'Host a library' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('playing, paused, and an announcement of the new song', async () => {
    const port = await musicServer();
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    const live = page.locator('[aria-live="polite"]').filter({ hasText: 'Now playing:' });
    await expect.poll(() => live.innerText()).toContain('Harbor Lights');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the error banner', async () => {
    const port = await musicServer();
    const app = await e2e.open({ playback: { reconnect: GIVES_UP_AT_ONCE } });
    const { page } = app;
    await connectTo(page, port);
    await latest?.close();
    await page.getByRole('alert').filter({ hasText: 'No connection' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an empty library (hosting a folder with no songs)', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'tidewave-empty-'));
    e2e.onCleanup(() => rm(empty, { recursive: true, force: true }));
    const app = await e2e.open({ pickFolder: async () => empty });
    const { page } = app;
    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    await panel.getByRole('textbox', { name: 'Port' }).fill('0');
    await panel.getByRole('button', { name: 'Start hosting' }).click();
    await panel.getByRole('alert').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the queue open while a song plays (and the README screenshot)', async () => {
    const port = await musicServer();
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
    await page.getByRole('button', { name: /^Up next/ }).click();
    const queued = page.locator('#up-next .queue-title');
    await expect.poll(() => queued.allInnerTexts()).toEqual(['Glass Tide', 'Night Ferry']);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    // The clock shows 0:01 a second into the song: more than expect.poll's default wait.
    await expect
      .poll(() => page.getByLabel('Elapsed time').innerText(), { timeout: 10_000 })
      .not.toBe('0:00');
    expect(await seriousViolations(page)).toEqual([]);

    await mkdir(RESULTS_DIR, { recursive: true });
    const shot = join(RESULTS_DIR, 'playing-queue.png');
    await page.screenshot({ path: shot });
    // The README's screenshot; its port and clock differ on every run, so it is refreshed only
    // on request: TIDEWAVE_UPDATE_SCREENSHOT=1 npx vitest run test/e2e/accessibility.test.ts
    if (process.env.TIDEWAVE_UPDATE_SCREENSHOT === '1') {
      await copyFile(shot, join(import.meta.dirname, '../../docs/screenshot.png'));
    }
  });

  it('the desktop settings: keyboard reachable, saved, Escape closes them', async () => {
    const app = await e2e.open();
    const { page, services } = app;
    const toggle = page.getByRole('button', { name: 'Settings', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Settings' });
    const keep = panel.getByRole('checkbox', { name: /Keep playing in the tray/ });
    const notify = panel.getByRole('checkbox', { name: /notification when a new song/ });
    expect(await keep.isChecked()).toBe(false); // both off by default
    expect(await notify.isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(FOCUSED_TEXT)).toMatch(/^Keep playing in the tray/);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await services.settings.load()).keepPlayingInTray).toBe(true);
    expect((await services.settings.load()).notifyOnNewSong).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await page.evaluate(FOCUSED_TEXT)).toBe('Settings');
  });
});
