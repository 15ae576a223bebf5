import { useCallback, useMemo } from 'react';
import { filterSongs } from '../lib/filterSongs';
import { useConnectionStore } from '../stores/connectionStore';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { LibraryToolbar } from './LibraryToolbar';
import { SongRow } from './SongRow';

/** The connected library's songs, filterable; the playing one is highlighted. */
export function SongList() {
  const songs = useLibraryStore((s) => s.songs);
  const filter = useLibraryStore((s) => s.filter);
  const selectedId = useLibraryStore((s) => s.selectedId);
  const loading = useLibraryStore((s) => s.loading);
  const select = useLibraryStore((s) => s.select);
  const connected = useConnectionStore((s) => s.connection.status === 'connected');
  const playingId = usePlayerStore((s) => (s.status === 'idle' ? null : s.songId));
  const play = usePlayerStore((s) => s.play);
  const shown = useMemo(() => filterSongs(songs, filter), [songs, filter]);
  const onPlay = useCallback((songId: number) => void play(songId), [play]);

  let empty: string | null = null;
  if (!connected && songs.length === 0) empty = 'Connect to a library to see its songs.';
  else if (loading && songs.length === 0) empty = 'Loading songs…';
  else if (songs.length === 0) empty = 'This library has no songs.';
  else if (shown.length === 0) empty = 'No songs match the filter.';

  return (
    <section className="library" aria-label="Library">
      <LibraryToolbar shown={shown.length} total={songs.length} canRefresh={connected} />
      <div className="song-table-scroll">
        <table className="song-table" aria-label="Songs">
          <thead>
            <tr>
              <th className="cell-play">
                <span className="visually-hidden">Play</span>
              </th>
              <th className="cell-id">#</th>
              <th className="cell-title">Title</th>
              <th className="cell-artist">Artist</th>
              <th className="cell-duration">Time</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((song) => (
              <SongRow
                key={song.id}
                song={song}
                playing={song.id === playingId}
                selected={song.id === selectedId}
                onPlay={onPlay}
                onSelect={select}
              />
            ))}
          </tbody>
        </table>
        {empty && <p className="empty-state">{empty}</p>}
      </div>
    </section>
  );
}
