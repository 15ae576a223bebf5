import { concatPcm, pcmFrameCount, type PcmChunk } from './pcmChunk';

/**
 * Decoded audio waiting to be handed out, one chunk per call. Chunks of one sample rate and
 * channel count are joined; a change (the next link of a chained Ogg file) waits for the next
 * call, since a chunk has one rate.
 */
export class PcmQueue {
  private chunks: PcmChunk[] = [];

  push(pcm: PcmChunk | null): void {
    if (pcm && pcm.channels.length > 0 && (pcm.channels[0]?.length ?? 0) > 0) this.chunks.push(pcm);
  }

  /** The leading chunks of one shape, joined; null when empty. */
  take(): PcmChunk | null {
    const first = this.chunks[0];
    if (!first) return null;
    let count = 1;
    while (count < this.chunks.length && sameShape(this.chunks[count], first)) count++;
    const taken = this.chunks.slice(0, count);
    this.chunks = this.chunks.slice(count);
    return concatPcm(taken);
  }

  /** The frames the next take() would give, and their rate (0 and 0 when empty). */
  leading(): { frames: number; sampleRate: number } {
    const first = this.chunks[0];
    if (!first) return { frames: 0, sampleRate: 0 };
    let frames = 0;
    for (const chunk of this.chunks) {
      if (!sameShape(chunk, first)) break;
      frames += pcmFrameCount(chunk);
    }
    return { frames, sampleRate: first.sampleRate };
  }

  /** Whether audio of another shape waits behind the next take(). */
  get shapeChanges(): boolean {
    return this.chunks.some((chunk) => !sameShape(chunk, this.chunks[0]));
  }

  /**
   * At the end of a song: what is left. Only when two links of a chained file with different
   * rates both end within the song's last call do two shapes remain; the later one is dropped.
   */
  takeAll(): PcmChunk | null {
    const taken = this.take();
    this.chunks = [];
    return taken;
  }

  clear(): void {
    this.chunks = [];
  }
}

function sameShape(a: PcmChunk, b: PcmChunk): boolean {
  return a.sampleRate === b.sampleRate && a.channels.length === b.channels.length;
}
