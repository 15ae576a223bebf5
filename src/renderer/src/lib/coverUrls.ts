import { api } from './api';

/** Covers kept in the page as data: URLs, most recently used last; main's disk cache holds more. */
const MAX_KEPT = 120;
const kept = new Map<string, string | null>();
const pending = new Map<string, Promise<string | null>>();

/**
 * The cover with this hash (the song's `coverHash`) as a data: URL, or null when there is none to
 * show. Each hash is asked of main once at a time; a failure reads as "no cover" (placeholder).
 */
export function loadCover(songId: number, coverHash: string): Promise<string | null> {
  if (kept.has(coverHash)) {
    const url = kept.get(coverHash)!;
    kept.delete(coverHash); // re-inserted: now the most recently used
    kept.set(coverHash, url);
    return Promise.resolve(url);
  }
  let request = pending.get(coverHash);
  if (!request) {
    request = api()
      .getCover(songId, coverHash)
      .catch(() => null)
      .then((url) => {
        pending.delete(coverHash);
        kept.set(coverHash, url);
        if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
        return url;
      });
    pending.set(coverHash, request);
  }
  return request;
}

/** A cover already in the page, without asking main (undefined when not loaded yet). */
export function keptCover(coverHash: string): string | null | undefined {
  return kept.get(coverHash);
}
