import type { PcmChunk } from '../../src/decoder/pcmChunk';

/** Sample-exact equality of two chunks, compared as bytes (fast on long songs). */
export function samePcm(a: PcmChunk, b: PcmChunk): boolean {
  return (
    a.sampleRate === b.sampleRate &&
    a.channels.length === b.channels.length &&
    a.channels.every((channel, i) => sameSamples(channel, b.channels[i]))
  );
}

/** The same samples, bit for bit. */
export function sameSamples(a: Float32Array, b: Float32Array): boolean {
  return bytesOf(a).equals(bytesOf(b));
}

function bytesOf(samples: Float32Array): Buffer {
  return Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
}
