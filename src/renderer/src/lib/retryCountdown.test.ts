import { describe, expect, it } from 'vitest';
import { retryCountdown } from './retryCountdown';

describe('retryCountdown', () => {
  it('counts the announced wait down in whole seconds', () => {
    expect(retryCountdown(10_000, 5_000, 10_000)).toBe('in 5 s');
    expect(retryCountdown(10_000, 5_000, 11_200)).toBe('in 4 s');
    expect(retryCountdown(10_000, 5_000, 14_999)).toBe('in 1 s');
  });

  it('says now once the wait is over', () => {
    expect(retryCountdown(10_000, 5_000, 15_000)).toBe('now');
    expect(retryCountdown(10_000, 5_000, 20_000)).toBe('now');
  });
});
