import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { NoteIcon } from './icons';

/** Cover art (or a placeholder), title and artist of the current song, and buffering. */
export function NowPlaying() {
  const songId = usePlayerStore((s) => s.songId);
  const coverUrl = usePlayerStore((s) => s.coverUrl);
  const buffering = usePlayerStore((s) => s.buffering);
  const song = useLibraryStore((s) => s.songs.find((item) => item.id === songId) ?? null);

  return (
    <div className="now-playing" aria-label="Now playing">
      {coverUrl ? (
        <img className="cover" src={coverUrl} alt={song ? `Cover of ${song.title}` : 'Cover'} />
      ) : (
        <div className="cover cover-placeholder" aria-hidden="true">
          <NoteIcon size={28} />
        </div>
      )}
      <div className="now-playing-text">
        <span className="now-title">{song?.title ?? 'Nothing playing'}</span>
        <span className="now-artist">
          {buffering ? (
            <span className="buffering" role="status">
              Buffering…
            </span>
          ) : (
            (song?.artist ?? (song ? 'Unknown artist' : 'Pick a song to start'))
          )}
        </span>
      </div>
    </div>
  );
}
