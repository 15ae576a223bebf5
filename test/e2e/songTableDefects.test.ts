import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { expectedFilter, generateLibrary, type BigSong } from './support/bigLibrary';
import { connectTo } from './support/e2eEnvironment';
import { repaintsOnScroll } from './support/repaintOnScroll';
import { probeTable, scrollTableTo } from './support/tableProbe';

// Issue 10's defects of the song table, each checked the way a person would see it. The
// selectors are ones the table had before it was virtualised, so each check can be run
// against the old table too; hence a library of 2,500 songs (ids of four digits), which the
// old table, drawing every row, still managed to show.

const SONGS = 2_500;
const LONG_TITLE =
  'A very long title that cannot possibly fit in its column, however wide the window is made';
const library: BigSong[] = generateLibrary(SONGS).map((song) =>
  song.id === 0 ? { ...song, title: LONG_TITLE } : song,
);

const e2e = useE2eApp({ music: true });

async function openBigLibrary(): Promise<Page> {
  const app = await e2e.open({
    override: (base) => ({
      listSongs: async () => library,
      play: async (request) => {
        const started = await base.play({ ...request, songId: request.songId % 3 });
        return { ...started, songId: request.songId };
      },
    }),
  });
  await connectTo(app.page, e2e.music.port);
  await expect.poll(() => app.page.locator('.song-count').innerText()).toBe(`${SONGS} songs`);
  return app.page;
}

/** Names of the CSS properties the song table's running and paused animations change. */
const ANIMATIONS_SCRIPT = `(() => {
  const skip = new Set(['offset', 'easing', 'composite', 'computedOffset']);
  return document.getAnimations()
    .filter((a) => a.effect && a.effect.target && a.effect.target.closest('table'))
    .map((a) => ({
      playState: a.playState,
      properties: [...new Set(a.effect.getKeyframes().flatMap((k) => Object.keys(k)))]
        .filter((p) => !skip.has(p)),
    }));
})()`;

interface TableAnimation {
  playState: string;
  properties: string[];
}

const animations = (page: Page) => page.evaluate(ANIMATIONS_SCRIPT) as Promise<TableAnimation[]>;

