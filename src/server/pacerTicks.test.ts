import { describe, expect, it } from 'vitest';
import { dueTicks, msUntilTick, tickEnd, wakeTick } from './pacerTicks';

describe('pacer ticks', () => {
  it('wakes a stream at the end of the tick holding its due time: never before it, less than a tick after', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1e6;
    for (let i = 0; i < 2000; i++) {
      const tickMs = 1 + Math.floor(random() % 50);
      const dueAt = random();
      const end = tickEnd(wakeTick(dueAt, tickMs), tickMs);
      expect(end).toBeGreaterThanOrEqual(dueAt);
      expect(end - dueAt).toBeLessThan(tickMs);
    }
    // Due exactly at a tick's end: woken at that end, not a tick later.
    expect(tickEnd(wakeTick(400, 20), 20)).toBe(400);
  });

  it('gives every stream due within one tick the same wake', () => {
    const ticks = [401, 405.5, 419.99, 420].map((dueAt) => wakeTick(dueAt, 20));
    expect(new Set(ticks).size).toBe(1);
    expect(wakeTick(420.01, 20)).toBe(ticks[0] + 1);
  });

  it('says which waiting ticks are due now and which comes next', () => {
    expect(dueTicks([20, 21, 25], 420, 20)).toEqual({ due: [20, 21], next: 25 });
    expect(dueTicks([20, 21, 25], 419.9, 20)).toEqual({ due: [20], next: 21 });
    expect(dueTicks([20, 21, 25], 399.9, 20)).toEqual({ due: [], next: 20 });
    expect(dueTicks([20, 21, 25], 10_000, 20)).toEqual({ due: [20, 21, 25], next: null });
    expect(dueTicks([], 10_000, 20)).toEqual({ due: [], next: null });
  });

  it("waits until the tick's end, whole milliseconds, never below zero", () => {
    expect(msUntilTick(21, 400.5, 20)).toBe(20);
    expect(msUntilTick(20, 400.5, 20)).toBe(0);
    expect(msUntilTick(21, 419, 20)).toBe(1);
  });
});
