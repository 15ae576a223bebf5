import { FrameIndexCache } from './frameIndexCache';
import { planSeek, type SeekPlan } from './seekPlan';

const sharedCache = new FrameIndexCache();

/**
 * Plans an exact start `seconds` into the MP3 file at `path` (see planSeek).
 * @throws PastEndError for a time at or past the end; an Error when the file cannot be read or
 * holds no MPEG audio frames.
 */
export async function planSongSeek(
  path: string,
  seconds: number,
  cache: FrameIndexCache = sharedCache,
): Promise<SeekPlan> {
  return planSeek(await cache.get(path), seconds);
}
