import { describe, expect, it } from 'vitest';
import { rescaleIntegers } from './integerRescale';

/** Every b-bit integer k as the FLAC decoder hands it over: the float32 nearest k / (2^(b-1) - 1). */
function asDecoded(first: number, count: number, bitDepth: number): Float32Array {
  const decoderScale = 2 ** (bitDepth - 1) - 1;
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = (first + i) / decoderScale;
  return samples;
}

function firstMismatch(bitDepth: number, first: number, count: number): number | null {
  const samples = asDecoded(first, count, bitDepth);
  rescaleIntegers(samples, bitDepth);
  for (let i = 0; i < count; i++) {
    if (samples[i] !== Math.fround((first + i) / 2 ** (bitDepth - 1))) return first + i;
  }
  return null;
}

describe('rescaleIntegers', () => {
  it('gives k / 2^15 for every 16-bit integer k', () => {
    expect(firstMismatch(16, -32768, 65536)).toBeNull();
  });

  it('gives k / 2^23 for every 24-bit integer k', () => {
    const block = 1 << 20;
    for (let first = -(2 ** 23); first < 2 ** 23; first += block) {
      expect(firstMismatch(24, first, block)).toBeNull();
    }
  });

  it('keeps silence and the extremes exact at 8 and 20 bits', () => {
    for (const bits of [8, 20]) {
      const top = 2 ** (bits - 1);
      expect(firstMismatch(bits, -top, 3)).toBeNull();
      expect(firstMismatch(bits, -1, 3)).toBeNull();
      expect(firstMismatch(bits, top - 3, 3)).toBeNull();
    }
  });

  it('gives k / 2^(b-1) for every integer at 8, 12 and 20 bits', () => {
    for (const bits of [8, 12, 20]) {
      expect(firstMismatch(bits, -(2 ** (bits - 1)), 2 ** bits), `${bits} bits`).toBeNull();
    }
  });
});
