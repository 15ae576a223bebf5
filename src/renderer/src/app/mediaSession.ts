import { presenceFor } from '../lib/nowPlayingPresence';
import { useLibraryStore } from '../stores/libraryStore';
import { usePlayerStore } from '../stores/playerStore';
import { keptCover } from '../lib/coverUrls';
import { shownSong } from '../lib/shownSong';

/** The media session's action handlers: the system's media controls drive the player. */
function registerActions(session: MediaSession): void {
  const player = () => usePlayerStore.getState();
  const handlers: Array<[MediaSessionAction, MediaSessionActionHandler]> = [
    ['play', () => player().status !== 'playing' && void player().togglePlayPause()],
    ['pause', () => player().status === 'playing' && void player().togglePlayPause()],
    ['stop', () => void player().stop()],
    ['previoustrack', () => void player().previous()],
    ['nexttrack', () => void player().next()],
    ['seekto', (details) => details.seekTime != null && void player().seek(details.seekTime)],
  ];
  for (const [action, handler] of handlers) {
    try {
      session.setActionHandler(action, handler);
    } catch {
      // An action this browser does not know: the others still work.
    }
  }
}

/**
 * Tells the desktop what plays: the window title and `navigator.mediaSession` (which Electron
 * turns into MPRIS on Linux, the media overlay on Windows, Now Playing on macOS).
 */
export function connectMediaSession(): () => void {
  const session = typeof navigator !== 'undefined' ? navigator.mediaSession : undefined;
  if (session) registerActions(session);
  let lastKey = '';
  const update = () => {
    const { songId, status, coverUrl } = usePlayerStore.getState();
    const { departed } = usePlayerStore.getState();
    const song = shownSong(useLibraryStore.getState().songs, departed, songId);
    // The cover extension's (loaded by NowPlaying), else the one sniffed from an MP3's tag.
    const cover = (song?.coverHash && keptCover(song.coverHash)) || coverUrl;
    const presence = presenceFor(song, status, cover);
    if (document.title !== presence.windowTitle) document.title = presence.windowTitle;
    if (!session) return;
    session.playbackState = presence.playbackState;
    // New metadata only when it changes: the player store updates several times a second.
    const key = JSON.stringify(presence.metadata);
    if (key === lastKey) return;
    lastKey = key;
    const meta = presence.metadata;
    session.metadata = meta
      ? new MediaMetadata({
          title: meta.title,
          artist: meta.artist,
          album: meta.album,
          artwork: meta.artwork ? [{ src: meta.artwork }] : [],
        })
      : null;
  };
  const unsubscribers = [usePlayerStore.subscribe(update), useLibraryStore.subscribe(update)];
  update();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
