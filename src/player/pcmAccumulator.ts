import { concatPcm, pcmFrameCount, type PcmChunk } from '../decoder';

/** The first chunk of a stream: as soon as this much is decoded, so the first sound is not held. */
export const FIRST_CHUNK_SECONDS = 0.05;

/**
 * Gathers the decoder's small outputs into chunks of about `targetSeconds`, so the renderer gets
 * a few messages a second instead of one per network packet. A sample-rate change starts a new
 * chunk. The first chunk is smaller (`firstSeconds`): waiting for a full one would add its
 * decoding and, on a slow link, its bytes' transfer to the time to first audio.
 *
 * No chunk is longer than `targetSeconds`: one decoder output can be seconds of audio (a 4 KiB
 * slice of 8 kHz mono Opus is about a second), and the flow gate can only stop between chunks,
 * so a chunk's length is how far the renderer's queue can pass the gate's bound. A longer output
 * is cut into chunks of the target length; the rest waits for the next one.
 */
export class PcmAccumulator {
  private parts: PcmChunk[] = [];
  private frames = 0;
  private emitted = false;

  constructor(
    private readonly targetSeconds: number,
    private readonly firstSeconds = Math.min(targetSeconds, FIRST_CHUNK_SECONDS),
  ) {}

  /** Whether the first chunk has gone out. */
  get started(): boolean {
    return this.emitted;
  }

  push(pcm: PcmChunk | null): PcmChunk[] {
    if (!pcm || pcm.channels.length === 0 || pcm.channels[0].length === 0) return [];
    const ready: PcmChunk[] = [];
    const first = this.parts[0];
    if (
      first &&
      (first.sampleRate !== pcm.sampleRate || first.channels.length !== pcm.channels.length)
    ) {
      const flushed = this.flush();
      if (flushed) ready.push(flushed);
    }
    this.parts.push(pcm);
    this.frames += pcmFrameCount(pcm);
    const rate = pcm.sampleRate;
    const target = Math.max(1, Math.round(this.targetSeconds * rate));
    const threshold = () => (this.emitted ? target : Math.round(this.firstSeconds * rate));
    while (this.frames > 0 && this.frames >= threshold()) ready.push(this.take(target));
    return ready;
  }

  flush(): PcmChunk | null {
    return this.frames > 0 ? this.take(this.frames) : null;
  }

  /** The first `maxFrames` gathered (or all, if fewer) as one chunk; the rest stays gathered. */
  private take(maxFrames: number): PcmChunk {
    const joined = concatPcm(this.parts);
    const total = pcmFrameCount(joined);
    this.emitted = true;
    const { sampleRate } = joined;
    if (total <= maxFrames) {
      this.parts = [];
      this.frames = 0;
      return { sampleRate, channels: joined.channels.map(ownBuffer) };
    }
    // The rest as views (no copy per cut); the chunk sent is copied out of them.
    this.parts = [{ sampleRate, channels: joined.channels.map((c) => c.subarray(maxFrames)) }];
    this.frames = total - maxFrames;
    return { sampleRate, channels: joined.channels.map((c) => c.slice(0, maxFrames)) };
  }
}

/** The samples in a buffer of their own: a view would carry its whole buffer through IPC. */
function ownBuffer(samples: Float32Array): Float32Array {
  const whole = samples.byteOffset === 0 && samples.byteLength === samples.buffer.byteLength;
  return whole ? samples : samples.slice();
}
