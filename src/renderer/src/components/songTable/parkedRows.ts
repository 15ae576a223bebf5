import type { SlottedRow } from './rowSlots';

/**
 * The slots to keep in the DOM, parked, once `rows` have taken theirs: in their DOM order (the
 * rows shown first, then the parked ones), so showing them again moves no element.
 *
 * A filter that leaves fewer rows (none, when nothing matches) parks the rest instead of
 * removing them. A removed row is made anew when the filter is cleared: its ~19 elements styled
 * from nothing, painted and given transform nodes again. A parked row keeps all that; it is
 * placed above the list, where it can never be scrolled to, and hidden from assistive
 * technology (SongRow). Other new lists (a refresh, a disconnection) remove rows as before. At
 * most as many slots are parked as rows were ever in view at once.
 *
 * @param previous the rows shown before, in DOM order
 * @param parked the slots parked before, in DOM order
 * @param rows the rows shown now, with their slots (arrangeRows took spare ones from `parked`)
 * @param refiltered the filter text changed: rows no longer shown are parked
 */
export function parkSlots(
  previous: readonly SlottedRow[],
  parked: readonly number[],
  rows: readonly SlottedRow[],
  refiltered: boolean,
): number[] {
  const used = new Set(rows.map((row) => row.slot));
  const candidates = refiltered ? previous.map((row) => row.slot).concat(parked) : parked;
  return candidates.filter((slot) => !used.has(slot));
}
