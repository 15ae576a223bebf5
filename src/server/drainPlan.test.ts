import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drainSchedule } from './drainPlan';

describe('drainSchedule', () => {
  it('closes idle connections before streaming ones, evenly over the spread', () => {
    const delays = drainSchedule(
      [{ streaming: true }, { streaming: false }, { streaming: true }, { streaming: false }],
      3_000,
    );
    expect(delays).toEqual([2_000, 0, 3_000, 1_000]);
  });

  it('closes a single connection, or all with no spread, at once', () => {
    expect(drainSchedule([{ streaming: true }], 5_000)).toEqual([0]);
    expect(drainSchedule([{ streaming: true }, { streaming: false }], 0)).toEqual([0, 0]);
    expect(drainSchedule([], 5_000)).toEqual([]);
  });

  it('refuses a spread that is not a finite number of ms', () => {
    for (const bad of [-1, Number.NaN, Infinity]) {
      expect(() => drainSchedule([{ streaming: false }], bad)).toThrow(RangeError);
    }
  });

  it('gives every connection one time within the spread, idle ones never after streaming ones', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 60 }), fc.nat(60_000), (flags, spread) => {
        const delays = drainSchedule(
          flags.map((streaming) => ({ streaming })),
          spread,
        );
        expect(delays).toHaveLength(flags.length);
        for (const delay of delays) expect(delay >= 0 && delay <= spread).toBe(true);
        const idleLatest = Math.max(-1, ...delays.filter((_, i) => !flags[i]));
        const streamingFirst = Math.min(Infinity, ...delays.filter((_, i) => flags[i]));
        expect(idleLatest <= streamingFirst).toBe(true);
      }),
    );
  });
});
