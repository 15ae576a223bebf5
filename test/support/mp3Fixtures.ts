// Test-only helpers: real MP3 bytes made at test time, so tests need no binary fixtures.
import { Mp3Encoder } from '@breezystack/lamejs';
import NodeID3 from 'node-id3';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SineOptions {
  seconds: number;
  sampleRate?: number;
  kbps?: number;
  /** Mono: 440 Hz. Stereo: 440 Hz left, 660 Hz right (told apart by ear and by checksum). */
  channels?: 1 | 2;
}

/** Encodes a sine as constant-bitrate MP3 (no ID3 tag, no Xing frame). */
export function encodeSineMp3({
  seconds,
  sampleRate = 44100,
  kbps = 128,
  channels = 1,
}: SineOptions): Buffer {
  const encoder = new Mp3Encoder(channels, sampleRate, kbps);
  const count = Math.round(seconds * sampleRate);
  const left = sine(count, sampleRate, 440, 12000);
  const right = channels === 2 ? sine(count, sampleRate, 660, 9000) : undefined;
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1152) {
    const block = encoder.encodeBuffer(left.subarray(i, i + 1152), right?.subarray(i, i + 1152));
    parts.push(asBuffer(block));
  }
  parts.push(asBuffer(encoder.flush()));
  return Buffer.concat(parts);
}

function sine(count: number, sampleRate: number, hz: number, amplitude: number): Int16Array {
  const samples = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    samples[i] = Math.round(Math.sin((2 * Math.PI * hz * i) / sampleRate) * amplitude);
  }
  return samples;
}

// lamejs declares Uint8Array but returns Int8Array; view the same bytes without copying.
function asBuffer(bytes: ArrayBufferView): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 1x1 PNG header, enough to be an embedded cover picture. */
const COVER_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

export interface FixtureTags {
  title?: string;
  artist?: string;
  album?: string;
  withCover?: boolean;
}

/** Prepends an ID3v2 tag to MP3 bytes. */
export function withId3Tag(mp3: Buffer, { withCover, ...text }: FixtureTags): Buffer {
  const image = withCover
    ? { mime: 'image/png', type: { id: 3 }, description: 'cover', imageBuffer: COVER_PNG }
    : undefined;
  return NodeID3.write({ ...text, ...(image ? { image } : {}) }, mp3);
}

/** Bytes that are not MP3, made from a fixed seed so tests behave the same every run. */
export function noiseBytes(length: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

export async function makeTempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'tidewave-library-'));
}

export async function removeDir(dir: string) {
  await rm(dir, { recursive: true, force: true });
}
