import { planSongSeek } from '../library';
import { serverMessages } from '../protocol';

export interface StreamBeginning {
  /** Where in the file the data starts. */
  byteOffset: number;
  /** The packet that goes before the data (the `start` extension), or null for none. */
  announcement: Buffer | null;
}

/**
 * Where a play starts: byte 0 (ID3 tag and cover included) for the song's start; otherwise a
 * few frames before the requested time, announced with the song sample the data decodes from,
 * so the client can drop exactly the samples before the time it asked for (PROTOCOL §7).
 * @throws when the file cannot be read or sought in, or the time is past its end.
 */
export async function planStreamBeginning(
  path: string,
  startSeconds: number,
): Promise<StreamBeginning> {
  if (!(startSeconds > 0)) return { byteOffset: 0, announcement: null };
  const plan = await planSongSeek(path, startSeconds);
  return {
    byteOffset: plan.byteOffset,
    announcement: serverMessages.streamStart(plan.firstSample, plan.sampleRate, plan.totalSamples),
  };
}
