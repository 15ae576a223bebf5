const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A running FNV-1a (32-bit) hash over the bytes of every Float32 sample, frame by frame with
 * channels interleaved, so the result does not depend on how a stream was cut into chunks.
 * The test hooks and the end-to-end tests (in Node) use this same code to compare what reached
 * the queue with what the decoder produced.
 */
export class SampleChecksum {
  private state = FNV_OFFSET;
  private frameCount = 0;

  get frames(): number {
    return this.frameCount;
  }

  /** The hash as 8 lowercase hex digits. */
  get hex(): string {
    return (this.state >>> 0).toString(16).padStart(8, '0');
  }

  update(channels: readonly Float32Array[]): void {
    if (channels.length === 0) return;
    const words = channels.map(
      (channel) => new Uint32Array(channel.buffer, channel.byteOffset, channel.length),
    );
    const length = words[0].length;
    let hash = this.state;
    for (let frame = 0; frame < length; frame++) {
      for (const channel of words) {
        const word = channel[frame];
        // Little-endian byte order, as the samples sit in memory.
        hash = Math.imul(hash ^ (word & 0xff), FNV_PRIME);
        hash = Math.imul(hash ^ ((word >>> 8) & 0xff), FNV_PRIME);
        hash = Math.imul(hash ^ ((word >>> 16) & 0xff), FNV_PRIME);
        hash = Math.imul(hash ^ (word >>> 24), FNV_PRIME);
      }
    }
    this.state = hash >>> 0;
    this.frameCount += length;
  }
}
