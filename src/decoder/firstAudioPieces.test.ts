import { describe, expect, it } from 'vitest';
import { MIN_PIECE_BYTES, nextPieceBytes, PIECE_BYTES } from './firstAudioPieces';

describe('nextPieceBytes', () => {
  it('takes a packet at a time until some audio comes out', () => {
    expect(nextPieceBytes(2205, null)).toBe(PIECE_BYTES);
    expect(nextPieceBytes(2205, { bytes: 4096, frames: 0 })).toBe(PIECE_BYTES);
  });

  it('takes less when the last piece’s bytes per frame say that is enough', () => {
    // 4 KiB gave 1,199 frames (a tag's end and two MP3 frames): 1,006 more want ~3.4 KiB.
    expect(nextPieceBytes(1006, { bytes: 4096, frames: 1199 })).toBe(3437);
    expect(nextPieceBytes(10, { bytes: 4096, frames: 1152 })).toBe(MIN_PIECE_BYTES);
  });

  it('never more than a packet, however few frames the last piece gave', () => {
    // The piece that ended a 27 KB cover tag gave 47 frames: its rate would ask for 188 KB.
    expect(nextPieceBytes(2158, { bytes: 4096, frames: 47 })).toBe(PIECE_BYTES);
    // 24-bit 8-channel 192 kHz WAV: dense, so many pieces, each a cheap call.
    expect(nextPieceBytes(9000, { bytes: 4096, frames: 170 })).toBe(PIECE_BYTES);
  });
});
