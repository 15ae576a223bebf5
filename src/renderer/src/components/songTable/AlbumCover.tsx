import { useEffect, useRef, useState } from 'react';
import { useCover } from '../useCover';
import type { AlbumGroup } from './groupSongs';
import { initials, placeholderBackground } from './coverPlaceholder';

/** Cards this far outside the viewport load their cover already, so scrolling finds them ready. */
const PRELOAD_MARGIN = '300px';

/**
 * An album card's cover: the placeholder (initials on a colour of the album's own) until the
 * card has come near the screen and its cover has loaded through the cover extension.
 */
export function AlbumCover({ album }: { album: AlbumGroup }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || seen || !album.cover) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setSeen(true),
      { rootMargin: PRELOAD_MARGIN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen, album.cover]);
  const url = useCover(album.cover?.songId, album.cover?.hash, seen);
  return (
    <span
      ref={ref}
      className="album-cover"
      aria-hidden="true"
      style={
        url ? undefined : { background: placeholderBackground(`${album.artist} ${album.album}`) }
      }
    >
      {url ? (
        <img className="album-cover-image" src={url} alt="" decoding="async" />
      ) : (
        initials(album.album)
      )}
    </span>
  );
}
