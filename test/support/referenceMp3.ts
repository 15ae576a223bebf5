// Test support: MP3 files made by ffmpeg's libmp3lame (the encoder behind most real files, with
// its Xing/Info frame and LAME tag) and their reference decodes by Debian's ffmpeg.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface Mp3Kind {
  name: string;
  sampleRate: number;
  channels: 1 | 2;
  /** A constant bit rate in kbit/s, or a VBR quality with `vbrQuality`. */
  kbps?: number;
  vbrQuality?: number;
  /** False: no Xing/Info frame at all (as from many older encoders and streams). */
  xingFrame: boolean;
}

/** The kinds issue 15 names: CBR and VBR with and without a header, MPEG-2 and MPEG-2.5. */
export const MP3_KINDS: readonly Mp3Kind[] = [
  { name: 'cbr-info', sampleRate: 44100, channels: 2, kbps: 128, xingFrame: true },
  { name: 'cbr-plain', sampleRate: 44100, channels: 2, kbps: 128, xingFrame: false },
  { name: 'vbr-xing', sampleRate: 44100, channels: 2, vbrQuality: 4, xingFrame: true },
  { name: 'vbr-plain', sampleRate: 44100, channels: 2, vbrQuality: 4, xingFrame: false },
  { name: 'mpeg2-mono-32k', sampleRate: 22050, channels: 1, kbps: 32, xingFrame: false },
  { name: 'mpeg2-vbr-xing', sampleRate: 22050, channels: 2, vbrQuality: 5, xingFrame: true },
  { name: 'mpeg25-8k', sampleRate: 8000, channels: 1, kbps: 16, xingFrame: true },
  { name: 'mpeg25-11k-plain', sampleRate: 11025, channels: 2, vbrQuality: 6, xingFrame: false },
];

/**
 * A gliding two-tone signal: every sample differs from its neighbours, so audio that is off by
 * even one sample does not compare equal.
 */
const SIGNAL =
  'aevalsrc=0.3*sin(2*PI*(200+40*t)*t)+0.2*sin(2*PI*3000*t*(1+0.1*sin(t)))' +
  '|0.3*sin(2*PI*(500+30*t)*t)';

/** Encodes `seconds` of the test signal as `kind` into `dir`; returns the file's path. */
export async function encodeReferenceMp3(
  dir: string,
  kind: Mp3Kind,
  seconds: number,
): Promise<string> {
  const file = path.join(dir, `${kind.name}.mp3`);
  const rate = kind.kbps ? ['-b:a', `${kind.kbps}k`] : ['-q:a', String(kind.vbrQuality ?? 4)];
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `${SIGNAL}:s=${kind.sampleRate}:d=${seconds}`],
    ...['-ac', String(kind.channels), '-c:a', 'libmp3lame', ...rate],
    ...(kind.xingFrame ? [] : ['-write_xing', '0']),
    file,
  ]);
  return file;
}

export interface ReferencePcm {
  /** Planar samples, one array per channel of the file. */
  channels: Float32Array[];
  frames: number;
}

/** The whole file decoded by ffmpeg (gapless: LAME delay and padding removed), as floats. */
export async function referenceDecode(file: string, channels: 1 | 2): Promise<ReferencePcm> {
  const { stdout } = await run('ffmpeg', ['-v', 'quiet', '-i', file, '-f', 'f32le', '-'], {
    encoding: 'buffer',
    maxBuffer: 512 * 1024 * 1024,
  });
  const bytes = Buffer.from(stdout);
  const interleaved = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const frames = interleaved.length / channels;
  const planar = Array.from({ length: channels }, (_, c) => {
    const channel = new Float32Array(frames);
    for (let i = 0; i < frames; i++) channel[i] = interleaved[i * channels + c];
    return channel;
  });
  return { channels: planar, frames };
}

/**
 * Largest difference between `actual` and the reference from sample `from` on, over
 * `actual`'s length. Decoders differ by rounding (about 2e-6); a sample off gives ~1e-2.
 */
export function largestDifference(
  actual: Float32Array,
  reference: Float32Array,
  from: number,
): number {
  let largest = 0;
  for (let i = 0; i < actual.length; i++) {
    const expected = reference[from + i];
    const difference = expected === undefined ? Infinity : Math.abs(actual[i] - expected);
    if (difference > largest) largest = difference;
  }
  return largest;
}

/** Decoders agree to about 2e-6; off by one sample, the test signal differs by far more. */
export const SAME_SAMPLE_TOLERANCE = 1e-4;
