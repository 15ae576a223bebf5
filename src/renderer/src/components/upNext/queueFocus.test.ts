import { describe, expect, it } from 'vitest';
import { focusAfterLeaving } from './queueFocus';

const list = [10, 11, 12].map((key) => ({ key, songId: key - 10 }));

describe('focusAfterLeaving', () => {
  it('an entry that leaves hands the focus to the one after it, or before it at the end', () => {
    expect(focusAfterLeaving(list, new Set([10]))).toBe(11);
    expect(focusAfterLeaving(list, new Set([11]))).toBe(12);
    expect(focusAfterLeaving(list, new Set([12]))).toBe(11);
  });

  it('the last entry, or all of them (Clear), hand it to the panel (null)', () => {
    expect(focusAfterLeaving(list.slice(0, 1), new Set([10]))).toBeNull();
    expect(focusAfterLeaving(list, new Set([10, 11, 12]))).toBeNull();
    expect(focusAfterLeaving([], new Set())).toBeNull();
  });
});
