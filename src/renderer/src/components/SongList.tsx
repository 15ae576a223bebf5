import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useConnectionStore } from '../stores/connectionStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { useQueueStore } from '../stores/queueStore';
import { useSongTableStore } from '../stores/songTableStore';
import { LibraryToolbar } from './LibraryToolbar';
import { AlbumGrid } from './songTable/AlbumGrid';
import { ArtistList } from './songTable/ArtistList';
import { columnsFor } from './songTable/columns';
import { useNarrowWindow } from './songTable/useNarrowWindow';
import { filterPositions } from './songTable/filterPositions';
import { groupAlbums, groupArtists, scopePositions } from './songTable/groupSongs';
import { createNarrowingFilter } from './songTable/narrowingFilter';
import { buildSongIndex } from './songTable/songIndex';
import { SongTable } from './songTable/SongTable';
import { sortSongs } from './songTable/sortSongs';
import { useFocusAfterScope } from './songTable/useFocusAfterScope';
import { warmFilterWhenIdle } from './songTable/warmFilter';
import type { QueuePlacement } from './songTable/queueKeys';

const BY_ARTIST = { key: 'artist', direction: 'ascending' } as const;

/**
 * The connected library's songs, sortable and filterable, or its albums or artists; the playing song is marked.
 * Work is split by what changes: the index once per list, the order once per sort, and only
 * the cheap filter pass per keystroke.
 */
export function SongList() {
  const songs = useLibraryStore((s) => s.songs);
  const filter = useLibraryStore((s) => s.filter);
  const selectedId = useLibraryStore((s) => s.selectedId);
  const loading = useLibraryStore((s) => s.loading);
  const select = useLibraryStore((s) => s.select);
  const sort = useSongTableStore((s) => s.sort);
  const sortBy = useSongTableStore((s) => s.sortBy);
  const view = useSongTableStore((s) => s.view);
  const scope = useSongTableStore((s) => s.scope);
  const openScope = useSongTableStore((s) => s.openScope);
  const setVisible = useSongTableStore((s) => s.setVisible);
  const connected = useConnectionStore((s) => s.connection.status === 'connected');
  const playingId = usePlayerStore((s) => (s.status === 'idle' ? null : s.songId));
  const paused = usePlayerStore((s) => s.status === 'paused');
  const play = usePlayerStore((s) => s.play);

  const root = useRef<HTMLElement>(null);
  useFocusAfterScope(root, scope);

  const index = useMemo(() => buildSongIndex(songs), [songs]);
  const narrow = useNarrowWindow();
  const columns = useMemo(() => columnsFor(index, narrow), [index, narrow]);
  const order = useMemo(() => sortSongs(index, sort), [index, sort]);
  const scoped = useMemo(() => scopePositions(index, order, scope), [index, order, scope]);
  // A keystroke that narrows the filter looks only at the last matches.
  const [narrowingFilter] = useState(createNarrowingFilter);
  const shown = useMemo(
    () => narrowingFilter(scoped, index.searchKeys, filter),
    [narrowingFilter, scoped, index, filter],
  );
  useEffect(() => warmFilterWhenIdle(scoped, index.searchKeys), [scoped, index]);
  // Next follows this order when the queue is empty.
  useEffect(() => setVisible({ songs: index.songs, positions: shown }), [setVisible, index, shown]);
  // The album and artist views list groups in artist → album order, whatever the table's sort.
  const grouping = useMemo(
    () =>
      view === 'songs'
        ? null
        : filterPositions(sortSongs(index, BY_ARTIST), index.searchKeys, filter),
    [view, index, filter],
  );
  const albums = useMemo(
    () => (view === 'albums' && grouping ? groupAlbums(index, grouping) : null),
    [view, index, grouping],
  );
  const artists = useMemo(
    () => (view === 'artists' && grouping ? groupArtists(index, grouping) : null),
    [view, index, grouping],
  );
  const onPlay = useCallback((songId: number) => void play(songId), [play]);
  const addToQueue = useQueueStore((s) => s.addToQueue);
  const playNext = useQueueStore((s) => s.playNext);
  const onQueue = useCallback(
    (songId: number, placement: QueuePlacement) =>
      placement === 'next' ? playNext([songId]) : addToQueue([songId]),
    [addToQueue, playNext],
  );

  let empty: string | null = null;
  if (!connected && songs.length === 0) empty = 'Connect to a library to see its songs.';
  else if (loading && songs.length === 0) empty = 'Loading songs…';
  else if (songs.length === 0) empty = 'This library has no songs.';
  else if (shown.length === 0) empty = 'No songs match the filter.';

  const emptyState = empty && <p className="empty-state">{empty}</p>;
  return (
    <section className="library" aria-label="Library" ref={root}>
      <LibraryToolbar shown={shown.length} total={songs.length} canRefresh={connected} />
      {view === 'songs' && (
        <SongTable
          index={index}
          shown={shown}
          columns={columns}
          sort={sort}
          onSort={sortBy}
          filter={filter}
          selectedId={selectedId}
          playingId={playingId}
          paused={paused}
          onPlay={onPlay}
          onSelect={select}
          onQueue={onQueue}
        >
          {emptyState}
        </SongTable>
      )}
      {view !== 'songs' && (
        <div className="group-scroll">
          {albums && <AlbumGrid albums={albums} onOpen={openScope} />}
          {artists && <ArtistList artists={artists} onOpen={openScope} />}
          {emptyState}
        </div>
      )}
    </section>
  );
}
