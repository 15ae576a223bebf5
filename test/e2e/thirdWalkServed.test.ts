import { copyFile, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';

// What the third walk-through (session 13) found on the served side: a library that changes
// while it plays or queues, and addresses that do not lead to a Tidewave library.

const e2e = useE2eApp({ music: true });

/** A folder with copies of the bundled songs, removed after the test. */
async function musicCopy(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'tidewave-third-walk-'));
  e2e.onCleanup(() => rm(folder, { recursive: true, force: true }));
  for (const name of ['01 - Harbor Lights.mp3', '02 - Glass Tide.mp3', '03 - Night Ferry.mp3']) {
    await copyFile(join(MUSIC_DIR, name), join(folder, name));
  }
  return folder;
}

/** A loopback server that takes connections and never says a word. */
async function silentServer(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  e2e.onCleanup(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(resolve));
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** A loopback port nothing listens on (a server's, closed again). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what the third walk-through left, served side', { timeout: 60_000 }, () => {
  it('a playing song removed from the hosted folder plays out, still named, with its length', async () => {
    const folder = await musicCopy();
    const { page, services } = await e2e.open();
    const hosted = await services.host.start({ folder, port: 0, shareOnLan: false });
    await connectTo(page, hosted.port ?? 0);
    await page.getByRole('button', { name: 'Play Night Ferry' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await rm(join(folder, '03 - Night Ferry.mp3'));
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 15_000 }).toBe(2);
    const nowPlaying = page.getByLabel('Now playing');
    expect(await nowPlaying.innerText()).toContain('Night Ferry'); // not "Nothing playing"
    expect(await page.getByLabel('Total time').innerText()).toBe('0:32');
    expect(await page.title()).toContain('Night Ferry');
    await waitForAudio(page, (a) => a.rms > 0.005); // it plays on
    // The server has no start to seek to any more: the bar says so, and asks for none.
    expect(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-disabled')).toBe(
      'true',
    );
  });

  it('a port nobody listens on: the banner says what to check, and goes once connected', async () => {
    const port = await closedPort();
    const { page } = await e2e.open();
    await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Server port' }).fill(String(port));
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(`No connection to 127.0.0.1:${port}`);
    const text = await alert.innerText();
    expect(text).toContain('Check the port, and that the library is being hosted');
    expect(text).not.toContain(`Cannot connect to 127.0.0.1:${port}`); // the title names it
    await connectTo(page, e2e.music.port);
    expect(await alert.count()).toBe(0);
  });

  it('a server that never answers: Cancel ends the wait, and its timeout later says nothing', async () => {
    const silent = await silentServer();
    const { page } = await e2e.open({ playback: { listTimeoutMs: 1500 } });
    await page.getByRole('textbox', { name: 'Server host' }).fill('127.0.0.1');
    await page.getByRole('textbox', { name: 'Server port' }).fill(String(silent));
    const button = page.locator('.connection-bar button');
    await button.click();
    await expect.poll(() => button.innerText()).toBe('Cancel');
    expect(await button.getAttribute('aria-disabled')).not.toBe('true');
    await button.click();
    const status = page.locator('.connection-bar [role="status"]');
    await expect.poll(() => status.innerText()).toMatch(/^Not connected/);
    await expect.poll(() => button.innerText()).toBe('Connect');
    expect(await status.innerText()).toBe('Not connected'); // no word of a goodbye never said
    // Past the list request's timeout: the cancelled attempt's failure is not shown.
    await page.waitForTimeout(2500);
    expect(await page.getByRole('alert').count()).toBe(0);
    await connectTo(page, e2e.music.port); // the bar is free again
  });

  it('a queued song whose file is renamed stays queued', async () => {
    const folder = await musicCopy();
    const { page, services } = await e2e.open();
    const hosted = await services.host.start({ folder, port: 0, shareOnLan: false });
    await connectTo(page, hosted.port ?? 0);
    await page.getByRole('button', { name: 'Add Glass Tide to the queue' }).click();
    await page.getByRole('button', { name: /^Up next/ }).click();
    const queued = page.locator('#up-next .queue-title');
    await expect.poll(() => queued.allInnerTexts()).toEqual(['Glass Tide']);
    const before = await page
      .locator('tbody tr', { hasText: 'Glass Tide' })
      .getAttribute('data-song-id');
    await rename(join(folder, '02 - Glass Tide.mp3'), join(folder, 'Glass Tide (live).mp3'));
    // The server lists it again under a new id.
    await expect
      .poll(
        () => page.locator('tbody tr', { hasText: 'Glass Tide' }).getAttribute('data-song-id'),
        {
          timeout: 15_000,
        },
      )
      .not.toBe(before);
    expect(await queued.allInnerTexts()).toEqual(['Glass Tide']);
  });

  it('an address pasted whole into the host field, as the host panel shows it, connects', async () => {
    const { page } = await e2e.open();
    const host = page.getByRole('textbox', { name: 'Server host' });
    await host.fill(`127.0.0.1:${e2e.music.port}`); // the port field keeps its 8080
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Connected/ })
      .waitFor();
    expect(await host.inputValue()).toBe('127.0.0.1');
    expect(await page.getByRole('textbox', { name: 'Server port' }).inputValue()).toBe(
      String(e2e.music.port),
    );
  });
});
