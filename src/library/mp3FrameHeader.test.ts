import { describe, expect, it } from 'vitest';
import { parseFrameHeader } from './mp3FrameHeader';

const header = (...bytes: number[]) => Uint8Array.from(bytes);

describe('parseFrameHeader', () => {
  it('reads MPEG-1 Layer III 128 kbps 44.1 kHz (FF FB 90 64)', () => {
    expect(parseFrameHeader(header(0xff, 0xfb, 0x90, 0x64), 0)).toEqual({
      version: 1,
      layer: 3,
      bitrateKbps: 128,
      sampleRate: 44100,
      padding: false,
      channels: 2,
      frameLength: 417, // floor(144 * 128000 / 44100)
      samplesPerFrame: 1152,
    });
  });

  it('adds the padding byte and reads mono', () => {
    const parsed = parseFrameHeader(header(0xff, 0xfb, 0x92, 0xc4), 0);
    expect(parsed).toMatchObject({ padding: true, frameLength: 418, channels: 1 });
  });

  it('reads MPEG-2 and MPEG-2.5 Layer III with 576 samples per frame', () => {
    expect(parseFrameHeader(header(0xff, 0xf3, 0x80, 0xc4), 0)).toMatchObject({
      version: 2,
      layer: 3,
      bitrateKbps: 64,
      sampleRate: 22050,
      frameLength: 208, // floor(72 * 64000 / 22050)
      samplesPerFrame: 576,
    });
    expect(parseFrameHeader(header(0xff, 0xe3, 0x48, 0x00), 0)).toMatchObject({
      version: 2.5,
      layer: 3,
      bitrateKbps: 32,
      sampleRate: 8000,
      frameLength: 288,
      samplesPerFrame: 576,
    });
  });

  it('reads Layer I and Layer II frames', () => {
    expect(parseFrameHeader(header(0xff, 0xff, 0x90, 0x00), 0)).toMatchObject({
      layer: 1,
      bitrateKbps: 288,
      frameLength: 312, // floor(12 * 288000 / 44100) * 4
      samplesPerFrame: 384,
    });
    expect(parseFrameHeader(header(0xff, 0xfd, 0x90, 0x00), 0)).toMatchObject({
      layer: 2,
      bitrateKbps: 160,
      frameLength: 522,
      samplesPerFrame: 1152,
    });
  });

  it('reads a header in the middle of a buffer', () => {
    const bytes = header(0x00, 0x12, 0xff, 0xfb, 0x90, 0x64, 0x00);
    expect(parseFrameHeader(bytes, 2)?.bitrateKbps).toBe(128);
  });

  it.each([
    ['no sync', [0xfe, 0xfb, 0x90, 0x64]],
    ['incomplete sync', [0xff, 0x1b, 0x90, 0x64]],
    ['reserved version', [0xff, 0xeb, 0x90, 0x64]],
    ['reserved layer', [0xff, 0xf9, 0x90, 0x64]],
    ['free-format bitrate', [0xff, 0xfb, 0x00, 0x64]],
    ['bad bitrate', [0xff, 0xfb, 0xf0, 0x64]],
    ['reserved sample rate', [0xff, 0xfb, 0x9c, 0x64]],
    ['reserved emphasis', [0xff, 0xfb, 0x90, 0x66]],
  ])('rejects %s', (_name, bytes) => {
    expect(parseFrameHeader(Uint8Array.from(bytes), 0)).toBeNull();
  });

  it('rejects offsets without four bytes left', () => {
    const bytes = header(0xff, 0xfb, 0x90, 0x64);
    expect(parseFrameHeader(bytes, 1)).toBeNull();
    expect(parseFrameHeader(bytes, -1)).toBeNull();
  });
});
