import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { connectTo, MUSIC_DIR } from './support/e2eEnvironment';

// What a listener tripped over in the third walk-through (session 13): seeking by keys and by
// drag, the settings by keyboard, odd titles, forced colours, 200% zoom, the volume read out.
// The library and connection side: thirdWalkServed.test.ts.

const e2e = useE2eApp({ music: true });

const LONG_TITLE =
  'An Extraordinarily Long Title That Goes On Past Any Reasonable Width, Then Keeps Going';
const RTL_TITLE = 'שיר הים הארוך מאוד שאין לו סוף ועוד ועוד מילים';

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
  const outside = controls.filter((element) => {
    const box = element.getBoundingClientRect();
    return box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1;
  }).map(name);
  const status = document.querySelector('.connection-bar [role="status"]');
  return { overlaps, outside, statusShown: status.getBoundingClientRect().width > 40 };
})()`;

const seekAt = async (page: Page) =>
  Number(await page.getByRole('slider', { name: 'Seek' }).getAttribute('aria-valuenow'));

// Generous bounds: the machine may be busy; every wait inside is bounded too.
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

  it('in forced colours the progress, the playing bars and the selected row still show', async () => {
    const { page } = await e2e.open();
    await page.emulateMedia({ forcedColors: 'active' });
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    await waitForAudio(page, (a) => a.rms > 0.005);
    await page.locator('tbody tr', { hasText: 'Night Ferry' }).click();
    // What paints each mark, against what paints behind it (the system's Canvas for both, before).
    const paint = (selector: string) =>
      page.evaluate(`(() => {
        const style = getComputedStyle(document.querySelector(${JSON.stringify(selector)}));
        return { background: style.backgroundColor, outline: style.outlineStyle };
      })()`) as Promise<{ background: string; outline: string }>;
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
    /** The direction the first element matching `selector` lays its text out in. */
    const direction = (selector: string) =>
      page.evaluate(
        `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).direction`,
      );
    await page.getByRole('button', { name: `Play ${LONG_TITLE}` }).click();
    await expect.poll(() => title.innerText()).toBe(LONG_TITLE);
    const cut =
      'document.querySelector(".now-title").scrollWidth > document.querySelector(".now-title").clientWidth';
    expect(await page.evaluate(cut)).toBe(true);
    expect(await title.getAttribute('title')).toBe(LONG_TITLE);
    await page.getByRole('button', { name: `Play ${RTL_TITLE}` }).click();
    await expect.poll(() => title.innerText()).toBe(RTL_TITLE);
    // Right to left, its first words are the ones in view (at the right), and "…" at the left.
    expect(await direction('.now-title')).toBe('rtl');
    expect(await direction('tbody tr[data-song-id="1"] .cell-title')).toBe('rtl');
    expect(await direction('tbody tr[data-song-id="2"] .cell-title')).toBe('ltr'); // Night Ferry
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

  it('at 200% zoom (550 CSS px wide) the bars’ controls neither overlap nor leave the window', async () => {
    const { page, services } = await e2e.open();
    await connectTo(page, e2e.music.port);
    await page.getByRole('button', { name: 'Play Harbor Lights' }).click();
    // A 1100 x 700 window zoomed to 200%: what the page lays out in.
    await page.setViewportSize({ width: 550, height: 350 });
    await expect
      .poll(() => page.evaluate(BARS_LAID_OUT))
      .toEqual({ overlaps: [], outside: [], statusShown: true });
    // The titles keep room to be read: Track and Format give theirs up.
    const titleWidth =
      'document.querySelector("tbody tr .cell-title").getBoundingClientRect().width';
    expect(await page.evaluate(titleWidth)).toBeGreaterThanOrEqual(90);
    // The host panel open too, its details shown: the transport stays in the window.
    const { port } = await services.host.start({ folder: MUSIC_DIR, port: 0, shareOnLan: false });
    expect(port).not.toBeNull();
    await page.getByRole('button', { name: 'Host a library' }).click();
    await page.getByRole('button', { name: 'Details' }).click();
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
