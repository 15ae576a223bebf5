import type { FrameIndex } from './buildFrameIndex';
import { alignToSynthPhase } from './synthPhase';

/** Where to start streaming a song so that it decodes exactly from a given time. */
export interface SeekPlan {
  /** The file offset of the first frame to send. */
  byteOffset: number;
  /**
   * The song sample (0 = a full play's first sample) at which the audio decoded from
   * `byteOffset` begins; before `targetSample`, and negative inside the encoder delay.
   */
  firstSample: number;
  /** round(seconds × sampleRate): where the listener asked to start. */
  targetSample: number;
  sampleRate: number;
  /** The song's length in samples, as a full play gives it. */
  totalSamples: number;
}

/** A start at or after the song's last sample. */
export class PastEndError extends RangeError {
  constructor(
    readonly seconds: number,
    readonly durationSeconds: number,
  ) {
    super(`${seconds} s is past the end of the song (${durationSeconds} s)`);
    this.name = 'PastEndError';
  }
}

/**
 * Plans a seek that decodes exactly. A decoder that starts at a frame boundary gets the first
 * frames wrong: Layer III main data may begin up to 511 bytes back in earlier frames (the bit
 * reservoir), and each granule's output overlaps the previous granule's (MDCT and synthesis
 * filterbank). So the plan starts early enough that the two granules before the target's frame
 * decode with all their bytes: from the frame holding them, further back by as many frames as
 * its `main_data_begin` borrows. The decoder's first samples are then wrong only before the
 * target frame, and the player drops everything before `targetSample`. Measured with mpg123:
 * one frame later would not be exact, and bit for bit only from a frame in the full play's
 * filterbank phase (synthPhase.ts).
 * @throws PastEndError when the time is at or past the song's end.
 */
export function planSeek(index: FrameIndex, seconds: number): SeekPlan {
  const { sampleRate, samplesPerFrame, skipSamples, totalSamples } = index.timeline;
  const targetSample = Math.max(0, Math.round(seconds * sampleRate));
  if (!(targetSample < totalSamples) || index.offsets.length === 0) {
    throw new PastEndError(seconds, totalSamples / sampleRate);
  }
  const frames = index.offsets.length;
  const targetFrame = Math.min(
    frames - 1,
    Math.floor((targetSample + skipSamples) / samplesPerFrame),
  );
  // Two granules of 576 samples: one frame of MPEG-1 Layer III or II, two of MPEG-2 Layer III.
  const historyFrames = Math.ceil(1152 / samplesPerFrame);
  const primed = Math.max(0, targetFrame - historyFrames);
  let first = primed;
  for (let borrowed = 0; first > 0 && borrowed < index.mainDataBegin[primed];) {
    first--;
    borrowed += index.payloadBytes[first];
  }
  // A few frames more, so the decoder's filterbank is in the full play's phase (synthPhase.ts).
  first = alignToSynthPhase(first, samplesPerFrame);
  return {
    byteOffset: index.offsets[first],
    firstSample: first * samplesPerFrame - skipSamples,
    targetSample,
    sampleRate,
    totalSamples,
  };
}
