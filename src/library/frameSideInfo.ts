import type { FrameHeader } from './mp3FrameHeader';

/** What one frame takes from, and gives to, the Layer III bit reservoir. */
export interface FrameSideInfo {
  /** Bytes this frame's main data starts before its own payload (0 for Layers I and II). */
  mainDataBegin: number;
  /** Bytes after the header, CRC and side info: the main data later frames may borrow. */
  payloadBytes: number;
  /** Where the side info starts, from the frame's first byte (a Xing/Info tag follows it). */
  sideInfoOffset: number;
  sideInfoBytes: number;
}

/** Side info size of a Layer III frame: MPEG-1 has two granules, MPEG-2 and 2.5 one. */
export function sideInfoBytes(header: FrameHeader): number {
  if (header.layer !== 3) return 0;
  if (header.version === 1) return header.channels === 1 ? 17 : 32;
  return header.channels === 1 ? 9 : 17;
}

/**
 * Reads `main_data_begin` of the frame at `offset` (whose header is `header`). A Layer III
 * frame's audio may start in earlier frames' bytes, up to 511 bytes back (255 for MPEG-2),
 * which is why a stream cut at a frame boundary cannot decode its first frames exactly.
 */
export function readFrameSideInfo(
  bytes: Uint8Array,
  offset: number,
  header: FrameHeader,
): FrameSideInfo {
  const crcBytes = (bytes[offset + 1] & 1) === 0 ? 2 : 0; // protection bit 0 means a CRC follows
  const sideInfoOffset = 4 + crcBytes;
  const size = sideInfoBytes(header);
  const payloadBytes = Math.max(0, header.frameLength - sideInfoOffset - size);
  if (header.layer !== 3)
    return { mainDataBegin: 0, payloadBytes, sideInfoOffset, sideInfoBytes: 0 };
  const p = offset + sideInfoOffset;
  const mainDataBegin =
    header.version === 1 ? (bytes[p] << 1) | (bytes[p + 1] >> 7) : (bytes[p] ?? 0);
  return { mainDataBegin, payloadBytes, sideInfoOffset, sideInfoBytes: size };
}
