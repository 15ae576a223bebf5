import { Mp3Encoder } from '@breezystack/lamejs';

const SAMPLE_RATE = 44_100;
export const SEGMENT_KBPS = 320;
/** Encoded once, then repeated: lamejs runs at about 15x real time, far too slow for an hour. */
export const SEGMENT_SECONDS = 6;

/**
 * Two sine tones, one per channel, as 320 kbit/s constant-bitrate stereo MP3. Copies of it
 * joined end to end are a valid stream: each starts with an empty bit reservoir, and there is
 * no Xing or Info frame, so a reader takes the duration from the bitrate and the size.
 */
export function encodeSegment(): Buffer {
  const encoder = new Mp3Encoder(2, SAMPLE_RATE, SEGMENT_KBPS);
  const count = SEGMENT_SECONDS * SAMPLE_RATE;
  const left = new Int16Array(count);
  const right = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    left[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 12_000);
    right[i] = Math.round(Math.sin((2 * Math.PI * 660 * i) / SAMPLE_RATE) * 9_000);
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1152) {
    const frames = encoder.encodeBuffer(left.subarray(i, i + 1152), right.subarray(i, i + 1152));
    parts.push(asBuffer(frames));
  }
  parts.push(asBuffer(encoder.flush()));
  return Buffer.concat(parts);
}

// lamejs declares Uint8Array but returns Int8Array; view the same bytes.
function asBuffer(bytes: ArrayBufferView): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
