import type { AlbumGroup, LibraryScope } from './groupSongs';
import { hueOf, initials } from './coverPlaceholder';

interface AlbumGridProps {
  albums: readonly AlbumGroup[];
  onOpen(scope: LibraryScope): void;
}

/**
 * The albums as cards with placeholder covers (the cover extension has not landed); choosing
 * one shows its songs. Off-screen cards skip layout and paint (content-visibility).
 */
export function AlbumGrid({ albums, onOpen }: AlbumGridProps) {
  return (
    <ul className="album-grid" aria-label="Albums">
      {albums.map(({ key, album, artist, songCount }) => (
        <li key={key} className="album-card-item">
          <button
            type="button"
            className="album-card"
            onClick={() => onOpen({ kind: 'album', artist, album })}
          >
            <span
              className="album-cover"
              aria-hidden="true"
              style={{ background: `hsl(${hueOf(`${artist} ${album}`)} 45% 45%)` }}
            >
              {initials(album)}
            </span>
            <span className="album-name" title={album ?? undefined}>
              {album ?? 'Unknown album'}
            </span>
            <span className="album-artist" title={artist ?? undefined}>
              {artist ?? 'Unknown artist'}
            </span>
            <span className="album-count">{songCount === 1 ? '1 song' : `${songCount} songs`}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
