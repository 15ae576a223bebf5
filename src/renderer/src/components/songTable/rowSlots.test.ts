import { describe, expect, it } from 'vitest';
import { arrangeRows, NO_ROWS, type SlottedRow } from './rowSlots';

/** Rows index..index+count-1 of a list whose song ids are 100 + index. */
const window = (index: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: 100 + index + i, index: index + i }));

const slots = (rows: readonly SlottedRow[]) => rows.map((row) => row.slot);
const indexes = (rows: readonly SlottedRow[]) => rows.map((row) => row.index);

describe('arrangeRows', () => {
  it('numbers the first rows from 0, in visual order', () => {
    const rows = arrangeRows(NO_ROWS, window(0, 4), false);
    expect(slots(rows)).toEqual([0, 1, 2, 3]);
    expect(indexes(rows)).toEqual([0, 1, 2, 3]);
  });

  it('while scrolling, rows coming in take the slots and DOM places of rows going out', () => {
    const first = arrangeRows(NO_ROWS, window(0, 5), false);
    const next = arrangeRows(first, window(2, 5), true);
    // Rows 2-4 keep slots 2-4 and their places; rows 5 and 6 take slots 0 and 1, in front.
    expect(next.map((r) => [r.slot, r.index])).toEqual([
      [0, 5],
      [1, 6],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    // No slot is made while the number of rows stays the same, however far it scrolls.
    let rows = next;
    for (let at = 3; at < 400; at += 7) rows = arrangeRows(rows, window(at, 5), true);
    expect([...slots(rows)].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
  });

  it('keeps the DOM order of slots while scrolling, and goes back to visual order at rest', () => {
    let rows = arrangeRows(NO_ROWS, window(0, 4), false);
    rows = arrangeRows(rows, window(3, 4), true);
    const order = slots(rows);
    rows = arrangeRows(rows, window(5, 4), true);
    expect(slots(rows)).toEqual(order); // same keys in the same order: React moves nothing
    rows = arrangeRows(rows, window(5, 4), false);
    expect(indexes(rows)).toEqual([5, 6, 7, 8]);
  });

  it('adds fresh slots when more rows are shown, never one in use', () => {
    const first = arrangeRows(NO_ROWS, window(0, 3), false);
    const more = arrangeRows(first, window(1, 6), true);
    expect([...slots(more)].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(more.find((r) => r.index === 1)?.slot).toBe(1);
  });

  it('a row apart from the run (the active one) keeps its slot', () => {
    const rows = arrangeRows(NO_ROWS, [{ id: 7, index: 0 }, ...window(50, 3)], false);
    const later = arrangeRows(rows, [{ id: 7, index: 0 }, ...window(52, 3)], true);
    expect(later.find((r) => r.id === 7)?.slot).toBe(rows.find((r) => r.id === 7)?.slot);
  });

  it("never gives the focused row's slot to another song: it goes, as rows did before reuse", () => {
    const first = arrangeRows(NO_ROWS, window(0, 4), false);
    // Song 101 (slot 1) holds the focus and scrolls out with song 100.
    const next = arrangeRows(first, window(2, 4), true, 101);
    expect(next.map((row) => row.slot)).not.toContain(1);
    expect(new Set(next.map((row) => row.slot)).size).toBe(4);
    // Without a focus, the freed slots are reused as usual.
    expect(arrangeRows(first, window(2, 4), true).map((row) => row.slot)).toContain(1);
  });

  it('gives the same answer twice (React may render twice)', () => {
    const first = arrangeRows(NO_ROWS, window(0, 5), false);
    const once = arrangeRows(first, window(3, 5), true);
    expect(arrangeRows(once, window(3, 5), true)).toEqual(once);
  });

  it('a new list (a filter keystroke) rewrites rows in place: no row changes its DOM place', () => {
    const first = arrangeRows(NO_ROWS, window(0, 5), false);
    // Songs 102 and 104 stay in view, at other places; the others are new.
    const list = [102, 200, 104, 201, 202].map((id, index) => ({ id, index }));
    const next = arrangeRows(first, list, false, null, true);
    // Kept by song, 102 and 104 would keep slots 2 and 4 and be moved in front of others.
    expect(slots(next)).toEqual(slots(first));
    expect(next.map((row) => row.id)).toEqual([102, 200, 104, 201, 202]);
    expect(indexes(next)).toEqual([0, 1, 2, 3, 4]);
  });

  it('a longer new list keeps every slot in its place and adds fresh ones after them', () => {
    const first = arrangeRows(arrangeRows(NO_ROWS, window(0, 3), false), window(7, 3), true);
    const at = slots(first);
    const next = arrangeRows(first, window(40, 5), false, null, true);
    expect(slots(next).slice(0, 3)).toEqual(at);
    expect(new Set(slots(next)).size).toBe(5);
    // A shorter one keeps the first slots in their order; the rest go.
    expect(slots(arrangeRows(first, window(40, 2), false, null, true))).toEqual(at.slice(0, 2));
  });

  it('a new list keeps the focused row on its song, and gives its slot to no other', () => {
    const first = arrangeRows(NO_ROWS, window(0, 4), false);
    const list = [300, 301, 102, 302].map((id, index) => ({ id, index }));
    const next = arrangeRows(first, list, false, 102, true);
    expect(next.find((row) => row.id === 102)?.slot).toBe(2);
    expect(new Set(slots(next)).size).toBe(4);
    // Its song gone, its slot is used by no other song (the element goes).
    const gone = arrangeRows(first, window(50, 4), false, 102, true);
    expect(slots(gone)).not.toContain(2);
    expect(new Set(slots(gone)).size).toBe(4);
  });
});
