import { createConnection } from 'node:net';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  createLibraryServer,
  type LibraryServer,
  type LibraryServerOptions,
} from '../../src/server';
import { clientMessages } from '../../src/protocol';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { seriousViolations } from './support/axeCheck';
import { generateLibrary } from './support/bigLibrary';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';
import { probeTable, scrollTableTo } from './support/tableProbe';

// What a listener tripped over in the second walk-through (session 12): a big library, the
// queue, formats, a server that goes and comes back or refuses.

const e2e = useE2eApp();
/** Quick retries, so that a test's outage is over in seconds. */
const QUICK = { initialMs: 100, maxMs: 400, jitter: 0.2, maxAttempts: 100 };

async function startServer(
  options: Partial<LibraryServerOptions> = {},
): Promise<{ server: LibraryServer; port: number }> {
  const server = await createLibraryServer({
    folder: MUSIC_DIR,
    host: '127.0.0.1',
    port: 0,
    pacing: false,
    log: () => undefined,
    ...options,
  });
  e2e.onCleanup(() => server.close());
  return { server, port: (await server.listen()).port };
}

const musicServer = async (options: Partial<LibraryServerOptions> = {}) =>
  (await startServer(options)).port;

/** Types the address into the connection bar and presses Connect, expecting no connection. */
async function connectRefused(page: Page, port: number): Promise<string> {
  await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
  await page.getByRole('textbox', { name: 'Server port' }).fill(String(port));
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: `No connection to 127.0.0.1:${port}` });
  await alert.waitFor();
  return alert.innerText();
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what a listener trips over, second walk', { timeout: 60_000 }, () => {
  it('a full server is not called "not a Tidewave server"', async () => {
    const full = await musicServer({ limits: { maxConnections: 1 } });
    // Someone else holds the one place.
    const holder = createConnection(full, '127.0.0.1');
    e2e.onCleanup(() => holder.destroy());
    const answered = new Promise((resolve) => holder.once('data', resolve));
    holder.write(clientMessages.list());
    await answered;
    const { page } = await e2e.open();
    const busy = await connectRefused(page, full);
    expect(busy).toContain('The server refused the connection: server busy: 1 connections open');
    expect(busy).not.toContain('not a Tidewave server');
  });

  it('a server that asks for an access code gets the prompt, not also a banner whose Retry fails', async () => {
    const locked = await musicServer({ accessCode: 'cellar door 5' });
    const { page } = await e2e.open();
    await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Server port' }).fill(String(locked));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const prompt = page.getByRole('form', { name: 'Access code' });
    await expect
      .poll(() => prompt.innerText())
      .toContain(`127.0.0.1:${locked} asks for an access code`);
    // One alert, the prompt's: no "No connection…" banner beside it.
    expect(await page.getByRole('alert').allInnerTexts()).toEqual([
      `127.0.0.1:${locked} asks for an access code.`,
    ]);
    expect(await page.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  });

  it('a song that ends while the server is away: the next one plays once it is back', async () => {
    const first = await startServer();
    const played: number[] = [];
    const { page } = await e2e.open({
      playback: { reconnect: QUICK },
      override: (base) => ({
        // Harbor Lights from its last 3 s: all of it arrives before the server goes.
        play: (request) => {
          played.push(request.songId);
          return base.play({ ...request, startSeconds: request.songId === 0 ? 27 : 0 });
        },
      }),
    });
    await connectTo(page, first.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await first.server.close();
    await page.getByRole('status').filter({ hasText: 'Reconnecting' }).waitFor();
    // Harbor Lights plays out and Glass Tide is asked for, with the server still away.
    await expect.poll(() => played).toEqual([0, 1]);
    await startServer({ port: first.port });
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain('Glass Tide');
    await waitForAudio(page, (a) => a.rms > 0.005);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.locator('.play-button').getAttribute('aria-label')).toBe('Pause');
  });

  it('Clear in Up next, pressed by keyboard, leaves the focus in the panel', async () => {
    const { page } = await e2e.open();
    await connectTo(page, await musicServer());
    await page.getByRole('button', { name: 'Add Night Ferry to the queue' }).click();
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await page.getByRole('button', { name: /^Up next/ }).click();
    const panel = page.getByRole('complementary', { name: 'Up next' });
    const clear = panel.getByRole('button', { name: 'Clear' });
    await clear.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.innerText()).toContain('Nothing queued');
    expect(await clear.isDisabled()).toBe(true);
    // Not <body>: the next Tab would start again at the top of the window.
    await expect.poll(() => page.evaluate('document.activeElement.id')).toBe('up-next');
  });

  it('sorting 20,000 songs by another column keeps the selected song in sight', async () => {
    const library = generateLibrary(20_000);
    const { page } = await e2e.open({ override: () => ({ listSongs: async () => [...library] }) });
    await connectTo(page, await musicServer());
    await expect.poll(() => page.locator('.song-count').innerText()).toBe('20000 songs');
    // Deep in the list, a song is selected with a click.
    const deep = await scrollTableTo(page, 300_000);
    const chosen = deep.visible[3];
    await page.locator(`tbody tr[data-song-id="${chosen.id}"]`).click();
    for (const column of ['Artist', 'Title', 'Time']) {
      await page
        .getByRole('grid', { name: 'Songs' })
        .getByRole('button', { name: column, exact: true })
        .click();
      await expect.poll(async () => (await probeTable(page)).activeInView).toBe(true);
      const shown = await probeTable(page);
      expect(shown.activeId).toBe(chosen.id);
      expect(shown.visible.map((row) => row.id)).toContain(chosen.id);
    }
  });

  it('the album and artist views of 20,000 songs have no serious axe-core violation', async () => {
    const library = generateLibrary(20_000);
    const { page } = await e2e.open({ override: () => ({ listSongs: async () => [...library] }) });
    await connectTo(page, await musicServer());
    await expect.poll(() => page.locator('.song-count').innerText()).toBe('20000 songs');
    const views = page.getByRole('group', { name: 'View' });
    for (const [view, list] of [
      ['Albums', 'Albums'],
      ['Artists', 'Artists'],
    ]) {
      await views.getByRole('button', { name: view }).click();
      await page.getByRole('list', { name: list }).getByRole('button').first().waitFor();
      // The placeholders' initials (no covers here) on every hue among the first screenful.
      expect(await seriousViolations(page)).toEqual([]);
    }
  });
});
