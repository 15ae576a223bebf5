/** MP3 encoding with lamejs, plus the Xing/Info frame that makes the songs gapless. */
import { Mp3Encoder } from '@breezystack/lamejs';
import { BITRATE_KBPS, MP3_FRAME_SAMPLES, SAMPLE_RATE } from './constants';
import type { Stereo } from './mix';

export const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
export const LAME_ENCODER_DELAY = 576; // samples of priming LAME (and lamejs) emits before the audio
export const SIDE_INFO_BYTES = 32; // MPEG-1 Layer III, two channels

export function toInt16(sample: number): number {
  return Math.max(-32768, Math.min(32767, Math.round(sample * 32767)));
}

/** lamejs returns Int8Array chunks (its typings say Uint8Array); view them as unsigned bytes. */
export function asBytes(chunk: Uint8Array | Int8Array): Uint8Array {
  return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

export function encodeFrames(audio: Stereo): Uint8Array {
  const encoder = new Mp3Encoder(2, SAMPLE_RATE, BITRATE_KBPS);
  const chunks: Uint8Array[] = [];
  const total = audio.left.length;
  for (let offset = 0; offset < total; offset += MP3_FRAME_SAMPLES) {
    // The final block is passed at its true length so no extra silence gets encoded.
    const count = Math.min(MP3_FRAME_SAMPLES, total - offset);
    const left = new Int16Array(count);
    const right = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      left[i] = toInt16(audio.left[offset + i]);
      right[i] = toInt16(audio.right[offset + i]);
    }
    chunks.push(asBytes(encoder.encodeBuffer(left, right)));
  }
  chunks.push(asBytes(encoder.flush()));
  return concatBytes(chunks);
}

export function frameLength(stream: Uint8Array, offset: number): number {
  const isMpeg1Layer3 = stream[offset] === 0xff && (stream[offset + 1] & 0xfe) === 0xfa;
  const kbps = MPEG1_LAYER3_KBPS[stream[offset + 2] >> 4];
  const is44k = ((stream[offset + 2] >> 2) & 3) === 0;
  if (!isMpeg1Layer3 || !kbps || !is44k) throw new Error(`Bad MP3 frame header at ${offset}`);
  return Math.floor((144000 * kbps) / SAMPLE_RATE) + ((stream[offset + 2] >> 1) & 1);
}

export function countFrames(stream: Uint8Array): number {
  let frames = 0;
  let offset = 0;
  while (offset < stream.length) {
    offset += frameLength(stream, offset);
    frames++;
  }
  if (offset !== stream.length) throw new Error('MP3 stream ends mid-frame');
  return frames;
}

/** CRC-16/ARC, the checksum the LAME tag uses for both the audio and the tag itself. */
export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/**
 * lamejs's Mp3Encoder never writes the Xing/Info frame, so build one: an otherwise silent
 * first frame whose "Info" (CBR) header gives the exact frame count and a seek table, and whose
 * LAME extension records encoder delay and padding so decoders can trim them (gapless, exact
 * duration).
 */
export function buildInfoFrame(audio: Uint8Array, sampleCount: number): Uint8Array {
  const frames = countFrames(audio);
  const padding = frames * MP3_FRAME_SAMPLES - LAME_ENCODER_DELAY - sampleCount;
  if (padding < 0 || padding > 0xfff) throw new Error(`Unexpected encoder padding ${padding}`);
  const size = Math.floor((144000 * BITRATE_KBPS) / SAMPLE_RATE);
  const frame = new Uint8Array(size);
  const view = new DataView(frame.buffer);
  frame.set(audio.subarray(0, 4));
  frame[2] &= ~0x02; // no padding slot: this frame is exactly `size` bytes
  const streamBytes = size + audio.length;
  const writeAscii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i++) frame[offset + i] = text.charCodeAt(i);
  };

  let p = 4 + SIDE_INFO_BYTES;
  writeAscii(p, 'Info');
  view.setUint32(p + 4, 0x0f); // frames, bytes, TOC and quality fields present
  view.setUint32(p + 8, frames);
  view.setUint32(p + 12, streamBytes);
  p += 16;
  for (let i = 0; i < 100; i++) frame[p + i] = Math.floor((i * 256) / 100); // CBR: linear seek
  p += 100;
  view.setUint32(p, 57); // LAME's quality figure for its default settings (q=3, V4)
  p += 4;

  writeAscii(p, 'LAME3.98r'); // lamejs is a port of LAME 3.98
  p += 9;
  frame[p++] = 0x01; // tag revision 0, method 1 = CBR
  frame[p++] = 186; // lowpass / 100 Hz: LAME's 18.6 kHz choice for 192 kbps
  p += 8; // peak amplitude and ReplayGain fields left empty
  frame[p++] = 0; // encoding flags / ATH type
  frame[p++] = BITRATE_KBPS;
  frame[p++] = LAME_ENCODER_DELAY >> 4;
  frame[p++] = ((LAME_ENCODER_DELAY & 0x0f) << 4) | (padding >> 8);
  frame[p++] = padding & 0xff;
  frame[p++] = (1 << 6) | (1 << 2); // source rate 44.1 kHz, stereo mode "stereo"
  frame[p++] = 0; // MP3 gain
  p += 2; // preset and surround info
  view.setUint32(p, streamBytes);
  view.setUint16(p + 4, crc16(audio));
  p += 6;
  view.setUint16(p, crc16(frame.subarray(0, p)));
  return frame;
}

export function encodeMp3(audio: Stereo): Uint8Array {
  const frames = encodeFrames(audio);
  return concatBytes([buildInfoFrame(frames, audio.left.length), frames]);
}
