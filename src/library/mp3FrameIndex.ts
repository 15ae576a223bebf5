import type { FrameIndex } from './buildFrameIndex';
import { FrameIndexCache } from './frameIndexCache';

export { parseFrameHeader, type FrameHeader } from './mp3FrameHeader';

export interface FrameOffset {
  /** Where in the file to start streaming. */
  byteOffset: number;
  /** When that frame starts in the song: what playback time is after seeking. */
  startSeconds: number;
}

const sharedCache = new FrameIndexCache();

/**
 * Finds the MP3 frame whose start is nearest to `seconds`, for starting a stream there.
 * Zero, negative or NaN times give the first audio frame; times past the end give the last one.
 * @throws when the file cannot be read or holds no MPEG audio frames.
 */
export async function findFrameOffset(
  path: string,
  seconds: number,
  cache: FrameIndexCache = sharedCache,
): Promise<FrameOffset> {
  return nearestFrame(await cache.get(path), seconds);
}

export function nearestFrame(index: FrameIndex, seconds: number): FrameOffset {
  const starts = index.startSeconds;
  if (starts.length === 0) throw new RangeError('A frame index needs at least one frame');
  // Binary search for the first frame starting at or after `seconds`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (starts[mid] < seconds) low = mid + 1;
    else high = mid;
  }
  const before = low - 1;
  const nearest = before >= 0 && seconds - starts[before] <= starts[low] - seconds ? before : low;
  return { byteOffset: index.offsets[nearest], startSeconds: starts[nearest] };
}
