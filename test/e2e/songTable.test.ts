import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eApp } from './support/appHarness';
import { waitForAudio } from './support/audioProbe';
import { expectedFilter, expectedOrder, generateLibrary, type BigSong } from './support/bigLibrary';
import { collectPageErrors, connectTo, RESULTS_DIR } from './support/e2eEnvironment';
import { probeTable, scrollTableTo } from './support/tableProbe';

const SONGS = 20_000;
const library = generateLibrary(SONGS);

const e2e = useE2eApp({ music: true });
/** The song ids the page asked to play, in order. */
let played: number[] = [];

/**
 * The app connected to the bundled server, but listing the 20,000 generated songs; playing
 * one streams a bundled song (id mod 3) under the generated id, so real audio flows.
 */
async function openBigLibrary(songs: readonly BigSong[] = library): Promise<Page> {
  played = [];
  let asked = 0; // the generated id of the play on its way
  const app = await e2e.open({
    override: (base) => ({
      listSongs: async () => [...songs],
      play: async (request) => {
        played.push(request.songId);
        asked = request.songId;
        const started = await base.play({ ...request, songId: request.songId % 3 });
        return { ...started, songId: request.songId };
      },
    }),
    // Its 'started' event (sent during that play) names the bundled song: the page could follow
    // it and show another title (seen once under load).
    mapStreamEvent: (event) => (event.kind === 'started' ? { ...event, songId: asked } : event),
  });
  await connectTo(app.page, e2e.music.port);
  await expect.poll(() => app.page.locator('.song-count').innerText()).toBe(`${SONGS} songs`);
  return app.page;
}

const ids = (songs: readonly BigSong[]) => songs.map((song) => song.id);
const visibleIds = async (page: Page) => (await probeTable(page)).visible.map((row) => row.id);

