import { announcementKey, nowPlayingAnnouncement, nowPlayingSubtitle } from '../lib/nowPlayingText';
import { shownSong } from '../lib/shownSong';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { NoteIcon } from './icons';
import { useCover } from './useCover';

/** Cover art (or a placeholder), title and artist of the current song, and buffering. */
export function NowPlaying() {
  const songId = usePlayerStore((s) => s.songId);
  const sniffedUrl = usePlayerStore((s) => s.coverUrl);
  const buffering = usePlayerStore((s) => s.buffering);
  const playing = usePlayerStore((s) => s.status !== 'idle');
  const endOfList = usePlayerStore((s) => s.endOfList);
  const endNotes = usePlayerStore((s) => s.endNotes);
  const departed = usePlayerStore((s) => s.departed);
  const song = useLibraryStore((s) => shownSong(s.songs, departed, songId));
  // The cover extension serves every format; the cover sniffed from an MP3's tag while it
  // streams remains for servers without it (seed-era ones).
  const coverUrl = useCover(song?.id, song?.coverHash) ?? sniffedUrl;

  // Screen readers hear each new song once, politely (the visible text changes silently), and
  // each Next pressed at the end of the list (announcementKey).
  const announcement = nowPlayingAnnouncement(song, playing, endOfList);

  return (
    <section className="now-playing" aria-label="Now playing">
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        <span key={announcementKey(endOfList, endNotes)}>{announcement}</span>
      </p>
      {coverUrl ? (
        <img className="cover" src={coverUrl} alt={song ? `Cover of ${song.title}` : 'Cover'} />
      ) : (
        <div className="cover cover-placeholder" aria-hidden="true">
          <NoteIcon size={28} />
        </div>
      )}
      <div className="now-playing-text">
        {/* Cut with "…" when long: the tooltip has it all; a right-to-left one is cut at its end. */}
        <span className="now-title" dir="auto" title={song?.title}>
          {song?.title ?? 'Nothing playing'}
        </span>
        <span className="now-artist" dir="auto" title={song?.artist ?? undefined}>
          {buffering ? (
            <span className="buffering" role="status">
              Buffering…
            </span>
          ) : (
            nowPlayingSubtitle(song, endOfList)
          )}
        </span>
      </div>
    </section>
  );
}
