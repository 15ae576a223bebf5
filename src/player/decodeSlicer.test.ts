import { describe, expect, it } from 'vitest';
import {
  DecodeSlicer,
  MAX_SLICE_BYTES,
  MIN_SLICE_BYTES,
  RATE_AFTER_SECONDS,
  SLICE_SECONDS,
} from './decodeSlicer';

/**
 * Feeds a song of `bytesPerSecond` through a slicer: `headerBytes` first that give no audio (tags,
 * a cover), then audio whose decoder holds back one `frameBytes` frame, as FLAC and Ogg do.
 * Returns each slice's size and the audio it gave.
 */
function feed(
  bytesPerSecond: number,
  seconds: number,
  { headerBytes = 0, frameBytes = 1 } = {},
): Array<{ bytes: number; seconds: number }> {
  const slicer = new DecodeSlicer();
  const total = headerBytes + bytesPerSecond * seconds;
  const calls: Array<{ bytes: number; seconds: number }> = [];
  let fed = 0;
  let framesOut = 0;
  while (fed < total) {
    const bytes = Math.min(slicer.size, total - fed);
    fed += bytes;
    const audioBytes = Math.max(0, fed - headerBytes);
    const complete = Math.max(0, Math.floor(audioBytes / frameBytes) - 1); // one frame held
    const out = ((complete - framesOut) * frameBytes) / bytesPerSecond;
    framesOut = complete;
    slicer.observe(bytes, out);
    calls.push({ bytes, seconds: out });
  }
  return calls;
}

const WAV_192K_24BIT = 192_000 * 2 * 3;
const MP3_128K = 16_000;

describe('DecodeSlicer', () => {
  it('keeps 4 KiB slices for compressed songs, where 4 KiB is already a lot of audio', () => {
    const calls = feed(MP3_128K, 30, { frameBytes: 418 });
    expect(calls.every((call) => call.bytes === MIN_SLICE_BYTES || call === calls.at(-1))).toBe(
      true,
    );
  });

  it('grows to about 50 ms of audio for dense songs once a quarter second has shown the rate', () => {
    const calls = feed(WAV_192K_24BIT, 10);
    const grown = calls.findIndex((call) => call.bytes > MIN_SLICE_BYTES);
    // 4 KiB slices until RATE_AFTER_SECONDS of audio came out (counted from the second slice).
    const audioBefore = calls.slice(1, grown).reduce((sum, call) => sum + call.seconds, 0);
    expect(audioBefore).toBeGreaterThanOrEqual(RATE_AFTER_SECONDS);
    expect(audioBefore).toBeLessThan(RATE_AFTER_SECONDS + MIN_SLICE_BYTES / WAV_192K_24BIT);
    expect(calls[grown].bytes).toBe(WAV_192K_24BIT * SLICE_SECONDS);
    // 10 s in ~270 calls instead of 2,813 of 4 KiB.
    expect(calls.length).toBeLessThan(300);
  });

  it('never gives much more than 50 ms of audio in a slice, whatever held frames and covers', () => {
    for (const headerBytes of [0, 100, 2_000_000]) {
      for (const frameBytes of [1, 4096 * 6, 100_000]) {
        const calls = feed(WAV_192K_24BIT, 10, { headerBytes, frameBytes });
        const largest = Math.max(...calls.map((call) => call.seconds));
        // One held frame may come out together with the slice's own audio.
        const frameSeconds = frameBytes / WAV_192K_24BIT;
        expect(largest).toBeLessThanOrEqual(SLICE_SECONDS + frameSeconds + 0.01);
        expect(Math.max(...calls.map((call) => call.bytes))).toBeGreaterThan(MIN_SLICE_BYTES);
      }
    }
  });

  it('shrinks at once when the song gets sparser (a quiet passage after a loud one)', () => {
    const loud = 600_000;
    const quiet = 100_000; // bytes per second of each passage, 3 s each
    const slicer = new DecodeSlicer();
    const audioPerSlice: number[] = [];
    let fed = 0;
    while (fed < (6 * (loud + quiet)) / 2) {
      const bytes = slicer.size;
      const loudBytes = Math.max(0, Math.min(bytes, 3 * loud - fed));
      const seconds = loudBytes / loud + (bytes - loudBytes) / quiet;
      fed += bytes;
      slicer.observe(bytes, seconds);
      audioPerSlice.push(seconds);
    }
    // The slice that straddles the change, and the one sized from it (a mix of both rates), hold
    // more: at most what a loud-sized slice holds of the quiet part. Every later one is ~50 ms.
    const over = audioPerSlice.flatMap((seconds, i) => (seconds > SLICE_SECONDS * 1.01 ? [i] : []));
    expect(over.length).toBeLessThanOrEqual(2);
    expect(over.length).toBeGreaterThan(0);
    for (const i of over)
      expect(audioPerSlice[i]).toBeLessThanOrEqual((loud * SLICE_SECONDS) / quiet);
    expect(over.at(-1)).toBeLessThanOrEqual(over[0] + 1);
  });

  it('stays within 4 KiB and 256 KiB', () => {
    const huge = feed(192_000 * 8 * 8, 2); // 192 kHz, 8 channels, 64-bit float
    expect(Math.max(...huge.map((call) => call.bytes))).toBe(MAX_SLICE_BYTES);
    const tiny = feed(750, 60); // 6 kbit/s Opus
    expect(tiny.every((call) => call.bytes <= MIN_SLICE_BYTES)).toBe(true);
  });

  it('stays at 4 KiB while no audio comes out', () => {
    const slicer = new DecodeSlicer();
    for (let i = 0; i < 100; i++) slicer.observe(MIN_SLICE_BYTES, 0);
    expect(slicer.size).toBe(MIN_SLICE_BYTES);
  });
});
