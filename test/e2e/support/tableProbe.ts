import type { Page } from 'playwright-core';

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
  const visible = rows
    .map((row) => ({ row, rect: row.getBoundingClientRect() }))
    .filter(({ rect }) => rect.bottom > headerBottom + 1 && rect.top < box.bottom - 1)
    .sort((a, b) => a.rect.top - b.rect.top)
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
    visible,
    scrollTop: scroller.scrollTop,
    activeId: active ? Number(active.dataset.songId) : null,
    activeInView: !!rect && rect.top >= headerBottom - 1 && rect.bottom <= box.bottom + 1,
  };
})()`;

/** One look at the song table as a person would see it. */
export function probeTable(page: Page): Promise<TableProbe> {
  return page.evaluate(PROBE_SCRIPT) as Promise<TableProbe>;
}
