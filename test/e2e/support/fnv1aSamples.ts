/**
 * Node's side of the sample checksum: FNV-1a (32-bit) over the little-endian bytes of every
 * Float32 sample, frame by frame with channels interleaved. Written independently of the
 * renderer's SampleChecksum (which the page's test hooks use) so the two must agree by
 * definition, not by sharing code.
 */
export class Fnv1aSamples {
  private hash = 0x811c9dc5;
  frames = 0;

  get hex(): string {
    return (this.hash >>> 0).toString(16).padStart(8, '0');
  }

  update(channels: readonly Float32Array[]): void {
    const length = channels[0]?.length ?? 0;
    const interleaved = new Float32Array(length * channels.length);
    channels.forEach((channel, c) => {
      for (let i = 0; i < length; i++) interleaved[i * channels.length + c] = channel[i];
    });
    const bytes = new Uint8Array(interleaved.buffer);
    let hash = this.hash;
    for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    this.hash = hash >>> 0;
    this.frames += length;
  }
}
