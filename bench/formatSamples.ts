import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One file of a format, and how Debian's reference tool decodes it (to stdout, discarded). */
export interface FormatSample {
  label: string;
  file: string;
  seconds: number;
  /** The reference decoder's command line, whose output goes to /dev/null. */
  reference: string[];
}

export interface FormatSamples {
  samples: FormatSample[];
  remove(): Promise<void>;
}

/**
 * The same music in every format the player decodes, made by Debian's encoders (sox, lame via
 * ffmpeg, flac, oggenc, opusenc: the tools .ci/run installs). Pink noise under a chord, so the
 * encoders spend bits as on music, not on a pure tone.
 */
export async function makeFormatSamples(seconds: number): Promise<FormatSamples> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tidewave-bench-formats-'));
  const at = (name: string) => path.join(dir, name);
  const synth = (name: string, rate: number, bits: number) =>
    run('sox', [
      ...['-n', '-r', String(rate), '-c', '2', '-b', String(bits), at(name)],
      ...['synth', String(seconds), 'pinknoise', 'sine', '220', 'sine', '330', 'gain', '-9'],
    ]);
  try {
    await Promise.all([synth('cd.wav', 44100, 16), synth('hires.wav', 192000, 24)]);
    await Promise.all([
      run('ffmpeg', [
        '-v',
        'error',
        '-y',
        '-i',
        at('cd.wav'),
        '-c:a',
        'libmp3lame',
        '-q:a',
        '2',
        at('song.mp3'),
      ]),
      run('flac', ['-s', '-f', '-o', at('song.flac'), at('cd.wav')]),
      run('flac', ['-s', '-f', '-o', at('hires.flac'), at('hires.wav')]),
      run('oggenc', ['-Q', '-q', '5', '-o', at('song.ogg'), at('cd.wav')]),
      run('opusenc', ['--quiet', at('cd.wav'), at('song.opus')]),
    ]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(
      `Making the format samples failed (are sox, ffmpeg, flac, vorbis-tools and opus-tools installed?): ${String(error)}`,
    );
  }
  const ffmpegF32 = (file: string) => ['ffmpeg', '-v', 'quiet', '-i', file, '-f', 'f32le', '-'];
  const samples: FormatSample[] = [
    {
      label: 'MP3 (LAME V2)',
      file: at('song.mp3'),
      seconds,
      reference: ['mpg123', '-q', '-s', at('song.mp3')],
    },
    {
      label: 'FLAC 16-bit 44.1 kHz',
      file: at('song.flac'),
      seconds,
      reference: ['flac', '-d', '-s', '-c', at('song.flac')],
    },
    {
      label: 'FLAC 24-bit 192 kHz',
      file: at('hires.flac'),
      seconds,
      reference: ['flac', '-d', '-s', '-c', at('hires.flac')],
    },
    {
      label: 'Ogg Vorbis q5',
      file: at('song.ogg'),
      seconds,
      reference: ['oggdec', '-Q', '-o', '-', at('song.ogg')],
    },
    {
      label: 'Opus 48 kHz',
      file: at('song.opus'),
      seconds,
      reference: ['opusdec', '--quiet', '--float', '--rate', '48000', at('song.opus'), '-'],
    },
    {
      label: 'WAV 16-bit 44.1 kHz',
      file: at('cd.wav'),
      seconds,
      reference: ffmpegF32(at('cd.wav')),
    },
    {
      label: 'WAV 24-bit 192 kHz',
      file: at('hires.wav'),
      seconds,
      reference: ffmpegF32(at('hires.wav')),
    },
  ];
  return { samples, remove: () => rm(dir, { recursive: true, force: true }) };
}
