import { describe, expect, it } from 'vitest';
import { median, percentile, slope, summarize } from '../../bench/stats';

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates percentiles between closest ranks', () => {
    const values = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100, unsorted
    expect(percentile(values, 0)).toBe(0);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([10, 20], 95)).toBeCloseTo(19.5);
  });

  it('summarizes without changing the input and ignores non-finite values', () => {
    const values = [3, Number.NaN, 1, 2, Infinity];
    expect(summarize(values)).toEqual({ n: 3, median: 2, min: 1, max: 3, p95: 2.9 });
    expect(values[0]).toBe(3);
  });

  it('refuses empty input and percentiles out of range', () => {
    expect(() => summarize([])).toThrow(/no finite values/);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('fits a least-squares slope', () => {
    expect(slope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2);
    expect(slope([0, 1, 2], [5, 5, 5])).toBe(0);
    expect(slope([1, 1], [0, 9])).toBe(0);
  });
});
