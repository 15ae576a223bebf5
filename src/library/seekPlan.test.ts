import { describe, expect, it } from 'vitest';
import type { FrameIndex } from './buildFrameIndex';
import { PastEndError, planSeek } from './seekPlan';
import { songTimeline } from './songTimeline';

/** An index of `frames` frames of 400 bytes, each borrowing `borrow(i)` bytes. */
function index(
  frames: number,
  samplesPerFrame: number,
  borrow: (i: number) => number,
  skip = 0,
): FrameIndex {
  const offsets = Array.from({ length: frames }, (_, i) => 1000 + i * 400);
  return {
    offsets,
    mainDataBegin: offsets.map((_, i) => borrow(i)),
    payloadBytes: offsets.map(() => 364),
    timeline: {
      sampleRate: 44100,
      samplesPerFrame,
      skipSamples: skip,
      totalSamples: frames * samplesPerFrame - skip,
    },
  };
}

describe('planSeek', () => {
  it('starts one frame back (MPEG-1) when nothing is borrowed, then back to the ring phase', () => {
    const plan = planSeek(
      index(100, 1152, () => 0),
      (13 * 1152 + 5) / 44100,
    );
    expect(plan).toMatchObject({ byteOffset: 1000 + 12 * 400, firstSample: 12 * 1152 });
    // Frame 9 would do for the reservoir and the overlap; frame 8 is in the full play's phase.
    expect(
      planSeek(
        index(100, 1152, () => 0),
        (10 * 1152 + 5) / 44100,
      ),
    ).toMatchObject({
      byteOffset: 1000 + 8 * 400,
      firstSample: 8 * 1152,
    });
    expect(plan.targetSample).toBe(13 * 1152 + 5);
  });

  it('starts two frames back for 576-sample frames (one granule each)', () => {
    expect(
      planSeek(
        index(100, 576, () => 0),
        (10 * 576) / 44100,
      ).firstSample,
    ).toBe(8 * 576);
  });

  it('goes back as many frames as the primed frame borrows from', () => {
    // Frame 13 borrows 500 bytes: frames 12 (364) and 11 (364 more) hold them; 8 is in phase.
    const plan = planSeek(
      index(100, 1152, (i) => (i === 13 ? 500 : 364)),
      (14 * 1152) / 44100,
    );
    expect(plan.firstSample).toBe(8 * 1152);
    // Exactly one frame's payload borrowed: one frame further back (12) suffices, in phase.
    expect(
      planSeek(
        index(100, 1152, () => 364),
        (14 * 1152) / 44100,
      ).firstSample,
    ).toBe(12 * 1152);
  });

  it('counts the encoder and decoder delay: song sample 0 is frame 0 sample `skip`', () => {
    const plan = planSeek(
      index(100, 1152, () => 0, 1105),
      0.001,
    );
    expect(plan).toMatchObject({ byteOffset: 1000, firstSample: -1105, targetSample: 44 });
    expect(
      planSeek(
        index(100, 1152, () => 0, 1105),
        1,
      ).firstSample,
    ).toBe(36 * 1152 - 1105); // 44100 + 1105 is in frame 39; 38 primes it; 36 is in phase
  });

  it('refuses the end and beyond, but not the last sample', () => {
    const idx = index(10, 1152, () => 0);
    expect(() => planSeek(idx, (10 * 1152) / 44100)).toThrow(PastEndError);
    expect(() => planSeek(idx, 1e9)).toThrow(PastEndError);
    expect(planSeek(idx, (10 * 1152 - 1) / 44100).byteOffset).toBe(1000 + 8 * 400);
  });
});

describe('songTimeline', () => {
  it('plays every frame whole without a Xing frame count', () => {
    expect(songTimeline(22050, 576, 9190, null)).toMatchObject({
      skipSamples: 0,
      totalSamples: 9190 * 576,
    });
  });

  it('removes the LAME delay and padding as mpg123 does', () => {
    const tag = { frameCount: 461, encoderDelay: 576, encoderPadding: 1296 };
    // 461 × 1152 − 576 − 1296: what ffmpeg and mpg123 decode from such a file.
    expect(songTimeline(44100, 1152, 461, tag)).toMatchObject({
      skipSamples: 576 + 529,
      totalSamples: 529200,
    });
    // Trusting the tag's count (a quick scan) gives the same.
    expect(songTimeline(44100, 1152, null, tag).totalSamples).toBe(529200);
  });
});
