import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR, startMusicServer } from './support/e2eEnvironment';
import { typeTogether } from './support/typeTogether';

const e2e = useE2eApp();

async function musicServer(folder?: string): Promise<number> {
  const started = await startMusicServer({ pacing: false, folder });
  e2e.onCleanup(() => started.server.close());
  return started.port;
}

async function tempFolder(songs: readonly string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tidewave-desktop-'));
  e2e.onCleanup(() => rm(folder, { recursive: true, force: true }));
  for (const name of songs) await copyFile(join(MUSIC_DIR, name), join(folder, name));
  return folder;
}

/** The accessible name (or text) of the focused element; a string: the page has the DOM. */
const FOCUSED_SCRIPT = `(() => {
  const element = document.activeElement;
  if (!element || element === document.body) return '(body)';
  return element.getAttribute('aria-label') ?? element.innerText.trim();
})()`;

function focused(page: Page): Promise<string> {
  return page.evaluate(FOCUSED_SCRIPT) as Promise<string>;
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('defects seen on screen (issue 10)', { timeout: 60_000 }, () => {
  it('switching libraries forgets the other library’s song', async () => {
    const first = await musicServer();
    const second = await musicServer(
      await tempFolder(['02 - Glass Tide.mp3', '03 - Night Ferry.mp3']),
    );
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, first);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('status').filter({ hasText: 'Not connected' }).waitFor();
    await connectTo(page, second);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain('Nothing playing');
  });

  it('Disconnect removes the cover beside "Nothing playing"', async () => {
    const port = await musicServer();
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await expect.poll(() => page.locator('.now-playing img.cover').count()).toBe(1);
    await page.getByRole('button', { name: 'Disconnect' }).click();
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain('Nothing playing');
    expect(await page.locator('.now-playing img.cover').count()).toBe(0);
  });

  it('Play is disabled while there is nothing to play', async () => {
    const app = await e2e.open();
    const play = app.page.getByRole('button', { name: 'Play', exact: true });
    expect(await play.isDisabled()).toBe(true);
  });

  it('focus stays on the button after Connect, Disconnect and Start hosting', async () => {
    const port = await musicServer();
    const folder = await tempFolder(['01 - Harbor Lights.mp3']);
    const app = await e2e.open({ pickFolder: async () => folder });
    const { page } = app;
    await connectTo(page, port);
    await expect.poll(() => focused(page)).toBe('Disconnect');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByRole('status').filter({ hasText: 'Not connected' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Connect');

    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    await panel.getByRole('textbox', { name: 'Port' }).fill('0');
    await panel.getByRole('button', { name: 'Start hosting' }).click();
    await panel.getByRole('button', { name: 'Stop hosting' }).waitFor();
    await expect.poll(() => focused(page)).toBe('Stop hosting');
  });

  it('Escape closes the host panel and gives focus back to its button', async () => {
    const app = await e2e.open();
    const { page } = app;
    const toggle = page.getByRole('button', { name: 'Host a library' });
    await toggle.click();
    await page.getByRole('region', { name: 'Host a library' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Host a library' }).count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await focused(page)).toContain('Host a library');
  });

  it('Ctrl+F and / reach the filter', async () => {
    const port = await musicServer();
    const app = await e2e.open();
    const { page } = app;
    await connectTo(page, port);
    await page.getByRole('button', { name: 'Play', exact: true }).focus();
    await page.keyboard.press('Control+f');
    expect(await focused(page)).toBe('Filter songs');
    await page.getByRole('button', { name: 'Play', exact: true }).focus();
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('Filter songs');
    expect(await page.getByRole('searchbox', { name: 'Filter songs' }).inputValue()).toBe('');
    // From the song table too: there a lone `/` is not a type-ahead letter.
    await page.getByRole('grid').focus();
    await page.keyboard.press('/');
    expect(await focused(page)).toBe('Filter songs');
  });

  it('M mutes and unmutes', async () => {
    const app = await e2e.open({ settings: { volume: 0.4 } });
    const { page } = app;
    const volume = page.getByRole('slider', { name: 'Volume' });
    await expect.poll(() => volume.inputValue()).toBe('0.4');
    await page.locator('body').press('m');
    await expect.poll(() => volume.inputValue()).toBe('0');
    await page.locator('body').press('m');
    await expect.poll(() => volume.inputValue()).toBe('0.4');
  });

  it('M mutes from the song table too; inside a typed title it is a letter', async () => {
    const port = await musicServer();
    const app = await e2e.open({ settings: { volume: 0.4 } });
    const { page } = app;
    await connectTo(page, port);
    const volume = page.getByRole('slider', { name: 'Volume' });
    await expect.poll(() => volume.inputValue()).toBe('0.4');
    const grid = page.getByRole('grid', { name: 'Songs' });
    await expect.poll(() => grid.locator('tbody tr').count()).toBe(3);
    await grid.focus();
    await page.keyboard.press('m');
    await expect.poll(() => volume.inputValue()).toBe('0');
    await page.keyboard.press('M');
    await expect.poll(() => volume.inputValue()).toBe('0.4');
    // "N" begins a title ("Night Ferry"), so the M right after it is part of the word.
    await typeTogether(page, 'nm');
    const selected = grid.locator('tbody tr[aria-selected="true"] .cell-title');
    await expect.poll(() => selected.innerText()).toBe('Night Ferry');
    expect(await volume.inputValue()).toBe('0.4');
  });

  it('an invalid port says why Connect is unavailable', async () => {
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('textbox', { name: 'Server port' }).fill('99999');
    const port = page.getByRole('textbox', { name: 'Server port' });
    const describedBy = await port.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    const description = await page.locator(`[id="${describedBy}"]`).innerText();
    expect(description).toMatch(/port.*1.*65535/i);
    expect(await page.getByText(description).isVisible()).toBe(true);
  });

  it('an open port that is not a Tidewave server says so', async () => {
    const other: Server = createServer((socket) => {
      // What a web server says to a line it does not understand.
      socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    e2e.onCleanup(() => new Promise<void>((resolve) => other.close(() => resolve())));
    const address = other.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const app = await e2e.open();
    const { page } = app;
    await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Server port' }).fill(String(port));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('not a Tidewave server');
  });

  it('hosting an empty folder says so in a sentence', async () => {
    const folder = await tempFolder([]);
    const app = await e2e.open({ pickFolder: async () => folder });
    const { page } = app;
    await page.getByRole('button', { name: 'Host a library' }).click();
    const panel = page.getByRole('region', { name: 'Host a library' });
    await panel.getByRole('button', { name: 'Choose folder…' }).click();
    await panel.getByRole('textbox', { name: 'Port' }).fill('0');
    await panel.getByRole('button', { name: 'Start hosting' }).click();
    const error = panel.getByRole('alert');
    await expect.poll(() => error.innerText()).toMatch(/no songs/i);
    const text = await error.innerText();
    expect(text).not.toMatch(/\(EMPTY\)|\bEMPTY\b/);
    expect(text).toMatch(/\.$/);
  });
});
