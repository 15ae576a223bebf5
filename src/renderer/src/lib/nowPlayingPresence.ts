import type { SongInfo } from '../../../shared/tidewaveApi';

export interface Presence {
  /** The window title: Electron shows the page title in the title bar and the task bar. */
  windowTitle: string;
  /** What the system's media controls show (MPRIS, the Windows overlay, macOS Now Playing). */
  metadata: { title: string; artist: string; album: string; artwork: string | null } | null;
  playbackState: 'none' | 'paused' | 'playing';
}

export const APP_NAME = 'Tidewave';

/** What the desktop is told about the song now playing; nothing when nothing plays. */
export function presenceFor(
  song: SongInfo | null,
  status: 'idle' | 'playing' | 'paused',
  coverUrl: string | null,
): Presence {
  if (!song || status === 'idle')
    return { windowTitle: APP_NAME, metadata: null, playbackState: 'none' };
  const artist = song.artist ?? '';
  return {
    windowTitle: `${song.title}${artist ? ` – ${artist}` : ''} · ${APP_NAME}`,
    metadata: { title: song.title, artist, album: song.album ?? '', artwork: coverUrl },
    playbackState: status,
  };
}
