import type { StreamOrigin } from '../client/streamOrigin';
import type { PcmChunk } from '../decoder/pcmChunk';

/** Which decoded samples of a stream belong to the song from the time asked for. */
export interface WindowPlan {
  /** Decoded samples to drop before the first one played. */
  skip: number;
  /** Samples to play after those, or null for all the rest (the decoder ends the song). */
  keep: number | null;
  /** The song sample the first played sample is: exactly round(startSeconds × rate) unless
   * the origin is approximate or the stream started later than asked. */
  startSample: number;
}

/**
 * Plans the window for a stream that was asked to start at `startSeconds` and whose decoded
 * audio (at `sampleRate`) starts at `origin`. With a server's `start` packet the cut is exact
 * and the end padding the LAME tag declares is trimmed as a full play trims it; from a whole
 * file (a seed-era server ignores the start time) the player skips to the time itself.
 */
export function planWindow(
  origin: StreamOrigin,
  startSeconds: number,
  sampleRate: number,
  /** The song sample to start at when the time on the wire cannot name it (a resume). */
  exactSample: number | null = null,
): WindowPlan {
  const target = Math.max(0, exactSample ?? Math.round(startSeconds * sampleRate));
  switch (origin.kind) {
    case 'file':
      return { skip: target, keep: null, startSample: target };
    case 'approximate':
      return { skip: 0, keep: null, startSample: target };
    case 'sample': {
      const skip = Math.max(0, target - origin.firstSample);
      const startSample = origin.firstSample + skip;
      return { skip, keep: Math.max(0, origin.totalSamples - startSample), startSample };
    }
  }
}

/** Applies a WindowPlan to decoded chunks as they come: drops the head and the tail. */
export class SampleWindow {
  private toSkip: number;
  private left: number;

  constructor(plan: WindowPlan) {
    this.toSkip = plan.skip;
    this.left = plan.keep ?? Infinity;
  }

  take(pcm: PcmChunk | null): PcmChunk | null {
    if (!pcm) return null;
    const length = pcm.channels[0]?.length ?? 0;
    const from = Math.min(length, this.toSkip);
    this.toSkip -= from;
    const to = Math.min(length, from + this.left);
    this.left -= to - from;
    if (to <= from) return null;
    if (from === 0 && to === length) return pcm;
    return { sampleRate: pcm.sampleRate, channels: pcm.channels.map((c) => c.subarray(from, to)) };
  }
}
