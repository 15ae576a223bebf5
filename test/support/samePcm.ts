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

/** `intact` with `lost` samples from `lostAt` cut out (one lost frame), bit for bit. */
export function sameWithout(
  got: PcmChunk,
  intact: PcmChunk,
  lostAt: number,
  lost: number,
): boolean {
  return (
    got.channels.length === intact.channels.length &&
    got.channels.every((channel, i) => {
      const expected = intact.channels[i];
      return (
        channel.length === expected.length - lost &&
        sameSamples(channel.subarray(0, lostAt), expected.subarray(0, lostAt)) &&
        sameSamples(channel.subarray(lostAt), expected.subarray(lostAt + lost))
      );
    })
  );
}
