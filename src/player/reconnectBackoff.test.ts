import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffOptions } from './reconnectBackoff';

const noJitter: BackoffOptions = { ...DEFAULT_BACKOFF, jitter: 0 };

describe('backoffDelayMs', () => {
  it('doubles from the initial wait up to the cap', () => {
    const waits = Array.from({ length: 8 }, (_, n) => backoffDelayMs(n, noJitter));
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('stays capped for any attempt, even where 2^n is Infinity', () => {
    for (const n of [30, 1023, 1024, 1e6]) expect(backoffDelayMs(n, noJitter)).toBe(10_000);
  });

  it('spreads each wait by the jitter, never past the cap', () => {
    const options = { ...DEFAULT_BACKOFF, jitter: 0.2 };
    expect(backoffDelayMs(0, options, () => 0)).toBe(400);
    expect(backoffDelayMs(0, options, () => 0.999_999)).toBe(600);
    expect(backoffDelayMs(1, options, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(10, options, () => 0)).toBe(8000);
    expect(backoffDelayMs(10, options, () => 0.999_999)).toBe(10_000);
    for (let i = 0; i < 1000; i++) {
      const wait = backoffDelayMs(i % 12, options);
      expect(wait).toBeGreaterThanOrEqual(400);
      expect(wait).toBeLessThanOrEqual(10_000);
    }
  });

  it('treats a negative attempt as the first', () => {
    expect(backoffDelayMs(-3, noJitter)).toBe(500);
  });
});
