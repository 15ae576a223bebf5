import { concatPcm, pcmSeconds, type PcmChunk } from '../decoder';

/** The first chunk of a stream: as soon as this much is decoded, so the first sound is not held. */
export const FIRST_CHUNK_SECONDS = 0.05;

/**
 * Gathers the decoder's small outputs into chunks of about `targetSeconds`, so the renderer gets
 * a few messages a second instead of one per network packet. A sample-rate change starts a new
 * chunk. The first chunk is smaller (`firstSeconds`): waiting for a full one would add its
 * decoding and, on a slow link, its bytes' transfer to the time to first audio.
 */
export class PcmAccumulator {
  private parts: PcmChunk[] = [];
  private seconds = 0;
  private emitted = false;

  constructor(
    private readonly targetSeconds: number,
    private readonly firstSeconds = Math.min(targetSeconds, FIRST_CHUNK_SECONDS),
  ) {}

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
    this.seconds += pcmSeconds(pcm);
    if (this.seconds >= (this.emitted ? this.targetSeconds : this.firstSeconds)) {
      const flushed = this.flush();
      if (flushed) ready.push(flushed);
    }
    return ready;
  }

  flush(): PcmChunk | null {
    if (this.parts.length === 0) return null;
    const chunk = concatPcm(this.parts);
    this.emitted = true;
    this.parts = [];
    this.seconds = 0;
    return chunk;
  }
}
