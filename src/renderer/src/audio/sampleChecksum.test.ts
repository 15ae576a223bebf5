import { describe, expect, it } from 'vitest';
import { SampleChecksum } from './sampleChecksum';

function fnv1aBytes(bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function interleave(left: Float32Array, right: Float32Array): Uint8Array {
  const out = new Float32Array(left.length * 2);
  for (let i = 0; i < left.length; i++) {
    out[i * 2] = left[i];
    out[i * 2 + 1] = right[i];
  }
  return new Uint8Array(out.buffer);
}

describe('SampleChecksum', () => {
  const left = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i / 7));
  const right = Float32Array.from({ length: 1000 }, (_, i) => Math.cos(i / 11) * 0.5);

  it('is FNV-1a over the interleaved little-endian Float32 bytes', () => {
    const checksum = new SampleChecksum();
    checksum.update([left, right]);
    expect(checksum.hex).toBe(fnv1aBytes(interleave(left, right)));
    expect(checksum.frames).toBe(1000);
  });

  it('does not depend on where the stream was cut into chunks', () => {
    const whole = new SampleChecksum();
    whole.update([left, right]);
    const pieces = new SampleChecksum();
    for (const [from, to] of [
      [0, 1],
      [1, 333],
      [333, 1000],
    ]) {
      pieces.update([left.subarray(from, to), right.subarray(from, to)]);
    }
    expect(pieces.hex).toBe(whole.hex);
    expect(pieces.frames).toBe(1000);
  });

  it('notices a lost or reordered chunk', () => {
    const whole = new SampleChecksum();
    whole.update([left]);
    const reordered = new SampleChecksum();
    reordered.update([left.subarray(500)]);
    reordered.update([left.subarray(0, 500)]);
    expect(reordered.hex).not.toBe(whole.hex);
  });
});
