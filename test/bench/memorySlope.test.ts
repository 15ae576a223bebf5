import { describe, expect, it } from 'vitest';
import { MIN_AUDIO_SECONDS_FOR_SLOPE, slopeReport } from '../../bench/memorySlope';

describe('slopeReport', () => {
  it('reports the slopes of runs long enough to mean something', () => {
    const long = MIN_AUDIO_SECONDS_FOR_SLOPE * 2;
    const report = slopeReport([
      { slopeMbPerAudioHour: 1.5, audioSeconds: long },
      { slopeMbPerAudioHour: -0.5, audioSeconds: long },
    ]);
    expect(report.values).toEqual([1.5, -0.5]);
    expect(report.note).toBe('flat is about 0');
  });

  it('prints no slope from a short run, and says why in the row', () => {
    const report = slopeReport([{ slopeMbPerAudioHour: 200, audioSeconds: 300 }]);
    expect(report.values.every(Number.isNaN)).toBe(true);
    expect(report.note).toMatch(/5 min of audio is too short/);
  });
});
