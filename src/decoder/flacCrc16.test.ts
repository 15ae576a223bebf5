import { describe, expect, it } from 'vitest';
import { flacCrc16 } from './flacCrc16';

/** The CRC bit by bit, as the FLAC format defines it. */
function bitwise(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i] << 8;
    for (let bit = 0; bit < 8; bit++)
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x8005) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

describe('flacCrc16', () => {
  it('agrees with the bitwise definition for every length and start alignment', () => {
    const bytes = new Uint8Array(300);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    for (let start = 0; start < 5; start++) {
      for (let end = start; end <= bytes.length; end += 7) {
        expect(flacCrc16(bytes, start, end), `${start}..${end}`).toBe(bitwise(bytes, start, end));
      }
    }
  });

  it('gives 0 over a frame followed by its own CRC', () => {
    const frame = new Uint8Array([
      0xff, 0xf8, 0x69, 0x18, 0x00, 0x00, 0xbf, 0x03, 0x58, 0xfd, 0, 0,
    ]);
    const crc = flacCrc16(frame, 0, 10);
    frame[10] = crc >> 8;
    frame[11] = crc & 0xff;
    expect(flacCrc16(frame, 0, 12)).toBe(0);
  });
});
