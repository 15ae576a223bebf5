import type { AlbumGroup, LibraryScope } from './groupSongs';
import { AlbumCover } from './AlbumCover';

interface AlbumGridProps {
  albums: readonly AlbumGroup[];
  onOpen(scope: LibraryScope): void;
}

/**
 * The albums as cards with their covers (loaded as cards come near the screen, placeholders
 * meanwhile); choosing one shows its songs. Off-screen cards skip layout and paint
 * (content-visibility).
 */
export function AlbumGrid({ albums, onOpen }: AlbumGridProps) {
  return (
    <ul className="album-grid" aria-label="Albums">
      {albums.map((group) => {
        const { key, album, artist, songCount } = group;
        return (
          <li key={key} className="album-card-item">
            <button
              type="button"
              className="album-card"
              onClick={() => onOpen({ kind: 'album', artist, album })}
            >
              <AlbumCover album={group} />
              <span className="album-name" title={album ?? undefined}>
                {album ?? 'Unknown album'}
              </span>
              <span className="album-artist" title={artist ?? undefined}>
                {artist ?? 'Unknown artist'}
              </span>
              <span className="album-count">
                {songCount === 1 ? '1 song' : `${songCount} songs`}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
