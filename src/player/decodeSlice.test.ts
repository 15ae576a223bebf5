import { describe, expect, it } from 'vitest';
import {
  DECODE_SLICE_SECONDS,
  decodeSliceBytes,
  MAX_DECODE_SLICE_BYTES,
  MIN_DECODE_SLICE_BYTES,
  RATE_BASIS_SECONDS,
} from './decodeSlice';

describe('decodeSliceBytes', () => {
  it('starts with one packet, before any audio says how dense the stream is', () => {
    expect(decodeSliceBytes(0, 0)).toBe(MIN_DECODE_SLICE_BYTES);
    expect(decodeSliceBytes(8192, 0)).toBe(MIN_DECODE_SLICE_BYTES);
    expect(decodeSliceBytes(Number.NaN, 1)).toBe(MIN_DECODE_SLICE_BYTES);
    // Less than a second of audio: a tag or a slow-starting decoder could still skew the rate.
    expect(decodeSliceBytes(600_000, RATE_BASIS_SECONDS / 2)).toBe(MIN_DECODE_SLICE_BYTES);
  });

  it('keeps MP3 at 4 KiB slices, up to 320 kbit/s', () => {
    expect(decodeSliceBytes(40_000 * 10, 10)).toBe(MIN_DECODE_SLICE_BYTES);
  });

  it('gives dense formats about a tenth of a second per call', () => {
    const flacBytesPerSecond = 110_000; // 16-bit 44.1 kHz stereo FLAC of music
    const slice = decodeSliceBytes(flacBytesPerSecond * 5, 5);
    expect(slice / flacBytesPerSecond).toBeCloseTo(DECODE_SLICE_SECONDS, 3);
  });

  it('never hands over more than 64 KiB (24-bit/192 kHz WAV: 1.15 MB a second)', () => {
    expect(decodeSliceBytes(1_152_000 * 3, 3)).toBe(MAX_DECODE_SLICE_BYTES);
    expect(MAX_DECODE_SLICE_BYTES / 1_152_000).toBeLessThan(DECODE_SLICE_SECONDS);
  });
});
