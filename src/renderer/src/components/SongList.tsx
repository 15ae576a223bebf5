import { useCallback, useMemo } from 'react';
import { useConnectionStore } from '../stores/connectionStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { useSongTableStore } from '../stores/songTableStore';
import { LibraryToolbar } from './LibraryToolbar';
import { columnsFor } from './songTable/columns';
import { filterPositions } from './songTable/filterPositions';
import { buildSongIndex } from './songTable/songIndex';
import { SongTable } from './songTable/SongTable';
import { sortSongs } from './songTable/sortSongs';

/**
 * The connected library's songs, sortable and filterable; the playing one is marked.
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
  const connected = useConnectionStore((s) => s.connection.status === 'connected');
  const playingId = usePlayerStore((s) => (s.status === 'idle' ? null : s.songId));
  const paused = usePlayerStore((s) => s.status === 'paused');
  const play = usePlayerStore((s) => s.play);

  const index = useMemo(() => buildSongIndex(songs), [songs]);
  const columns = useMemo(() => columnsFor(index), [index]);
  const order = useMemo(() => sortSongs(index, sort), [index, sort]);
  const shown = useMemo(
    () => filterPositions(order, index.searchKeys, filter),
    [order, index, filter],
  );
  const onPlay = useCallback((songId: number) => void play(songId), [play]);

  let empty: string | null = null;
  if (!connected && songs.length === 0) empty = 'Connect to a library to see its songs.';
  else if (loading && songs.length === 0) empty = 'Loading songs…';
  else if (songs.length === 0) empty = 'This library has no songs.';
  else if (shown.length === 0) empty = 'No songs match the filter.';

  return (
    <section className="library" aria-label="Library">
      <LibraryToolbar shown={shown.length} total={songs.length} canRefresh={connected} />
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
      >
        {empty && <p className="empty-state">{empty}</p>}
      </SongTable>
    </section>
  );
}
