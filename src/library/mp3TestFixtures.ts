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
}

/** Encodes a mono 440 Hz sine as constant-bitrate MP3 (no ID3 tag, no Xing frame). */
export function encodeSineMp3({ seconds, sampleRate = 44100, kbps = 128 }: SineOptions): Buffer {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) {
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 12000);
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < samples.length; i += 1152) {
    parts.push(asBuffer(encoder.encodeBuffer(samples.subarray(i, i + 1152))));
  }
  parts.push(asBuffer(encoder.flush()));
  return Buffer.concat(parts);
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