// Generous bounds: the machine may be busy; every wait inside is bounded too.
describe('the song table with 20,000 songs, in Chromium', { timeout: 90_000 }, () => {
  it('paints a window of rows, sorts, filters and scrolls to the right rows', async () => {
    const page = await openBigLibrary();
    const errors = collectPageErrors(page);
    const grid = page.getByRole('grid', { name: 'Songs' });
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(SONGS + 1));

    // Painted in the server's order, with far fewer rows in the DOM than songs.
    const first = await probeTable(page);
    expect(first.domRows).toBeLessThan(100);
    expect(first.visible.length).toBeGreaterThan(5);
    expect(first.visible.map((row) => row.id)).toEqual(ids(library.slice(0, first.visible.length)));

    // Sorting by a column, both ways; ties follow artist → album → disc → track.
    for (const [label, key] of [
      ['Title', 'title'],
      ['Artist', 'artist'],
      ['Time', 'durationSeconds'],
      ['Track', 'track'],
    ] as const) {
      const header = grid.getByRole('button', { name: label, exact: true });
      await header.click();
      const up = ids(expectedOrder(library, key).slice(0, 10));
      await expect.poll(async () => (await visibleIds(page)).slice(0, 10)).toEqual(up);
      await header.click();
      const down = ids(expectedOrder(library, key, true).slice(0, 10));
      await expect.poll(async () => (await visibleIds(page)).slice(0, 10)).toEqual(down);
      expect(await grid.locator('th[aria-sort="descending"]').textContent()).toMatch(label);
    }
    await grid.getByRole('button', { name: 'Album', exact: true }).click();
    const byAlbum = expectedOrder(library, 'album');

    // Scrolling into the middle shows the rows that belong there, still a window of them.
    const rowHeight = (await page.locator('tbody tr').first().boundingBox())?.height ?? 0;
    expect(rowHeight).toBeGreaterThan(0);
    // The header is as tall as a row's top offset, so this puts row 12,345 right under it.
    await scrollTableTo(page, Math.round(rowHeight * 12_345));
    await expect.poll(async () => (await probeTable(page)).visible[0]?.rowIndex).toBe(12_345 + 2);
    const middle = await probeTable(page);
    expect(middle.domRows).toBeLessThan(100);
    expect(middle.visible.map((row) => row.id).slice(0, 8)).toEqual(
      ids(byAlbum.slice(12_345, 12_345 + 8)),
    );

    // Filtering: the count, the first matches at the top, in the chosen order.
    const filter = page.getByRole('searchbox', { name: 'Filter songs' });
    for (const query of ['harbor', 'amber 4', 'zephyr juniper', 'no such words']) {
      await filter.fill(query);
      const matches = expectedFilter(byAlbum, query);
      const count = page.locator('.song-count');
      await expect.poll(() => count.innerText()).toBe(`${matches.length} of ${SONGS} songs`);
      await expect
        .poll(async () => (await visibleIds(page)).slice(0, 8))
        .toEqual(ids(matches.slice(0, 8)));
    }
    await expect(page.getByText('No songs match the filter.').isVisible()).resolves.toBe(true);
    await filter.fill('');
    await page.screenshot({ path: join(RESULTS_DIR, 'song-table-20000.png') });
    expect(errors).toEqual([]);
  });

  it('is one Tab stop; arrows, pages, Home/End and type-ahead move a row kept in view; Enter plays', async () => {
    const page = await openBigLibrary();
    const grid = page.getByRole('grid', { name: 'Songs' });
    // Nothing inside the rows is in the Tab order: the grid itself is the one stop.
    expect(await grid.locator('tbody [tabindex="0"], tbody a[href], tbody input').count()).toBe(0);
    await page.getByRole('button', { name: 'Refresh song list' }).focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => grid.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true);
    const order = library; // the server's order
    const active = async () => (await probeTable(page)).activeId;
    // The active row changes at once; the scroll that brings it into view may follow frames
    // later on a busy machine, so wait for both (each key scrolls only as far as needed).
    const inView = async () => {
      const probe = await probeTable(page);
      return probe.activeInView ? probe.activeId : null;
    };
    await expect.poll(active).toBe(order[0].id);

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(active).toBe(order[2].id);
    await page.keyboard.press('ArrowUp');
    await expect.poll(active).toBe(order[1].id);

    await page.keyboard.press('End');
    await expect.poll(inView).toBe(order[SONGS - 1].id);
    await page.keyboard.press('PageUp');
    await expect.poll(async () => ![null, order[SONGS - 1].id].includes(await inView())).toBe(true);
    const paged = await probeTable(page);
    const pageSize = SONGS - 1 - order.findIndex((song) => song.id === paged.activeId);
    expect(pageSize).toBeGreaterThan(3);
    expect(paged.activeInView).toBe(true);
    await page.keyboard.press('Home');
    await expect.poll(active).toBe(order[0].id);
    await expect.poll(async () => (await probeTable(page)).scrollTop).toBe(0);
    await page.keyboard.press('PageDown');
    await expect.poll(active).toBe(order[pageSize].id);

    // Type-ahead: the next title starting with the letters typed, scrolled into view.
    const from = pageSize;
    await page.keyboard.type('zep');
    const target = order.findIndex((s, i) => i >= from && s.title.toLowerCase().startsWith('zep'));
    await expect.poll(inView).toBe(order[target].id);

    // Enter plays the active row; the arrow keys for next/previous still reach the player.
    await page.keyboard.press('Enter');
    await expect.poll(() => played).toEqual([order[target].id]);
    const nowPlaying = page.getByLabel('Now playing');
    await expect.poll(() => nowPlaying.innerText()).toContain(order[target].title);
    await waitForAudio(page, (a) => a.rms > 0.005);
  });
});

