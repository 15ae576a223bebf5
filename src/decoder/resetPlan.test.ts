import { describe, expect, it } from 'vitest';
import { resetPlan } from './resetPlan';

describe('resetPlan', () => {
  it('keeps a decoder that was fed nothing since it was made or reset', () => {
    expect(resetPlan({ fedSinceReset: false, spareReady: false, failed: false })).toBe('keep');
    expect(resetPlan({ fedSinceReset: false, spareReady: true, failed: false })).toBe('keep');
  });

  it('swaps in the spare after a song, and rebuilds only when there is none', () => {
    expect(resetPlan({ fedSinceReset: true, spareReady: true, failed: false })).toBe('swap');
    expect(resetPlan({ fedSinceReset: true, spareReady: false, failed: false })).toBe('rebuild');
  });

  it('never resets a failed instance: the spare or a new one takes over', () => {
    for (const fedSinceReset of [false, true]) {
      expect(resetPlan({ fedSinceReset, spareReady: true, failed: true })).toBe('swap');
      expect(resetPlan({ fedSinceReset, spareReady: false, failed: true })).toBe('replace');
    }
  });
});
