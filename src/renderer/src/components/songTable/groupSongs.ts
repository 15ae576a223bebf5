import type { SongIndex } from './songIndex';

export interface AlbumGroup {
  /** Identifies the album: artist and album together (two artists may share an album name). */
  key: string;
  album: string | null;
  artist: string | null;
  songCount: number;
  /** The album's first song with a cover (PROTOCOL §19), whose cover the card shows. */
  cover: { songId: number; hash: string } | null;
}

export interface ArtistGroup {
  key: string;
  artist: string | null;
  albumCount: number;
  songCount: number;
}

/** What the songs view is narrowed to after choosing an album or an artist. */
export type LibraryScope =
  | { kind: 'album'; artist: string | null; album: string | null }
  | { kind: 'artist'; artist: string | null };

const keyOf = (...parts: Array<string | null>) => JSON.stringify(parts);

/** Positions in `order` whose song is in the scope (all of them without one). */
export function scopePositions(
  index: SongIndex,
  order: readonly number[],
  scope: LibraryScope | null,
): readonly number[] {
  if (!scope) return order;
  const { songs } = index;
  return order.filter((p) => {
    const song = songs[p];
    if (song.artist !== scope.artist) return false;
    return scope.kind === 'artist' || song.album === scope.album;
  });
}

/** The albums of the given songs, in the order their first song appears. */
export function groupAlbums(index: SongIndex, positions: readonly number[]): AlbumGroup[] {
  const groups = new Map<string, AlbumGroup>();
  for (const p of positions) {
    const { artist, album, id, coverHash } = index.songs[p];
    const key = keyOf(artist, album);
    const cover = coverHash ? { songId: id, hash: coverHash } : null;
    const group = groups.get(key);
    if (!group) groups.set(key, { key, album, artist, songCount: 1, cover });
    else {
      group.songCount++;
      group.cover ??= cover;
    }
  }
  return [...groups.values()];
}

/** The artists of the given songs, in the order their first song appears. */
export function groupArtists(index: SongIndex, positions: readonly number[]): ArtistGroup[] {
  const groups = new Map<string, ArtistGroup & { albums: Set<string | null> }>();
  for (const p of positions) {
    const { artist, album } = index.songs[p];
    const key = keyOf(artist);
    let group = groups.get(key);
    if (!group) {
      group = { key, artist, albumCount: 0, songCount: 0, albums: new Set() };
      groups.set(key, group);
    }
    group.songCount++;
    group.albums.add(album);
    group.albumCount = group.albums.size;
  }
  return [...groups.values()].map(({ key, artist, albumCount, songCount }) => ({
    key,
    artist,
    albumCount,
    songCount,
  }));
}