describe('the song table filter keeps its rows', { timeout: 90_000 }, () => {
  it('a filter with no match exposes no row; the clear shows all songs in the same row elements', async () => {
    const page = await openBigLibrary();
    const grid = page.getByRole('grid', { name: 'Songs' });
    await expect.poll(async () => (await visibleIds(page)).length).toBeGreaterThan(8);
    const before = await visibleIds(page);
    // Marks the row elements in view, to know them again after the clear.
    const marked = (await page.evaluate(`(() => {
      const rows = [...document.querySelectorAll('tbody tr')];
      rows.forEach((row) => row.setAttribute('data-test-mark', ''));
      return rows.length;
    })()`)) as number;
    const filter = page.getByRole('searchbox', { name: 'Filter songs' });
    await filter.fill('no such words');
    const count = page.locator('.song-count');
    await expect.poll(() => count.innerText()).toBe(`0 of ${SONGS} songs`);
    // Only the header row is left to assistive technology, and nothing of the rows shows.
    await expect.poll(() => grid.getByRole('row').count()).toBe(1);
    expect(await visibleIds(page)).toEqual([]);
    expect(await grid.getByRole('button', { name: /^Play / }).count()).toBe(0);
    await filter.fill('');
    await expect.poll(() => count.innerText()).toBe(`${SONGS} songs`);
    await expect.poll(() => visibleIds(page)).toEqual(before);
    // The rows were kept (parked), not made anew: every row shown is one of the marked ones.
    const rows = page.locator('tbody tr:not([aria-hidden="true"])');
    expect(await rows.count()).toBe(marked);
    expect(await page.locator('tbody tr[data-test-mark]:not([aria-hidden="true"])').count()).toBe(
      marked,
    );
  });
});

describe('the album and artist views with 20,000 songs', { timeout: 90_000 }, () => {
  it('lists albums and artists; choosing one shows its songs, and the chip goes back', async () => {
    const page = await openBigLibrary();
    const views = page.getByRole('group', { name: 'View' });
    const albumKeys = new Set(library.map((song) => JSON.stringify([song.artist, song.album])));
    const artistNames = new Set(library.map((song) => song.artist));

    await views.getByRole('button', { name: 'Albums' }).click();
    const albums = page.getByRole('list', { name: 'Albums' }).getByRole('listitem');
    await expect.poll(() => albums.count()).toBe(albumKeys.size);
    await page.screenshot({ path: join(RESULTS_DIR, 'song-table-albums.png') });
    // Artist → album order; the first card is the first album of the first artist.
    const first = expectedOrder(library, 'artist')[0];
    const firstCard = albums.first().getByRole('button');
    expect(await firstCard.innerText()).toContain(`${first.album}\n${first.artist}`);
    await firstCard.click();
    const inAlbum = library.filter((s) => s.artist === first.artist && s.album === first.album);
    const count = page.locator('.song-count');
    await expect.poll(() => count.innerText()).toBe(`${inAlbum.length} of ${SONGS} songs`);
    const shownIds = await visibleIds(page);
    expect(shownIds.length).toBeGreaterThan(8);
    expect(shownIds).toEqual(ids(inAlbum).slice(0, shownIds.length));
    await page.getByRole('button', { name: 'Show all songs' }).click();
    await expect.poll(() => count.innerText()).toBe(`${SONGS} songs`);

    // The filter narrows the artists too.
    await page.getByRole('searchbox', { name: 'Filter songs' }).fill('zephyr');
    await views.getByRole('button', { name: 'Artists' }).click();
    const artists = page.getByRole('list', { name: 'Artists' }).getByRole('listitem');
    const matching = new Set(expectedFilter(library, 'zephyr').map((song) => song.artist));
    expect(matching.size).toBeLessThan(artistNames.size);
    await expect.poll(() => artists.count()).toBe(matching.size);
    await page.getByRole('searchbox', { name: 'Filter songs' }).fill('');
    await expect.poll(() => artists.count()).toBe(artistNames.size);
    const artist = expectedOrder(library, 'artist')[0].artist;
    await artists.first().getByRole('button').click();
    const byArtist = library.filter((song) => song.artist === artist);
    await expect.poll(() => count.innerText()).toBe(`${byArtist.length} of ${SONGS} songs`);
    await page.screenshot({ path: join(RESULTS_DIR, 'song-table-artist.png') });
  });
});
