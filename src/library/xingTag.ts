import type { FrameHeader } from './mp3FrameHeader';
import type { FrameSideInfo } from './frameSideInfo';

/** What a Xing/Info frame (and its LAME extension) says about the whole stream. */
export interface XingTag {
  /** Audio frames in the stream, the tag frame not counted; null when the tag does not say. */
  frameCount: number | null;
  /** Samples the encoder added before the audio (LAME tag), 0 when there is no LAME tag. */
  encoderDelay: number;
  /** Samples the encoder added after the audio (LAME tag), 0 when there is no LAME tag. */
  encoderPadding: number;
}

const FRAMES_FLAG = 1;
const BYTES_FLAG = 2;
const TOC_FLAG = 4;
const QUALITY_FLAG = 8;
/** From the end of the Xing fields to the LAME delay/padding: encoder string 9, revision 1,
 * lowpass 1, replay gain 8, flags 1, bitrate 1. */
const LAME_DELAY_OFFSET = 21;

/**
 * Reads the Xing or Info tag of the frame at `offset`, or returns null when the frame is an
 * ordinary audio frame. Such a frame carries no sound: decoders skip it, so it is not audio.
 */
export function readXingTag(
  bytes: Uint8Array,
  offset: number,
  header: FrameHeader,
  side: FrameSideInfo,
): XingTag | null {
  if (header.layer !== 3) return null;
  const end = offset + header.frameLength;
  let p = offset + side.sideInfoOffset + side.sideInfoBytes;
  if (p + 8 > end || p + 8 > bytes.length) return null;
  const id = String.fromCharCode(bytes[p], bytes[p + 1], bytes[p + 2], bytes[p + 3]);
  if (id !== 'Xing' && id !== 'Info') return null;
  const flags = readUint32(bytes, p + 4);
  p += 8;
  let frameCount: number | null = null;
  if (flags & FRAMES_FLAG) {
    if (p + 4 > end) return null;
    frameCount = readUint32(bytes, p);
    p += 4;
  }
  if (flags & BYTES_FLAG) p += 4;
  if (flags & TOC_FLAG) p += 100;
  if (flags & QUALITY_FLAG) p += 4;
  const d = p + LAME_DELAY_OFFSET;
  if (d + 3 > end || d + 3 > bytes.length) {
    return { frameCount, encoderDelay: 0, encoderPadding: 0 };
  }
  // Two 12-bit numbers in three bytes, as mpg123 and ffmpeg read them.
  const encoderDelay = (bytes[d] << 4) | (bytes[d + 1] >> 4);
  const encoderPadding = ((bytes[d + 1] & 0x0f) << 8) | bytes[d + 2];
  return { frameCount, encoderDelay, encoderPadding };
}

function readUint32(bytes: Uint8Array, p: number): number {
  return ((bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8) | bytes[p + 3]) >>> 0;
}
