import type { FetchedCover } from '../client';
import { CoverCache, type CachedCover } from './coverCache';

export interface CoverServiceOptions {
  cache: CoverCache;
  /** Asks the connected server for a song's cover (ClientSession.fetchCover). */
  fetch(songId: number): Promise<FetchedCover>;
  log?: (line: string) => void;
}

/**
 * The player's covers: from the disk cache when the song's cover hash is there, else fetched
 * from the server once (concurrent asks for one hash share the fetch) and cached. Answers a data:
 * URL (the CSP's img-src allows data:), or null when there is no cover to show.
 */
export class CoverService {
  private readonly inFlight = new Map<string, Promise<CachedCover | null>>();

  constructor(private readonly options: CoverServiceOptions) {}

  async getCover(songId: number, coverHash: string): Promise<string | null> {
    if (!CoverCache.isKey(coverHash)) return null;
    let pending = this.inFlight.get(coverHash);
    if (!pending) {
      pending = this.lookUp(songId, coverHash).finally(() => this.inFlight.delete(coverHash));
      this.inFlight.set(coverHash, pending);
    }
    const cover = await pending;
    return cover && `data:${cover.mime};base64,${cover.bytes.toString('base64')}`;
  }

  private async lookUp(songId: number, coverHash: string): Promise<CachedCover | null> {
    const { cache, fetch, log } = this.options;
    const cached = await cache.get(coverHash).catch(() => null);
    if (cached) return cached;
    let fetched: FetchedCover;
    try {
      fetched = await fetch(songId);
    } catch (error) {
      log?.(`No cover for song ${songId}: ${error instanceof Error ? error.message : error}`);
      return null;
    }
    // Kept under the hash of the bytes received: if the image changed since the list, the new
    // one is stored under its own key and the stale key stays a miss.
    await cache.put(fetched.mime, fetched.bytes).catch((error: Error) => {
      log?.(`Could not cache a cover: ${error.message}`);
    });
    return { mime: fetched.mime, bytes: fetched.bytes };
  }
}
