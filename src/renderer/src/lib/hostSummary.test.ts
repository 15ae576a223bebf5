import { describe, expect, it } from 'vitest';
import { hostPanelShowsDetails, listeningSummary } from './hostSummary';

describe('the host panel while hosting', () => {
  it('shows a summary, and its details only when asked', () => {
    expect(hostPanelShowsDetails(true, false)).toBe(false);
    expect(hostPanelShowsDetails(true, true)).toBe(true);
  });

  it('shows everything while setting up', () => {
    expect(hostPanelShowsDetails(false, false)).toBe(true);
  });

  it('sums up who listens and who was refused', () => {
    expect(listeningSummary(0, 0)).toBe('Nobody is listening');
    expect(listeningSummary(2, 0)).toBe('2 listening');
    expect(listeningSummary(1, 3)).toBe('1 listening · 3 refused');
  });
});
