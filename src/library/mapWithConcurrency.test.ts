import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from './mapWithConcurrency';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapWithConcurrency', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let mostRunning = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n, index) => {
      running++;
      mostRunning = Math.max(mostRunning, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return `${index}:${n}`;
    });
    expect(results).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6']);
    expect(mostRunning).toBe(3);
  });

  it('handles an empty list and rejects a bad limit', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
