import { encodeSineMp3 } from '../test/support/mp3Fixtures';

export const SEGMENT_KBPS = 320;
/** Encoded once, then repeated: lamejs runs at about 15x real time, far too slow for an hour. */
export const SEGMENT_SECONDS = 6;

/**
 * Two sine tones, one per channel, as 320 kbit/s constant-bitrate stereo MP3. Copies of it
 * joined end to end are a valid stream: each starts with an empty bit reservoir, and there is
 * no Xing or Info frame, so a reader takes the duration from the bitrate and the size.
 */
export function encodeSegment(): Buffer {
  return encodeSineMp3({ seconds: SEGMENT_SECONDS, kbps: SEGMENT_KBPS, channels: 2 });
}
