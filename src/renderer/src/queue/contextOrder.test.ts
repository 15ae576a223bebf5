import { describe, expect, it } from 'vitest';
import { stepInOrder } from './contextOrder';

// A sorted table: ids in display order, not id order.
const order = [7, 3, 9, 1];

describe('stepInOrder', () => {
  it('follows the given order, not the ids', () => {
    expect(stepInOrder(order, 3, 1, false)).toBe(9);
    expect(stepInOrder(order, 9, -1, false)).toBe(3);
  });

  it('stops at the ends, or wraps for repeat all', () => {
    expect(stepInOrder(order, 1, 1, false)).toBeNull();
    expect(stepInOrder(order, 7, -1, false)).toBeNull();
    expect(stepInOrder(order, 1, 1, true)).toBe(7);
    expect(stepInOrder(order, 7, -1, true)).toBe(1);
  });

  it('starts at the top from nothing or from a song filtered away', () => {
    expect(stepInOrder(order, null, 1, false)).toBe(7);
    expect(stepInOrder(order, 42, 1, false)).toBe(7);
    expect(stepInOrder(order, 42, -1, false)).toBeNull();
    expect(stepInOrder([], 3, 1, true)).toBeNull();
  });
});
