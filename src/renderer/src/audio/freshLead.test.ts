import { describe, expect, it } from 'vitest';
import { freshLead, minimumLeadSeconds } from './freshLead';

describe('freshLead', () => {
  const minimumSeconds = 0.013;

  it('starts at once, after the least lead, when the first chunk covers the wait', () => {
    expect(freshLead({ queuedSeconds: 0.15, expectedWaitSeconds: 0.11, minimumSeconds })).toBe(
      minimumSeconds,
    );
    expect(freshLead({ queuedSeconds: 0.11, expectedWaitSeconds: 0.11, minimumSeconds })).toBe(
      minimumSeconds,
    );
  });

  it('waits just the part of the wait a tiny first chunk does not cover', () => {
    const lead = freshLead({ queuedSeconds: 0.01, expectedWaitSeconds: 0.11, minimumSeconds });
    expect(lead).toBeCloseTo(0.1, 12);
    // With that lead, the next chunk may come as late as expected and still follow on.
    expect(lead + 0.01).toBeCloseTo(0.11, 12);
  });

  it('grows with the expected wait', () => {
    const short = freshLead({ queuedSeconds: 0.05, expectedWaitSeconds: 0.11, minimumSeconds });
    const long = freshLead({ queuedSeconds: 0.05, expectedWaitSeconds: 0.22, minimumSeconds });
    expect(short).toBeCloseTo(0.06, 12);
    expect(long).toBeCloseTo(0.17, 12);
  });

  it('never goes below the least lead, even with nothing queued to cover', () => {
    expect(freshLead({ queuedSeconds: 0, expectedWaitSeconds: 0, minimumSeconds })).toBe(
      minimumSeconds,
    );
  });
});

describe('minimumLeadSeconds', () => {
  it("is the context's output buffer and one render quantum", () => {
    expect(minimumLeadSeconds(0.01, 44100)).toBeCloseTo(0.01 + 128 / 44100, 12);
    expect(minimumLeadSeconds(0.005333, 48000)).toBeCloseTo(0.005333 + 128 / 48000, 12);
  });

  it('assumes a 10 ms buffer when the context reports none', () => {
    expect(minimumLeadSeconds(undefined, 44100)).toBeCloseTo(0.01 + 128 / 44100, 12);
    expect(minimumLeadSeconds(0, 48000)).toBeCloseTo(0.01 + 128 / 48000, 12);
  });
});
