import { describe, expect, it } from 'vitest';
import { parkSlots } from './parkedRows';
import { arrangeRows, NO_ROWS, type SlottedRow } from './rowSlots';

/** Rows 0..count-1 of a list whose song ids are base + index. */
const list = (count: number, base = 100) =>
  Array.from({ length: count }, (_, i) => ({ id: base + i, index: i }));
const slots = (rows: readonly SlottedRow[]) => rows.map((row) => row.slot);

/** One render: arranges `next` on a new list and parks what is left, as SongTable does. */
function relist(
  state: { rows: readonly SlottedRow[]; parked: readonly number[] },
  next: readonly { id: number; index: number }[],
  refiltered: boolean,
) {
  const rows = arrangeRows(state.rows, next, false, null, true, state.parked);
  return { rows, parked: parkSlots(state.rows, state.parked, rows, refiltered) };
}

describe('parkSlots', () => {
  it('parks the rows a filter leaves out, and the clear shows them again in the same DOM order', () => {
    const shown = relist({ rows: NO_ROWS, parked: [] }, list(19), false);
    expect(slots(shown.rows)).toEqual([...Array(19).keys()]);
    // No match: every slot is parked, none removed.
    const none = relist(shown, [], true);
    expect(none.rows).toEqual([]);
    expect(none.parked).toEqual([...Array(19).keys()]);
    // The clear: the rows take the parked slots in their DOM order; no new slot is made.
    const all = relist(none, list(19, 500), true);
    expect(slots(all.rows)).toEqual([...Array(19).keys()]);
    expect(all.parked).toEqual([]);
  });

  it('keeps the DOM order when a filter narrows and widens again', () => {
    let state = relist({ rows: NO_ROWS, parked: [] }, list(10), false);
    state = relist(state, list(3, 200), true);
    expect(slots(state.rows)).toEqual([0, 1, 2]);
    expect(state.parked).toEqual([3, 4, 5, 6, 7, 8, 9]);
    state = relist(state, list(1, 300), true);
    expect(slots(state.rows)).toEqual([0]);
    expect(state.parked).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    state = relist(state, list(6, 400), true);
    // Shown, then parked: the slots still run 0..9 in DOM order.
    expect([...slots(state.rows), ...state.parked]).toEqual([...Array(10).keys()]);
    // More rows than were ever in view: new slots only past the parked ones.
    state = relist(state, list(12, 600), true);
    expect(slots(state.rows)).toEqual([...Array(12).keys()]);
    expect(state.parked).toEqual([]);
  });

  it('removes rows left out by any other new list, and keeps what is parked until it is used', () => {
    let state = relist({ rows: NO_ROWS, parked: [] }, list(8), false);
    state = relist(state, list(5, 200), true);
    expect(state.parked).toEqual([5, 6, 7]);
    // A refresh with fewer songs: rows 3 and 4 go (not parked); 5-7 stay parked.
    state = relist(state, list(3, 300), false);
    expect(slots(state.rows)).toEqual([0, 1, 2]);
    expect(state.parked).toEqual([5, 6, 7]);
    // The next rows take the parked slots before any new one.
    state = relist(state, list(5, 400), false);
    expect(slots(state.rows)).toEqual([0, 1, 2, 5, 6]);
    expect(state.parked).toEqual([7]);
  });

  it('gives a scrolled-in row a parked slot before making a new one', () => {
    const previous = list(2).map((row, slot) => ({ ...row, slot }));
    const rows = arrangeRows(previous, list(3), false, null, false, [7]);
    expect(slots(rows)).not.toContain(3);
    expect(new Set(slots(rows))).toEqual(new Set([0, 1, 7]));
  });
});
