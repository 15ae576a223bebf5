import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface ShownRow {
  id: number;
  /** aria-rowindex: the header is 1, the first song 2. */
  rowIndex: number;
  title: string;
}

export interface TableProbe {
  /** Song rows in the DOM, in view or not. */
  domRows: number;
  /** Rows at least partly visible below the sticky header, top to bottom. */
  visible: ShownRow[];
  scrollTop: number;
  /** The id of the row aria-activedescendant names, or null. */
  activeId: number | null;
  /** Whether the active row lies wholly inside the visible area. */
  activeInView: boolean;
  /**
   * Whether the rows drawn fill the view from the header down (or to the list's end): false
   * for a moment after a scroll, until the virtualised table has drawn the rows now in view.
   */
  filled: boolean;
}

/**
 * Runs in the page: plain JavaScript in a string, as the Node-side TypeScript has no DOM
 * types (the same approach as pageBridgeScript).
 */
const PROBE_SCRIPT = `(() => {
  const scroller = document.querySelector('.song-table-scroll');
  const table = scroller.querySelector('table');
  const box = scroller.getBoundingClientRect();
  const headerBottom = table.querySelector('thead').getBoundingClientRect().bottom;
  const rows = [...table.querySelectorAll('tbody tr')];
  // A row a filter left out stays in the DOM, hidden (songTable/parkedRows.ts): not shown.
  const visible = rows
    .filter((row) => row.getAttribute('aria-hidden') !== 'true')
    .map((row) => ({ row, rect: row.getBoundingClientRect() }))
    .filter(({ rect }) => rect.bottom > headerBottom + 1 && rect.top < box.bottom - 1)
    .sort((a, b) => a.rect.top - b.rect.top);
  const first = visible[0];
  const last = visible[visible.length - 1];
  const rowCount = Number(table.getAttribute('aria-rowcount'));
  const filled = !!first && first.rect.top <= headerBottom + 1 &&
    (last.rect.bottom >= box.bottom - 1 ||
      Number(last.row.getAttribute('aria-rowindex')) === rowCount);
  const shown = visible
    .map(({ row }) => ({
      id: Number(row.dataset.songId),
      rowIndex: Number(row.getAttribute('aria-rowindex')),
      title: row.querySelector('.cell-title').textContent,
    }));
  const activeDomId = table.getAttribute('aria-activedescendant');
  const active = activeDomId ? document.getElementById(activeDomId) : null;
  const rect = active ? active.getBoundingClientRect() : null;
  return {
    domRows: rows.length,
    visible: shown,
    scrollTop: scroller.scrollTop,
    activeId: active ? Number(active.dataset.songId) : null,
    activeInView: !!rect && rect.top >= headerBottom - 1 && rect.bottom <= box.bottom + 1,
    filled,
  };
})()`;

/** One look at the song table as a person would see it. */
export function probeTable(page: Page): Promise<TableProbe> {
  return page.evaluate(PROBE_SCRIPT) as Promise<TableProbe>;
}

/**
 * Scrolls the song table (to its end at most) and waits until it got there and has drawn the
 * rows now in view: the scroll offset changes a frame or more before the rows follow.
 */
export async function scrollTableTo(page: Page, top: number): Promise<TableProbe> {
  const target = await page.locator('.song-table-scroll').evaluate((element, y) => {
    element.scrollTo({ top: y });
    return Math.min(y, element.scrollHeight - element.clientHeight);
  }, top);
  const settled = async (): Promise<TableProbe | null> => {
    const probe = await probeTable(page);
    return probe.scrollTop === target && probe.filled ? probe : null;
  };
  await expect.poll(async () => (await settled()) !== null).toBe(true);
  const probe = await settled();
  if (!probe) throw new Error('the song table moved again after it settled');
  return probe;
}
