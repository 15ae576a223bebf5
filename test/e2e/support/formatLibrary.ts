import { execFile } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PcmChunk } from '../../../src/decoder/pcmChunk';
import { makeFormatFixtures, type Fixture } from '../../support/formatFixtures';
import { referenceDecode } from '../../support/referenceDecoders';
import {
  encodeReferenceMp3,
  MP3_KINDS,
  referenceDecode as ffmpegMp3,
} from '../../support/referenceMp3';

const run = promisify(execFile);

/** One song of the back-to-back library, in play order, with its reference decoder's output. */
export interface FormatSong {
  /** File name, which is also its title (no tags) and its place in the id order. */
  name: string;
  kind: 'mp3' | Fixture['kind'];
  /** Bit-exact formats: the renderer must queue the reference's very samples. */
  exact: boolean;
  reference: PcmChunk;
}

/**
 * Seconds of the 24-bit/192 kHz WAV. Not longer: the e2e page bridge (base64 through
 * page.evaluate) carries 192 kHz stereo at only 1-3x real time on this loaded machine, and an 8 s
 * song underran mid-song in some runs (a harness limit; Electron's IPC carries it easily).
 */
export const LONG_HIRES_SECONDS = 3;

/**
 * Makes `dir/library` with one song of each format (and the odd rates and channel counts), named
 * so that the library's id order is the play order, and decodes each with its reference decoder
 * (ffmpeg for MP3 and WAV, `flac -d`, ffmpeg cut to oggdec's length for Vorbis, `opusdec --float`).
 */
export async function makeFormatLibrary(
  dir: string,
): Promise<{ folder: string; songs: FormatSong[] }> {
  const sources = join(dir, 'sources');
  const folder = join(dir, 'library');
  await Promise.all([mkdir(sources), mkdir(folder)]);
  await makeFormatFixtures(sources);
  const mp3 = await encodeReferenceMp3(sources, MP3_KINDS[0], 5);
  await run('sox', [
    ...['-n', '-r', '192000', '-c', '2', '-b', '24', join(sources, 'long hires.wav')],
    ...['synth', String(LONG_HIRES_SECONDS), 'sine', '300', 'sine', '500', 'gain', '-6'],
  ]);
  const plan: Array<[string, string, Fixture['kind'] | 'mp3', number?]> = [
    ['01 mp3.mp3', mp3, 'mp3'],
    ['02 flac.flac', 'cd.flac', 'flac', 16],
    ['03 vorbis.ogg', 'cd.ogg', 'vorbis'],
    ['04 opus.opus', 'cd.opus', 'opus'],
    ['05 wav 16-bit.wav', 'cd16.wav', 'wav', 16],
    ['06 wav 24-bit 192k.wav', 'long hires.wav', 'wav', 24],
    ['07 wav float 192k.wav', 'float 192k.wav', 'wav'],
    ['08 opus 8k mono.opus', 'phone 8k mono.opus', 'opus'],
    ['09 flac 24-bit 96k.flac', 'hires 24-bit 96k.flac', 'flac', 24],
    ['10 flac 6 channels.flac', 'six channels.flac', 'flac', 16],
  ];
  const songs: FormatSong[] = [];
  for (const [name, source, kind, bits] of plan) {
    const file = join(folder, name);
    await copyFile(source === mp3 ? mp3 : join(sources, source), file);
    let reference: PcmChunk;
    if (kind === 'mp3') {
      const pcm = await ffmpegMp3(file, MP3_KINDS[0].channels);
      reference = { sampleRate: MP3_KINDS[0].sampleRate, channels: pcm.channels };
    } else {
      reference = await referenceDecode(file, { name, kind, bits });
    }
    songs.push({ name, kind, exact: kind === 'flac' || kind === 'wav', reference });
  }
  return { folder, songs };
}
