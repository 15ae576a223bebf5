import { describe, expect, it } from 'vitest';
import type { PcmChunk } from './pcmChunk';
import { fitSpeakerLayout } from './speakerLayout';

/** Channel i holds the value i + 1 in every sample, so where each went is plain to see. */
const numbered = (count: number): PcmChunk => ({
  sampleRate: 48000,
  channels: Array.from({ length: count }, (_, i) => new Float32Array(4).fill(i + 1)),
});
const firstSamples = (pcm: PcmChunk) => pcm.channels.map((channel) => channel[0]);

describe('fitSpeakerLayout', () => {
  it('passes the layouts Web Audio knows through untouched', () => {
    for (const count of [1, 2, 4, 6]) {
      const pcm = numbered(count);
      expect(fitSpeakerLayout(pcm)).toBe(pcm);
    }
  });

  it('puts 3 and 5 channels into their 5.1 places, with silence in the rest', () => {
    expect(firstSamples(fitSpeakerLayout(numbered(3)))).toEqual([1, 2, 3, 0, 0, 0]);
    expect(firstSamples(fitSpeakerLayout(numbered(5)))).toEqual([1, 2, 3, 0, 4, 5]);
  });

  it('folds the extra channels of 6.1 and 7.1 into the surrounds', () => {
    const r = Math.SQRT1_2;
    const six1 = firstSamples(fitSpeakerLayout(numbered(7)));
    expect(six1.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(six1[4]).toBeCloseTo(6 + 5 * r, 6);
    expect(six1[5]).toBeCloseTo(7 + 5 * r, 6);
    const seven1 = firstSamples(fitSpeakerLayout(numbered(8)));
    expect(seven1.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(seven1[4]).toBeCloseTo((5 + 7) * r, 6);
    expect(seven1[5]).toBeCloseTo((6 + 8) * r, 6);
    expect(fitSpeakerLayout(numbered(8)).channels.every((c) => c.length === 4)).toBe(true);
  });
});
