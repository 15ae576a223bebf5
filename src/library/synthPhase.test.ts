import { describe, expect, it } from 'vitest';
import { alignToSynthPhase, synthPhasePeriod } from './synthPhase';

describe('synthPhase', () => {
  it('gives the frames per turn of the 16-slot ring for each frame size', () => {
    expect(synthPhasePeriod(1152)).toBe(4); // 36 calls a frame: 144 = 9 turns every 4 frames
    expect(synthPhasePeriod(576)).toBe(8); // 18 calls a frame
    expect(synthPhasePeriod(384)).toBe(4); // 12 calls a frame (Layer I)
  });

  it('moves a start back to the latest frame in the full play phase, never forward', () => {
    for (const [samples, period] of [
      [1152, 4],
      [576, 8],
    ]) {
      for (let frame = 0; frame < 40; frame++) {
        const aligned = alignToSynthPhase(frame, samples);
        expect(aligned).toBeLessThanOrEqual(frame);
        expect(frame - aligned).toBeLessThan(period);
        expect(((aligned * samples) / 32) % 16).toBe(0); // calls since the first frame
      }
    }
  });
});
