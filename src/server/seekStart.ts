import type { FileHandle } from 'node:fs/promises';
import { planFormatSeek, type AudioFormat } from '../library';
import { DataChunker, framePlayData, serverMessages } from '../protocol';

export interface StreamBeginning {
  /** Where in the file the data starts. */
  byteOffset: number;
  /** The packet that goes before the data (the `start` extension), or null for none. */
  announcement: Buffer | null;
  /** Bytes sent as play data before the file's (headers the decoder needs); may be empty. */
  prefix: Buffer;
}

/** A play from the song's start: byte 0, nothing announced, no headers of our own. */
export const SONG_START: StreamBeginning = Object.freeze({
  byteOffset: 0,
  announcement: null,
  prefix: Buffer.alloc(0),
});

/**
 * Where a play starts: byte 0 (tags and cover included) for the song's start; otherwise where
 * the song's format lets the data decode exactly from (MP3: a few frames early; FLAC: the frame
 * holding the time; WAV: the sample itself), behind the headers its decoder needs, announced
 * with the song sample the data decodes from, so the client can drop exactly the samples before
 * the time it asked for (PROTOCOL §7).
 * @throws when the file cannot be read or sought in, or the time is past its end.
 */
export async function planStreamBeginning(
  song: { format: AudioFormat; realPath: string },
  file: FileHandle,
  startSeconds: number,
): Promise<StreamBeginning> {
  if (!(startSeconds > 0)) return SONG_START;
  const plan = await planFormatSeek(song.format, song.realPath, file, startSeconds);
  return {
    byteOffset: plan.byteOffset,
    announcement: serverMessages.streamStart(plan.firstSample, plan.sampleRate, plan.totalSamples),
    prefix: plan.prefix,
  };
}

/** A seek's header bytes as play packets of their own (no delimiter whole in any). */
export function framePrefix(prefix: Buffer): Buffer {
  const chunker = new DataChunker();
  return framePlayData([...chunker.push(prefix), ...chunker.flush()]);
}
