import { describe, expect, it } from 'vitest';
import { resetPlan } from './resetPlan';

describe('resetPlan', () => {
  it('keeps a decoder that was fed nothing since it was made or reset', () => {
    expect(resetPlan({ fedSinceReset: false, spareReady: false })).toBe('keep');
    expect(resetPlan({ fedSinceReset: false, spareReady: true })).toBe('keep');
  });

  it('swaps in the spare after a song, and rebuilds only when there is none', () => {
    expect(resetPlan({ fedSinceReset: true, spareReady: true })).toBe('swap');
    expect(resetPlan({ fedSinceReset: true, spareReady: false })).toBe('rebuild');
  });
});
