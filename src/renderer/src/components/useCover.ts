import { useEffect, useState } from 'react';
import { keptCover, loadCover } from '../lib/coverUrls';

/**
 * The cover of a song as a data: URL once loaded (null meanwhile, and when it has none). Asks only
 * while `wanted` (a card on screen), so a grid of a thousand albums loads the ones seen.
 */
export function useCover(
  songId: number | null | undefined,
  coverHash: string | null | undefined,
  wanted = true,
): string | null {
  const known = coverHash ? keptCover(coverHash) : null;
  const [loaded, setLoaded] = useState<{ hash: string; url: string | null } | null>(null);
  useEffect(() => {
    if (!wanted || songId == null || !coverHash || known !== undefined) return;
    let current = true;
    void loadCover(songId, coverHash).then((url) => current && setLoaded({ hash: coverHash, url }));
    return () => {
      current = false;
    };
  }, [songId, coverHash, wanted, known]);
  if (!coverHash) return null;
  if (known !== undefined) return known;
  return loaded?.hash === coverHash ? loaded.url : null;
}
