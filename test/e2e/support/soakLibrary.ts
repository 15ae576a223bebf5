import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeSineMp3 } from '../../support/mp3Fixtures';

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
  return encodeSineMp3({ seconds, kbps: KBPS, channels: 2 });
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
