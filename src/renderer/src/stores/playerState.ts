import type { SongInfo } from '../../../shared/tidewaveApi';

export type PlayerStatus = 'idle' | 'playing' | 'paused';

export interface PlayerError {
  message: string;
  /** What Retry plays again; null when there is nothing to retry. */
  songId: number | null;
  startSeconds: number;
}

/** The player store's data, apart from its actions. */
export interface PlayerState {
  status: PlayerStatus;
  /** The song shown as now playing (the audible one once its audio starts). */
  songId: number | null;
  elapsedSeconds: number;
  buffering: boolean;
  coverUrl: string | null;
  error: PlayerError | null;
  /** A gapless request for the next song is out. */
  advancing: boolean;
  /** Stopped because nothing follows (the list played out, or Next on its last song). */
  endOfList: boolean;
  /**
   * The playing song as it was listed, once the server's list dropped it (its file removed or
   * renamed): it plays out from the server's open file, and is still named (shownSong).
   */
  departed: SongInfo | null;
}

export const initialPlayerState: PlayerState = {
  status: 'idle',
  songId: null,
  elapsedSeconds: 0,
  buffering: false,
  coverUrl: null,
  error: null,
  advancing: false,
  endOfList: false,
  departed: null,
};
