import type { FileHandle } from 'node:fs/promises';
import { planFlacSeek } from './flacSeek';
import { planSongSeek, sharedFrameIndexCache } from './mp3FrameIndex';
import { planOpusSeek } from './opusSeek';
import type { AudioFormat } from './sniffFormat';
import { planVorbisSeek } from './vorbisSeek';
import { planWavSeek } from './wavSeek';

/**
 * Where a seek's stream begins, in any format: `prefix` (headers the decoder needs, made for
 * this stream; empty for MP3) goes out first, then the file from `byteOffset` to its end. The
 * audio decoded from those bytes begins at song sample `firstSample` (PROTOCOL §7.1).
 */
export interface FormatSeekPlan {
  prefix: Buffer;
  byteOffset: number;
  firstSample: number;
  sampleRate: number;
  totalSamples: number;
}

/** Formats whose seeks are planned exactly; others are refused by the server. */
export const SEEKABLE_FORMATS: readonly AudioFormat[] = ['mp3', 'flac', 'wav', 'opus', 'vorbis'];

/**
 * Plans a start `seconds` into an opened song file.
 * @throws PastEndError for a time at or past the end; an Error when the file cannot be sought in.
 */
export async function planFormatSeek(
  format: AudioFormat,
  path: string,
  file: FileHandle,
  seconds: number,
): Promise<FormatSeekPlan> {
  if (format === 'mp3') {
    // Through the opened file, not the path: the path may name another file by now.
    const plan = await planSongSeek(path, seconds, sharedFrameIndexCache, file);
    return { ...plan, prefix: Buffer.alloc(0) };
  }
  if (format === 'wav') return planWavSeek(file, seconds);
  if (format === 'flac') return planFlacSeek(file, seconds);
  if (format === 'opus') return planOpusSeek(file, seconds);
  if (format === 'vorbis') return planVorbisSeek(file, seconds);
  throw new Error(`seeking in ${format} songs is not supported yet`);
}
