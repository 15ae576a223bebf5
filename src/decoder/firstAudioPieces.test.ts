import { describe, expect, it } from 'vitest';
import {
  MIN_PIECE_BYTES,
  nextPieceBytes,
  PIECE_BYTES,
  songHead,
  type PieceState,
} from './firstAudioPieces';

/** An ID3v2.4 tag of `bodyBytes` (syncsafe size), body of zeros. */
function id3(bodyBytes: number): Uint8Array {
  const size = [21, 14, 7, 0].map((shift) => (bodyBytes >> shift) & 0x7f);
  return Uint8Array.from([0x49, 0x44, 0x33, 4, 0, 0, ...size, ...new Array<number>(bodyBytes)]);
}

/** 128 kbit/s 44.1 kHz MPEG-1 layer III frame headers, 417 bytes apart. */
function mpegFrames(count: number): Uint8Array {
  const bytes = new Uint8Array(417 * count);
  for (let i = 0; i < count; i++) bytes.set([0xff, 0xfb, 0x90, 0x64], i * 417);
  return bytes;
}

const ascii = (text: string, length: number) => {
  const bytes = new Uint8Array(length);
  bytes.set(Buffer.from(text));
  return bytes;
};
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('songHead', () => {
  it('an MP3: its tags end where its frames start', () => {
    expect(songHead(join(id3(27_000), mpegFrames(4)))).toEqual({
      tagBytes: 27_010,
      framesAfter: true,
    });
    expect(songHead(join(id3(100), id3(50), mpegFrames(1)))).toEqual({
      tagBytes: 170,
      framesAfter: true,
    });
    // No tag, or a seek's first bytes: frames from the first byte.
    expect(songHead(mpegFrames(4))).toEqual({ tagBytes: 0, framesAfter: true });
  });

  it('other formats: a tag in front is known, their own headers are not read', () => {
    expect(songHead(join(id3(500), ascii('fLaC', 100)))).toEqual({
      tagBytes: 510,
      framesAfter: false,
    });
    expect(songHead(ascii('fLaC', 100))).toEqual({ tagBytes: 0, framesAfter: false });
    const wav = ascii('RIFF', 100);
    wav.set(Buffer.from('WAVE'), 8);
    expect(songHead(wav)).toEqual({ tagBytes: 0, framesAfter: false });
  });

  it('no plan when the bytes end inside the tags, or are not known audio', () => {
    expect(songHead(id3(27_000).subarray(0, 4096))).toEqual({ tagBytes: 0, framesAfter: false });
    expect(songHead(new Uint8Array(4096))).toEqual({ tagBytes: 0, framesAfter: false });
  });
});

describe('nextPieceBytes', () => {
  const state = (over: Partial<PieceState>): PieceState => ({
    tagBytesLeft: 0,
    audioAhead: false,
    wantedFrames: 2205,
    lastAudio: null,
    ...over,
  });

  it('known tags in one piece, however big, so the next byte is audio', () => {
    expect(nextPieceBytes(state({ tagBytesLeft: 27_010 }))).toBe(27_010);
    expect(nextPieceBytes(state({ tagBytesLeft: 300, audioAhead: true }))).toBe(300);
  });

  it('a packet at a time through headers not read, until audio comes', () => {
    expect(nextPieceBytes(state({}))).toBe(PIECE_BYTES);
  });

  it('the least piece once audio is ahead, until a piece of audio alone gives a rate', () => {
    expect(nextPieceBytes(state({ audioAhead: true }))).toBe(MIN_PIECE_BYTES);
    // 1,024 bytes that completed no 320 kbit/s frame: no rate yet.
    const none = { bytes: 1024, frames: 0 };
    expect(nextPieceBytes(state({ audioAhead: true, lastAudio: none }))).toBe(MIN_PIECE_BYTES);
  });

  it('then what the rate says the frames still wanted need', () => {
    // 16-bit stereo WAV: 4 bytes a frame.
    const wav = { bytes: 1024, frames: 256 };
    expect(nextPieceBytes(state({ audioAhead: true, wantedFrames: 800, lastAudio: wav }))).toBe(
      3200,
    );
    const mp3 = { bytes: 1024, frames: 2304 };
    expect(nextPieceBytes(state({ audioAhead: true, wantedFrames: 10, lastAudio: mp3 }))).toBe(
      MIN_PIECE_BYTES,
    );
  });

  it('never more than a packet, however few frames the last piece gave', () => {
    const sparse = { bytes: 1024, frames: 47 };
    expect(nextPieceBytes(state({ audioAhead: true, lastAudio: sparse }))).toBe(PIECE_BYTES);
    // 24-bit 8-channel 192 kHz WAV: dense, so many pieces, each a cheap call.
    const dense = { bytes: 4096, frames: 170 };
    expect(nextPieceBytes(state({ audioAhead: true, wantedFrames: 9000, lastAudio: dense }))).toBe(
      PIECE_BYTES,
    );
  });
});
