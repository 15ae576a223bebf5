import type { ArtistGroup, LibraryScope } from './groupSongs';
import { initials, placeholderBackground } from './coverPlaceholder';

interface ArtistListProps {
  artists: readonly ArtistGroup[];
  onOpen(scope: LibraryScope): void;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The artists with album and song counts; choosing one shows their songs. */
export function ArtistList({ artists, onOpen }: ArtistListProps) {
  return (
    <ul className="artist-list" aria-label="Artists">
      {artists.map(({ key, artist, albumCount, songCount }) => (
        <li key={key} className="artist-item">
          <button
            type="button"
            className="artist-button"
            onClick={() => onOpen({ kind: 'artist', artist })}
          >
            <span
              className="artist-avatar"
              aria-hidden="true"
              style={{ background: placeholderBackground(artist) }}
            >
              {initials(artist)}
            </span>
            <span className="artist-name">{artist ?? 'Unknown artist'}</span>
            <span className="artist-counts">
              {plural(albumCount, 'album')}, {plural(songCount, 'song')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
