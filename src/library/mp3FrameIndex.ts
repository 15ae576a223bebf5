import type { FileHandle } from 'node:fs/promises';
import { FrameIndexCache } from './frameIndexCache';
import { planSeek, type SeekPlan } from './seekPlan';

/** The frame indexes of the songs sought in lately, shared by every connection. */
export const sharedFrameIndexCache = new FrameIndexCache();

/**
 * Plans an exact start `seconds` into the MP3 file at `path`, or in `opened` (the file the
 * server opened at `path` and streams; see planSeek).
 * @throws PastEndError for a time at or past the end; an Error when the file cannot be read or
 * holds no MPEG audio frames.
 */
export async function planSongSeek(
  path: string,
  seconds: number,
  cache: FrameIndexCache = sharedFrameIndexCache,
  opened?: FileHandle,
): Promise<SeekPlan> {
  return planSeek(await cache.get(path, opened), seconds);
}