describe('the song table, defects from issue 10', { timeout: 90_000 }, () => {
  it('typing in the filter scrolls the list to the top, so the first matches show', async () => {
    const page = await openBigLibrary();
    await scrollTableTo(page, 36 * 1500);
    const filter = page.getByRole('searchbox', { name: 'Filter songs' });
    await filter.fill('harbor');
    const matches = expectedFilter(library, 'harbor');
    expect(matches.length).toBeGreaterThan(300); // still long enough to stay scrolled
    await expect.poll(async () => (await probeTable(page)).scrollTop).toBe(0);
    await expect.poll(async () => (await probeTable(page)).visible[0]?.id).toBe(matches[0].id);
  });

  it('rows scrolled under the sticky header never paint over it', async () => {
    const page = await openBigLibrary();
    const rowHeight = (await page.locator('tbody tr').first().boundingBox())?.height ?? 36;
    // Each row's play button half under the header.
    await scrollTableTo(page, Math.round(rowHeight * 300 + rowHeight / 2));
    // A header cell (sticky itself in the old table, inside the sticky header row now).
    const cell = await page.locator('table[aria-label="Songs"] th').first().boundingBox();
    const list = await page.locator('.song-table-scroll').boundingBox();
    if (!cell || !list) throw new Error('no header');
    // The header is where it sticks: at the top of the list.
    const bottom = cell.y + cell.height;
    expect(cell.y).toBeGreaterThanOrEqual(list.y - 1);
    expect(bottom - list.y).toBeLessThan(60);
    const box = { x: list.x, y: list.y, height: bottom - list.y };
    const xs = [box.x + 30, box.x + 120, box.x + 300];
    const points = xs.flatMap((x) =>
      Array.from({ length: 8 }, (_, i) => [x, box.y + 2 + (i * (box.height - 4)) / 7]),
    );
    const covered = await page.evaluate(
      (all) =>
        all.filter(([x, y]) => {
          const hit = (
            globalThis as unknown as {
              document: {
                elementFromPoint(x: number, y: number): { closest(s: string): unknown } | null;
              };
            }
          ).document.elementFromPoint(x, y);
          return !hit?.closest('thead');
        }),
      points,
    );
    expect(covered).toEqual([]);
  });

  it('the list scrolls on the compositor, not by repainting its area each frame', async () => {
    // Issue 9: a see-through scroller inside the rounded library box was repainted and
    // rasterised whole on every scroll frame (Chromium's "RepaintsOnScroll").
    const page = await openBigLibrary();
    await scrollTableTo(page, 36 * 100);
    const list = await page.locator('.song-table-scroll').boundingBox();
    if (!list) throw new Error('no list');
    const overlapping = (await repaintsOnScroll(page, '.song-table-scroll')).filter(
      (r) =>
        r.x < list.x + list.width &&
        r.x + r.width > list.x &&
        r.y < list.y + list.height &&
        r.y + r.height > list.y,
    );
    expect(overlapping).toEqual([]);
  });

  it('after a scroll comes to rest, the rows are in the DOM in the order they show', async () => {
    // Rows are reused while scrolling (rowSlots.ts), out of DOM order; assistive technology
    // reading in document order needs them back in order once the list rests.
    const page = await openBigLibrary();
    for (let top = 0; top <= 36 * 40; top += 36 * 4) await scrollTableTo(page, top);
    const domOrder = () =>
      page
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('aria-rowindex'))));
    await expect.poll(async () => (await probeTable(page)).visible[0]?.rowIndex).toBe(42);
    await expect
      .poll(async () => {
        const order = await domOrder();
        return order.every((value, i) => i === 0 || value > order[i - 1]);
      })
      .toBe(true);
    expect((await domOrder()).length).toBeGreaterThan(10);
  });

  it('a play button focused by a click is never reused for another song while scrolling', async () => {
    // Rows are reused while scrolling (rowSlots.ts). A button keeps focus after its click, and
    // the media key Next moves the selection on without taking that focus: had the button's
    // row been reused, Space would then have played whatever song the row now shows.
    const page = await openBigLibrary();
    await page.getByRole('button', { name: `Play ${library[3].title}`, exact: true }).click();
    e2e.app.bridge.mediaKey('next');
    await e2e.app.bridge.flushed();
    await expect.poll(() => page.getByLabel('Now playing').innerText()).toContain(library[4].title);
    for (let top = 0; top <= 36 * 200; top += 36 * 5) await scrollTableTo(page, top);
    const focusedSong = async () => {
      const row = page.locator('tr:has(:focus)');
      return (await row.count()) === 0 ? null : Number(await row.getAttribute('data-song-id'));
    };
    // Either the button went with its row, as before the reuse, or it is still song 3's.
    expect([null, library[3].id]).toContain(await focusedSong());
  });

  it('a truncated title has a tooltip', async () => {
    const page = await openBigLibrary();
    const title = page.locator('tbody tr[data-song-id="0"] .cell-title');
    const fits = (el: { scrollWidth: number; clientWidth: number }) =>
      el.scrollWidth <= el.clientWidth;
    expect(await title.evaluate(fits)).toBe(false); // it is truncated...
    await title.hover();
    // ...and says it all on hover (the tooltip is set as the pointer comes over the cell)
    await expect.poll(() => title.getAttribute('title')).toBe(LONG_TITLE);
    // The next cell hovered tells its own text, not the last one's.
    const artist = page.locator('tbody tr[data-song-id="1"] .cell-artist');
    await artist.hover();
    await expect.poll(() => artist.getAttribute('title')).toBe(await artist.innerText());
    // Rows under a resting pointer are reused for other songs (sorted from the keyboard, or
    // scrolled): no cell's tooltip tells another song's text.
    const tooltips = async () => {
      const cells = page.locator('tbody td[title]');
      const pairs = await cells.evaluateAll((all) =>
        all.map((cell) => [cell.getAttribute('title'), cell.textContent]),
      );
      return pairs.every(([tip, text]) => tip === text);
    };
    await page.locator('thead .cell-title .sort-button').focus();
    await page.keyboard.press('Enter');
    const sorted = page.locator('thead th.cell-title');
    await expect.poll(() => sorted.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(tooltips).toBe(true);
    await page.mouse.wheel(0, 20 * 36);
    await expect.poll(async () => (await probeTable(page)).scrollTop).toBeGreaterThan(10 * 36);
    await expect.poll(tooltips).toBe(true);
  });

  it('ids of four digits are not cut', async () => {
    const page = await openBigLibrary();
    const fits = (el: { scrollWidth: number; clientWidth: number }) =>
      el.scrollWidth <= el.clientWidth;
    const { visible } = await scrollTableTo(page, 1e9); // the end of the list: ids 2,49x
    const long = visible.filter((row) => row.id >= 1000);
    expect(long.length).toBeGreaterThan(3);
    for (const row of long) {
      const cell = page.locator(`tbody tr[data-song-id="${row.id}"] .cell-id`);
      expect(await cell.innerText()).toBe(String(row.id));
      expect(await cell.evaluate(fits)).toBe(true);
    }
  });

  it('the now-playing bars animate only transform or opacity, and stop while paused', async () => {
    const page = await openBigLibrary();
    await page.locator('tbody tr').nth(1).locator('.row-play').click();
    await expect.poll(async () => (await animations(page)).length).toBeGreaterThan(0);
    const playing = await animations(page);
    for (const animation of playing) {
      expect(animation.playState).toBe('running');
      for (const property of animation.properties)
        expect(['transform', 'opacity']).toContain(property);
    }
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect
      .poll(async () => (await animations(page)).filter((a) => a.playState === 'running'))
      .toEqual([]);
    await page.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect
      .poll(async () => (await animations(page)).filter((a) => a.playState === 'running').length)
      .toBeGreaterThan(0);
  });
});
