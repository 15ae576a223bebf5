import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { concatPcm, type PcmChunk } from '../../../src/decoder';
import { SongDecoder } from '../../../src/decoder/songDecoder';
import { fitSpeakerLayout } from '../../../src/decoder/speakerLayout';
import { makeFormatFixtures } from '../../support/formatFixtures';
import { encodeReferenceMp3, MP3_KINDS } from '../../support/referenceMp3';
import { decodeInSlices } from '../../support/decodeInSlices';
import { sameSamples } from '../../support/samePcm';
import { BUNDLED_MUSIC } from '../../support/serverHarness';

/** A song the skip test plays, with what a fresh decoder makes of the whole file. */
export interface SkipSong {
  name: string;
  /** Short (at most 3 s): worth waiting for its end. */
  short: boolean;
  /** Opus is not bit-exact from mid-stream (it converges after its pre-roll, slowly). */
  opus: boolean;
  reference: PcmChunk;
}

/** Fixtures of one shape each (a chained Ogg file changes shape; it has its own test). */
const FIXTURES = [
  'cd.flac',
  'hires 24-bit 96k.flac',
  'six channels.flac',
  'cd.ogg',
  'cover.ogg',
  'link-b.ogg',
  'cd.opus',
  'phone 8k mono.opus',
  'cd16.wav',
  's32.wav',
];
/** A short MP3 of every MPEG-1 kind the player seeks in bit for bit. */
const MP3 = MP3_KINDS.filter((kind) => ['cbr-info', 'vbr-plain'].includes(kind.name));

/** Makes the songs in `dir` (the bundled ones copied in) and decodes each as the reference. */
export async function makeSkipSongs(dir: string): Promise<SkipSong[]> {
  await makeFormatFixtures(dir);
  await Promise.all(MP3.map((kind) => encodeReferenceMp3(dir, kind, 1.6)));
  const bundled = (await readdir(BUNDLED_MUSIC)).filter((name) => name.endsWith('.mp3'));
  await Promise.all(bundled.map((name) => copyFile(join(BUNDLED_MUSIC, name), join(dir, name))));
  const names = [...bundled, ...FIXTURES, ...MP3.map((kind) => `${kind.name}.mp3`)];
  const songs: SkipSong[] = [];
  for (const name of names) {
    songs.push({
      name,
      short: !bundled.includes(name),
      opus: name.endsWith('.opus'),
      reference: await freshDecode(join(dir, name)),
    });
  }
  return songs;
}

/** The whole file through a decoder that decoded nothing before, as the worker hands it out. */
async function freshDecode(path: string): Promise<PcmChunk> {
  const decoder = await SongDecoder.create();
  try {
    const chunks = await decodeInSlices(decoder, await readFile(path), 4072);
    return fitSpeakerLayout(concatPcm(chunks));
  } finally {
    decoder.free();
  }
}

/**
 * Why `got` is not `expected` (null when it is): the same samples bit for bit, as many as
 * `expected` has when `whole` (the stream ended), else as many as it got.
 */
export function unlikeExpected(expected: PcmChunk, got: PcmChunk, whole: boolean): string | null {
  const length = got.channels[0]?.length ?? 0;
  const left = expected.channels[0]?.length ?? 0;
  if (got.sampleRate !== expected.sampleRate) return `rate ${got.sampleRate}`;
  if (got.channels.length !== expected.channels.length) return `${got.channels.length} channels`;
  if (length > left || (whole && length !== left)) return `${length} samples of ${left}`;
  const differs = got.channels.findIndex(
    (channel, c) => !sameSamples(channel, expected.channels[c].subarray(0, length)),
  );
  if (differs < 0) return null;
  const at = got.channels[differs].findIndex(
    (sample, i) => sample !== expected.channels[differs][i],
  );
  return `channel ${differs} differs from its sample ${at} on`;
}
