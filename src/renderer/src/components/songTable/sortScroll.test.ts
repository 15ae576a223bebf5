import { describe, expect, it } from 'vitest';
import { rowAfterSort } from './sortScroll';

describe('rowAfterSort', () => {
  it('shows the selected row, else the playing one', () => {
    expect(rowAfterSort(12_000, 40)).toBe(12_000);
    expect(rowAfterSort(0, 40)).toBe(0);
    expect(rowAfterSort(-1, 40)).toBe(40);
  });

  it('goes to the top when neither is shown (none, or filtered out)', () => {
    expect(rowAfterSort(-1, -1)).toBeNull();
  });
});
