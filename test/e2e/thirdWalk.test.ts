import { copyFile, mkdtemp, rename, rm } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';

// What a listener and a host tripped over in the third walk-through (session 13): seeking, the
// panels by keyboard, a library that changes while served, odd titles, forced colours, errors.

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

const LONG_TITLE =
  'An Extraordinarily Long Title That Goes On Past Any Reasonable Width, Then Keeps Going';
const RTL_TITLE = 'שיר הים הארוך מאוד שאין לו סוף ועוד ועוד מילים';

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

/**
 * The top bar's and the transport's controls that overlap another or reach past the window, and
 * the connection status's width.
 */
const BARS_LAID_OUT = `(() => {
  const controls = [...document.querySelectorAll(
    '.topbar button, .topbar input, .transport button, .transport input, .transport [role=slider]',
  )].filter((element) => element.getBoundingClientRect().width > 0);
  const name = (element) => element.getAttribute('aria-label') ?? element.textContent.trim();
  const overlaps = [];
  controls.forEach((one, i) => controls.slice(i + 1).forEach((other) => {
    const a = one.getBoundingClientRect();
    const b = other.getBoundingClientRect();
    const apart = a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 ||
      b.bottom <= a.top + 1;
    if (!apart) overlaps.push(name(one) + ' over ' + name(other));
  }));
  const outside = controls
    .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
    .map(name);
  const status = document.querySelector('.connection-bar [role="status"]');
  return { overlaps, outside, statusShown: status.getBoundingClientRect().width > 40 };
})()`;

const seekAt = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow'));

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('what the third walk-through left', { timeout: 60_000 }, () => {
  it('the progress bar takes a slider’s keys: Up and Down step, Home and End go to the ends', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    const slider = page.getByRole('slider', { name: 'Seek' });
    await slider.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => seekAt(page)).toBeGreaterThanOrEqual(10);
    await page.keyboard.press('Home');
    await expect.poll(() => seekAt(page)).toBeLessThan(5);
    await page.keyboard.press('PageUp');
    await expect.poll(() => seekAt(page)).toBeGreaterThanOrEqual(5);
    await page.keyboard.press('End'); // the end: on to the next song, as a click there does
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain('Glass Tide');
    await waitForAudio(page, (a) => a.rms > 0.005);
  });

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

  it('in forced colours the progress, the playing bars and the selected row still show', async () => {
    const { page } = await e2e.open();
    await page.emulateMedia({ forcedColors: 'active' });
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.locator('tbody tr', { hasText: 'Night Ferry' }).click();
    // What paints each mark, against what paints behind it (the system's Canvas for both, before).
    const paint = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((element) => {
          const style = getComputedStyle(element);
          return { background: style.backgroundColor, outline: style.outlineStyle };
        });
    const canvas = (await paint('.progress-track')).background;
    expect((await paint('.progress-fill')).background).not.toBe(canvas);
    expect((await paint('.progress-thumb')).background).not.toBe(canvas);
    expect((await paint('.song-row.is-playing .eq i')).background).not.toBe(canvas);
    expect((await paint('.song-row.is-selected')).outline).toBe('solid');
  });

  it('a long title is cut with its whole in a tooltip; a right-to-left one is cut at its end', async () => {
    const odd = [LONG_TITLE, RTL_TITLE];
    const { page } = await e2e.open({
      override: (base) => ({
        listSongs: async () =>
          (await base.listSongs()).map((song) => ({ ...song, title: odd[song.id] ?? song.title })),
      }),
    });
    await page.setViewportSize({ width: 760, height: 520 }); // the window's minimum (window.ts)
    await connectTo(page, e2e.music.port);
    const title = page.locator('.now-title');
    const direction = (element: Element) => getComputedStyle(element).direction;
    await page.getByRole('button', { name: `Play ${LONG_TITLE}` }).click();
    await expect.poll(() => title.innerText()).toBe(LONG_TITLE);
    expect(await title.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    expect(await title.getAttribute('title')).toBe(LONG_TITLE);
    await page.getByRole('button', { name: `Play ${RTL_TITLE}` }).click();
    await expect.poll(() => title.innerText()).toBe(RTL_TITLE);
    // Right to left, its first words are the ones in view (at the right), and "…" at the left.
    expect(await title.evaluate(direction)).toBe('rtl');
    const cell = page.locator('tbody tr', { hasText: RTL_TITLE }).locator('.cell-title');
    expect(await cell.evaluate(direction)).toBe('rtl');
    const latin = page.locator('tbody tr', { hasText: 'Night Ferry' }).locator('.cell-title');
    expect(await latin.evaluate(direction)).toBe('ltr');
  });

  it('the settings close when Tab leaves them, as a click elsewhere closes them', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    const toggle = page.getByRole('button', { name: 'Settings', exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Settings' });
    await panel.waitFor();
    await page.keyboard.press('Tab'); // its two checkboxes
    await page.keyboard.press('Tab');
    expect(await panel.count()).toBe(1);
    await page.keyboard.press('Tab'); // on past them
    await expect.poll(() => panel.count()).toBe(0);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // One Shift+Tab back: the closed panel's checkboxes are no stops any more.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Settings');
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

  it('at 200% zoom (550 CSS px wide) the bars’ controls neither overlap nor leave the window', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    // A 1100 x 700 window zoomed to 200%: what the page lays out in.
    await page.setViewportSize({ width: 550, height: 350 });
    await expect
      .poll(() => page.evaluate(BARS_LAID_OUT))
      .toEqual({ overlaps: [], outside: [], statusShown: true });
  });

  it('dragging the progress bar shows where it goes, and seeks there when let go off the bar', async () => {
    const { page } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click(); // 32 s long
    await waitForAudio(page, (a) => a.rms > 0.005);
    const box = await page.getByRole('slider', { name: 'Seek' }).boundingBox();
    if (!box) throw new Error('the progress bar is not laid out');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 5 });
    // While held, the clock shows where the song would go (70% of 0:32: 0:22).
    await expect.poll(() => page.getByLabel('Elapsed time').innerText()).toBe('0:22');
    await page.mouse.move(box.x + box.width * 0.7, y - 40, { steps: 3 }); // off the bar, above
    await page.mouse.up();
    await expect.poll(() => seekAt(page)).toBeGreaterThanOrEqual(22);
    await waitForAudio(page, (a) => a.rms > 0.005);
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

  it('the volume is read out as a percentage, and as muted', async () => {
    const { page } = await e2e.open();
    const volume = page.getByRole('slider', { name: 'Volume' });
    await volume.fill('0.8');
    await expect.poll(() => volume.getAttribute('aria-valuetext')).toBe('80%');
    await volume.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => volume.getAttribute('aria-valuetext')).toBe('79%');
    await page.getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => volume.getAttribute('aria-valuetext')).toBe('Muted');
  });
});
