import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { ConnectionState } from '../../src/shared/tidewaveApi';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR, startMusicServer } from './support/e2eEnvironment';

// What a new listener tripped over using the app as the README promises (session 11).

const e2e = useE2eApp({ music: true });
/** The song ids the page asked main to play, in order, and from where. */
let played: number[] = [];
let starts: number[] = [];

async function openConnected(): Promise<Page> {
  played = [];
  starts = [];
  const app = await e2e.open({
    override: (base) => ({
      play: async (request) => {
        played.push(request.songId);
        starts.push(request.startSeconds ?? 0);
        return base.play(request);
      },
    }),
  });
  await connectTo(app.page, e2e.music.port);
  await expect.poll(() => app.page.locator('tbody tr').count()).toBe(3);
  return app.page;
}

/** The accessible name (or text) of the focused element; a string: the page has the DOM. */
const FOCUSED_SCRIPT = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return '(body)';
  return element.getAttribute('aria-label') ?? element.innerText.trim();
})()`;

const focused = (page: Page) => page.evaluate(FOCUSED_SCRIPT) as Promise<string>;

/** Names of the main controls (and the queue panel) reaching past the window's right edge. */
const OUTSIDE_SCRIPT = `(() => {
  const names = ['Settings', 'Host a library', 'Disconnect', 'Volume', 'Next song'];
  const controls = [...document.querySelectorAll('button, input')].filter((element) =>
    names.includes(element.getAttribute('aria-label') ?? element.innerText.trim()),
  );
  const panel = document.querySelector('#up-next');
  return [...controls, ...(panel ? [panel] : [])]
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
    .map((element) => element.getAttribute('aria-label') ?? element.innerText.trim());
})()`;

/** What main reports while the music server, dropped, is retried: attempt `attempt` next. */
function reconnecting(attempt: number, delayMs: number): ConnectionState {
  return {
    status: 'reconnecting',
    host: '127.0.0.1',
    port: e2e.music.port,
    hasMetadata: true,
    error: 'The server closed the connection',
    retry: { attempt, delayMs },
  };
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what a new listener trips over', { timeout: 60_000 }, () => {
  it('Space after a click on a row’s play button pauses, and does not start the song again', async () => {
    const page = await openConnected();
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.keyboard.press('Space');
    const transport = page.locator('.play-button');
    await expect.poll(() => transport.getAttribute('aria-label')).toBe('Resume');
    expect(played).toEqual([1]);
    // The arrows move through the table from the clicked row, as after a click on the row.
    await page.keyboard.press('ArrowDown');
    const selected = page.locator('tbody tr[aria-selected="true"] .cell-title');
    await expect.poll(() => selected.innerText()).toBe('Night Ferry');
    // The queue buttons leave the focus on the table too: Space resumes, no second add.
    await page.getByRole('button', { name: 'Add Harbor Lights to the queue' }).click();
    await page.keyboard.press('Space');
    await expect.poll(() => transport.getAttribute('aria-label')).toBe('Pause');
    const queueToggle = page.getByRole('button', { name: /^Up next/ });
    expect(await queueToggle.getAttribute('aria-label')).toBe('Up next, 1 queued');
    expect(played).toEqual([1]);
  });

  it('Refresh and Stop keep the focus of the keyboard user who pressed them', async () => {
    const page = await openConnected();
    const refresh = page.getByRole('button', { name: 'Refresh song list' });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    expect(await focused(page)).toBe('Refresh song list');

    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.getByRole('button', { name: 'Stop' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.play-button').getAttribute('aria-label')).toBe('Play');
    expect(await focused(page)).toBe('Stop');
  });

  it('ArrowRight on the progress bar in a song’s last seconds goes on to the next song', async () => {
    const page = await openConnected();
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    // Glass Tide lasts 30 s: seven steps of 5 s from its start go past its end.
    await page.getByRole('slider', { name: 'Seek' }).focus();
    for (let step = 0; step < 7; step++) await page.keyboard.press('ArrowRight');
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain('Night Ferry');
    await waitForAudio(page, (a) => a.rms > 0.005);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(played.at(-1)).toBe(2);
    // No start past Glass Tide's end was asked for (the server refuses one).
    expect(starts.filter((start, i) => played[i] === 1 && start > 30)).toEqual([]);
  });

  it('the welcome card and the host panel name the formats a library may hold', async () => {
    const app = await e2e.open({ firstRun: true });
    const { page } = app;
    const card = page.getByRole('region', { name: 'Welcome to Tidewave' });
    await expect.poll(() => card.innerText()).toContain('FLAC');
    await page.getByRole('button', { name: 'Host a library', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Details' }).click(); // hosting: a summary till then
    await expect.poll(() => panel.innerText()).toMatch(/MP3, FLAC, Ogg Vorbis, Opus, WAV/);
  });

  it('after Disconnect the bar keeps the address just used, so Connect reaches it again', async () => {
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('status').filter({ hasText: 'Not connected' }).waitFor();
    const port = page.getByRole('textbox', { name: 'Server port' });
    expect(await port.inputValue()).toBe(String(e2e.music.port));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    // Saved: the next start connects there too, where the resume point belongs.
    expect(await app.services.settings.load()).toMatchObject({
      host: '127.0.0.1',
      port: e2e.music.port,
    });
  });

  it('the settings close with Escape right after a click on their button, and with a click elsewhere', async () => {
    const page = await openConnected();
    const toggle = page.getByRole('button', { name: 'Settings', exact: true });
    const panel = page.getByRole('region', { name: 'Settings' });
    await toggle.click();
    await panel.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.click();
    await panel.waitFor();
    await page.locator('tbody tr', { hasText: 'Night Ferry' }).click();
    await expect.poll(() => panel.count()).toBe(0);
    // A click inside the panel keeps it open.
    await toggle.click();
    await panel.getByRole('checkbox', { name: /notification when a new song/ }).click();
    expect(await panel.count()).toBe(1);
  });

  it('a song that cannot be decoded is named in the banner, even while another is shown', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tidewave-newlistener-'));
    e2e.onCleanup(() => rm(folder, { recursive: true, force: true }));
    await copyFile(
      join(MUSIC_DIR, '01 - Harbor Lights.mp3'),
      join(folder, '01 - Harbor Lights.mp3'),
    );
    // An ID3 tag and then noise: listed (by its file name), but no audio comes out of it.
    const noise = Buffer.alloc(100_000, 0x5a);
    noise.write('ID3', 0);
    await writeFile(join(folder, '02 - Broken Song.mp3'), noise);
    const started = await startMusicServer({ pacing: false, folder });
    e2e.onCleanup(() => started.server.close());
    const app = await e2e.open({
      // Harbor Lights from its last seconds, so the broken song is asked for at once.
      override: (base) => ({
        play: (request) => base.play({ ...request, startSeconds: request.songId === 0 ? 28 : 0 }),
      }),
    });
    const { page } = app;
    await connectTo(page, started.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 20_000 }).toContain('Broken Song');
    expect(await alert.innerText()).toContain('Could not play “02 - Broken Song”');
  });

  it('at the window’s narrowest, and while reconnecting, every control stays in the window', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.setViewportSize({ width: 760, height: 520 }); // the window's minimum (window.ts)
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: /^Up next/ }).click();
    // What the status says while a dropped server is retried (as main reports it).
    app.bridge.connectionChanged(reconnecting(5, 9000));
    await page.getByRole('status').filter({ hasText: 'attempt 5' }).waitFor();
    const outside = (await page.evaluate(OUTSIDE_SCRIPT)) as string[];
    expect(outside).toEqual([]);
    expect(await page.locator('#up-next').count()).toBe(1);
    // The brand keeps its name for assistive tech when only its icon shows.
    expect(await page.getByRole('heading', { name: 'Tidewave', level: 1 }).count()).toBe(1);
  });

  it('after a drag of the volume, Space pauses and M mutes; the arrows still move the volume', async () => {
    const page = await openConnected();
    await page.getByRole('button', { name: 'Play Glass Tide' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    const volume = page.getByRole('slider', { name: 'Volume' });
    const box = await volume.boundingBox();
    if (!box) throw new Error('the volume slider is not shown');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2); // focuses it
    const level = Number(await volume.inputValue());
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await volume.inputValue())).toBeLessThan(level);
    expect(await page.getByLabel('Now playing').innerText()).toContain('Glass Tide');
    await page.keyboard.press('Space');
    const transport = page.locator('.play-button');
    await expect.poll(() => transport.getAttribute('aria-label')).toBe('Resume');
    await page.keyboard.press('m');
    await expect.poll(() => volume.inputValue()).toBe('0');
    expect(played).toEqual([1]);
  });

  it('opening an album by keyboard, and closing it with ×, leaves the focus on the songs', async () => {
    const page = await openConnected();
    const views = page.getByRole('group', { name: 'View' });
    await views.getByRole('button', { name: 'Albums' }).click();
    const album = page.getByRole('list', { name: 'Albums' }).getByRole('button').first();
    await album.focus();
    await page.keyboard.press('Enter');
    const grid = page.getByRole('grid', { name: 'Songs' });
    await grid.waitFor();
    await expect.poll(() => focused(page)).toBe('Songs');
    // From there the keys work on the album's songs: Enter plays the first one.
    await page.keyboard.press('Enter');
    await expect.poll(() => played).toEqual([0]);
    await page.getByRole('button', { name: 'Show all songs' }).click();
    await expect.poll(() => focused(page)).toBe('Songs');
  });

  it('while reconnecting, the wait before the next attempt counts down', async () => {
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, e2e.music.port);
    app.bridge.connectionChanged(reconnecting(4, 5000));
    const status = page.getByRole('status').filter({ hasText: 'attempt 4' });
    await expect.poll(() => status.innerText()).toContain('attempt 4 in 5 s');
    await expect.poll(() => status.innerText()).toMatch(/attempt 4 in [1-3] s/);
  });

  it('playing an entry of Up next by keyboard keeps the focus in the panel', async () => {
    const page = await openConnected();
    await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await page.getByRole('button', { name: /^Up next/ }).click();
    const panel = page.getByRole('complementary', { name: 'Up next' });
    await panel.locator('.queue-play').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => played).toEqual([2]);
    // The entry that took its place has the focus; with none left, the panel has it.
    await expect.poll(() => focused(page)).toContain('Glass Tide');
    await page.keyboard.press('Enter');
    await expect.poll(() => played).toEqual([2, 1]);
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('up-next');
  });
});
