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
});
