import { describe, expect, it } from 'vitest';
import { anchorAt, scrollTopFor } from './scrollAnchor';

const ROW = 36;

describe('scroll anchor', () => {
  const before = [10, 11, 12, 13, 14, 15];
  const idAt = (ids: number[]) => (row: number) => ids[row];
  const rowOf = (ids: number[]) => (id: number) => ids.indexOf(id);

  it('keeps the top row in place when rows are added above it', () => {
    const anchor = anchorAt(3 * ROW + 10, ROW, idAt(before));
    expect(anchor).toEqual({ songId: 13, pastTopPx: 10 });
    const after = [1, 2, 10, 11, 12, 13, 14, 15];
    expect(scrollTopFor(anchor!, ROW, rowOf(after))).toBe(5 * ROW + 10);
  });

  it('moves up when rows above are removed, and gives up when its song is gone', () => {
    const anchor = anchorAt(4 * ROW, ROW, idAt(before))!;
    expect(scrollTopFor(anchor, ROW, rowOf([10, 14, 15]))).toBe(1 * ROW);
    expect(scrollTopFor(anchor, ROW, rowOf([10, 15]))).toBeNull();
  });

  it('has no anchor past the last row', () => {
    expect(anchorAt(40 * ROW, ROW, idAt(before))).toBeNull();
  });
});
