import { Mp3Encoder } from '@breezystack/lamejs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SAMPLE_RATE = 44_100;
const KBPS = 160;

export interface SoakLibrary {
  folder: string;
  /** Song titles in server id order (the file names without .mp3). */
  titles: string[];
  remove(): Promise<void>;
}

/**
 * Stereo two-tone MP3 (440 Hz left, 660 Hz right), constant bitrate. Stereo at 44.1 kHz is
 * the common case and the heaviest in PCM: 352,800 bytes of Float32 a second.
 */
function encodeStereoTone(seconds: number): Buffer {
  const encoder = new Mp3Encoder(2, SAMPLE_RATE, KBPS);
  const count = Math.round(seconds * SAMPLE_RATE);
  const left = new Int16Array(count);
  const right = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    left[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / SAMPLE_RATE) * 12_000);
    right[i] = Math.round(Math.sin((2 * Math.PI * 660 * i) / SAMPLE_RATE) * 9_000);
  }
  const parts: Buffer[] = [];
  for (let i = 0; i < count; i += 1152) {
    parts.push(
      toBuffer(encoder.encodeBuffer(left.subarray(i, i + 1152), right.subarray(i, i + 1152))),
    );
  }
  parts.push(toBuffer(encoder.flush()));
  return Buffer.concat(parts);
}

// lamejs declares Uint8Array but returns Int8Array; view the same bytes.
function toBuffer(bytes: ArrayBufferView): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A temp folder of `count` short songs of `seconds` each (one encoding, many copies), named so
 * the server numbers them in order: many stream turnovers a minute, for the soak test.
 */
export async function makeSoakLibrary(count: number, seconds: number): Promise<SoakLibrary> {
  const folder = await mkdtemp(join(tmpdir(), 'tidewave-soak-'));
  const song = encodeStereoTone(seconds);
  const titles = Array.from({ length: count }, (_, i) => `soak ${String(i + 1).padStart(2, '0')}`);
  await Promise.all(titles.map((title) => writeFile(join(folder, `${title}.mp3`), song)));
  return { folder, titles, remove: () => rm(folder, { recursive: true, force: true }) };
}
