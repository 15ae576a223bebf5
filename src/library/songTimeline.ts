import type { XingTag } from './xingTag';

/**
 * The decoder delay of MPEG Layer III (528 samples of filterbank plus one), which gapless
 * decoders remove together with the encoder delay: mpg123's GAPLESS_DELAY, ffmpeg's 528 + 1.
 */
export const DECODER_DELAY_SAMPLES = 529;

/**
 * How a full play of a file maps onto its frames: the song's sample 0 is the decoded stream's
 * sample `skipSamples` (frame k's first sample is song sample k × samplesPerFrame − skip), and
 * the song is `totalSamples` long.
 */
export interface SongTimeline {
  sampleRate: number;
  samplesPerFrame: number;
  skipSamples: number;
  totalSamples: number;
}

/**
 * The timeline a gapless decoder (mpg123, as the player uses it) gives: with a Xing/Info frame
 * count it skips the encoder delay plus the decoder delay and ends at the declared length less
 * the padding; without one it plays every frame whole. `audioFrames` is the frames counted in
 * the file; null trusts the tag's count (a quick duration without reading the whole file).
 */
export function songTimeline(
  sampleRate: number,
  samplesPerFrame: number,
  audioFrames: number | null,
  tag: XingTag | null,
): SongTimeline {
  const base = { sampleRate, samplesPerFrame };
  const counted = audioFrames ?? tag?.frameCount ?? 0;
  if (!tag || tag.frameCount === null || tag.frameCount === 0) {
    return { ...base, skipSamples: 0, totalSamples: counted * samplesPerFrame };
  }
  const skipSamples = tag.encoderDelay + DECODER_DELAY_SAMPLES;
  const declaredEnd = tag.frameCount * samplesPerFrame - tag.encoderPadding + DECODER_DELAY_SAMPLES;
  const end = Math.min(counted * samplesPerFrame, declaredEnd);
  return { ...base, skipSamples, totalSamples: Math.max(0, end - skipSamples) };
}

export function timelineSeconds(timeline: SongTimeline): number {
  return timeline.totalSamples / timeline.sampleRate;
}
