import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PcmChunk } from '../../src/decoder/pcmChunk';
import type { Fixture } from './formatFixtures';

/**
 * Test support: what Debian's reference decoders make of a file, as planar Float32 PCM. FLAC
 * comes from `flac -d` as integers, Opus from `opusdec --float`, WAV from ffmpeg's float output,
 * Vorbis from ffmpeg's float output cut to the length `oggdec` (libvorbis) gives.
 */
const run = promisify(execFile);
const BIG = { encoding: 'buffer' as const, maxBuffer: 512 * 1024 * 1024 };

export async function probe(path: string): Promise<{ sampleRate: number; channels: number }> {
  const { stdout } = await run('ffprobe', [
    ...['-v', 'quiet', '-select_streams', 'a:0', '-show_streams', '-of', 'json', path],
  ]);
  const stream = (JSON.parse(stdout) as { streams: Array<Record<string, unknown>> }).streams[0];
  return { sampleRate: Number(stream.sample_rate), channels: Number(stream.channels) };
}

export async function referenceDecode(path: string, fixture: Fixture): Promise<PcmChunk> {
  const { sampleRate, channels } = await probe(path);
  if (fixture.kind === 'flac') {
    const { stdout } = await run(
      'flac',
      ['-d', '-s', '-c', '--force-raw-format', '--endian=little', '--sign=signed', path],
      BIG,
    );
    return { sampleRate, channels: deinterleaveInts(stdout, channels, fixture.bits ?? 16) };
  }
  if (fixture.kind === 'opus') {
    const { stdout } = await run(
      'opusdec',
      ['--quiet', '--float', '--rate', '48000', '--no-dither', path, '-'],
      BIG,
    );
    return { sampleRate: 48000, channels: deinterleaveFloats(stdout, channels) };
  }
  const { stdout } = await run('ffmpeg', ['-v', 'quiet', '-i', path, '-f', 'f32le', '-'], BIG);
  const decoded = deinterleaveFloats(stdout, channels);
  if (fixture.kind !== 'vorbis') return { sampleRate, channels: decoded };
  // ffmpeg's Vorbis decoder does not always trim the last page to its granule position (a
  // 22050-sample file came out 22400 long); oggdec's count (libvorbis) is the reference length.
  const length = await oggdecSampleCount(path, channels);
  return { sampleRate, channels: decoded.map((channel) => channel.subarray(0, length)) };
}

/** Samples per channel that oggdec (libvorbis) gives. */
export async function oggdecSampleCount(path: string, channels: number): Promise<number> {
  const { stdout } = await run('oggdec', ['-Q', '-R', '-b', '16', '-o', '-', path], BIG);
  return stdout.length / 2 / channels;
}

function deinterleaveFloats(bytes: Buffer, count: number): Float32Array[] {
  const frames = bytes.length / 4 / count;
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < count; c++) channels[c][frame] = bytes.readFloatLE((frame * count + c) * 4);
  }
  return channels;
}

function deinterleaveInts(bytes: Buffer, count: number, bits: number): Float32Array[] {
  const width = bits / 8;
  const frames = bytes.length / width / count;
  const scale = 2 ** (bits - 1);
  const channels = Array.from({ length: count }, () => new Float32Array(frames));
  for (let frame = 0; frame < frames; frame++) {
    for (let c = 0; c < count; c++) {
      channels[c][frame] = bytes.readIntLE((frame * count + c) * width, width) / scale;
    }
  }
  return channels;
}

/** Signal-to-noise ratio of `got` against `reference` in dB, the worst channel; Infinity if equal. */
export function snrDb(reference: PcmChunk, got: PcmChunk): number {
  let worst = Infinity;
  reference.channels.forEach((ref, c) => {
    let signal = 0;
    let noise = 0;
    for (let i = 0; i < ref.length; i++) {
      signal += ref[i] * ref[i];
      const error = ref[i] - (got.channels[c]?.[i] ?? 0);
      noise += error * error;
    }
    worst = Math.min(worst, noise === 0 ? Infinity : 10 * Math.log10(signal / noise));
  });
  return worst;
}
