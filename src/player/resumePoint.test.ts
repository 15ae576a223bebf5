import { describe, expect, it } from 'vitest';
import { startField } from '../protocol';
import { resumeRequest, resumeStartSeconds } from './resumePoint';

/** The sample a server starts from for what is sent. */
const sentSample = (seconds: number, rate: number) =>
  Math.round(Number(startField(seconds)) * rate);

describe('resumeStartSeconds', () => {
  it('names a sample exactly when the wire can', () => {
    expect(resumeStartSeconds(441_000, 44_100)).toBe(10);
    expect(resumeStartSeconds(48_048, 48_000)).toBe(1.001);
  });

  it('is the latest time on the wire not after the sample, for every sample of a range', () => {
    for (const rate of [8000, 11_025, 22_050, 32_000, 44_100, 48_000, 96_000]) {
      for (let sample = 1; sample < 20_000; sample += 7) {
        const seconds = resumeStartSeconds(sample, rate);
        const ok =
          startField(seconds) !== null &&
          sentSample(seconds, rate) <= sample &&
          // One millisecond later would be past it.
          sentSample(seconds + 0.001, rate) > sample;
        if (!ok) expect({ rate, sample, seconds }).toBe('the latest time not after the sample');
      }
    }
  });

  it('holds far into long songs, where float rounding bites', () => {
    for (const sample of [158_760_000 - 1, 317_520_001, 2 ** 40 + 3]) {
      const seconds = resumeStartSeconds(sample, 44_100);
      expect(sentSample(seconds, 44_100)).toBeLessThanOrEqual(sample);
      expect(sample - sentSample(seconds, 44_100)).toBeLessThan(45);
    }
  });

  it('asks for the start for sample 0 or a rate it does not know', () => {
    expect(resumeStartSeconds(0, 44_100)).toBe(0);
    expect(resumeStartSeconds(1000, 0)).toBe(0);
  });
});

describe('resumeRequest', () => {
  it('goes on at the exact next sample when it is known, else from the time asked', () => {
    expect(resumeRequest(441_000, 44_100, 3)).toEqual({ startSeconds: 10, exactSample: 441_000 });
    expect(resumeRequest(null, 44_100, 3)).toEqual({ startSeconds: 3, exactSample: null });
    expect(resumeRequest(441_000, null, 3)).toEqual({ startSeconds: 3, exactSample: null });
  });
});
