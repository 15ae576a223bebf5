import { concatPcm, pcmSeconds, type PcmChunk } from '../decoder';

/**
 * Gathers the decoder's small outputs into chunks of about `targetSeconds`, so the renderer gets
 * a few messages a second instead of one per network packet. A sample-rate change starts a new
 * chunk.
 */
export class PcmAccumulator {
  private parts: PcmChunk[] = [];
  private seconds = 0;

  constructor(private readonly targetSeconds: number) {}

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
    if (this.seconds >= this.targetSeconds) {
      const flushed = this.flush();
      if (flushed) ready.push(flushed);
    }
    return ready;
  }

  flush(): PcmChunk | null {
    if (this.parts.length === 0) return null;
    const chunk = concatPcm(this.parts);
    this.parts = [];
    this.seconds = 0;
    return chunk;
  }
}
