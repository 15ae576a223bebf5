import { copyFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { concatPcm, type PcmChunk } from '../../../src/decoder';
import { SongDecoder } from '../../../src/decoder/songDecoder';
import { fitSpeakerLayout } from '../../../src/decoder/speakerLayout';
import { makeFormatFixtures } from '../../support/formatFixtures';
import { encodeReferenceMp3, MP3_KINDS } from '../../support/referenceMp3';
import { decodeInSlices } from '../../support/decodeInSlices';
import { snrDb } from '../../support/referenceDecoders';
import { sameSamples } from '../../support/samePcm';
import { BUNDLED_MUSIC } from '../../support/serverHarness';

/** A song the skip test plays, with what a fresh decoder makes of the whole file. */
export interface SkipSong {
  name: string;
  /** Short (at most 3 s): worth waiting for its end. */
  short: boolean;
  /** Opus is not bit-exact from mid-stream (it converges after its pre-roll): compared in dB. */
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
 * Why `got` is not the reference from sample `from` on (null when it is): bit for bit, except
 * an Opus seek, which must be within 100 dB (formatSeek.test.ts). `whole`: it must reach the end.
 */
export function unlikeReference(
  song: SkipSong,
  from: number,
  got: PcmChunk,
  whole: boolean,
): string | null {
  const { reference } = song;
  const length = got.channels[0]?.length ?? 0;
  const left = (reference.channels[0]?.length ?? 0) - from;
  if (got.sampleRate !== reference.sampleRate) return `rate ${got.sampleRate}`;
  if (got.channels.length !== reference.channels.length) return `${got.channels.length} channels`;
  if (length > left || (whole && length !== left)) return `${length} samples of ${left}`;
  const expected = reference.channels.map((channel) => channel.subarray(from, from + length));
  if (song.opus && from > 0) {
    const snr = snrDb({ sampleRate: got.sampleRate, channels: expected }, got);
    return snr > 100 ? null : `${snr.toFixed(1)} dB from the reference`;
  }
  const differs = got.channels.findIndex((channel, c) => !sameSamples(channel, expected[c]));
  if (differs < 0) return null;
  const at = got.channels[differs].findIndex((sample, i) => sample !== expected[differs][i]);
  return `channel ${differs} differs from its sample ${at} (song sample ${from + at})`;
}
