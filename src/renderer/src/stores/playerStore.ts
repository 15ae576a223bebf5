import { create } from 'zustand';
import type { StreamEvent } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { adjacentSongId } from '../lib/adjacentSong';
import { errorMessage } from '../lib/errorMessage';
import { useLibraryStore } from './libraryStore';
import { abandonRequests, requestPlay, requestStop } from './playbackRequests';

/** Request the next song once the current one has fully arrived and this much is left. */
export const GAPLESS_LEAD_SECONDS = 5;

export type PlayerStatus = 'idle' | 'playing' | 'paused';

export interface PlayerError {
  message: string;
  /** What Retry plays again; null when there is nothing to retry. */
  songId: number | null;
  startSeconds: number;
}

interface PlayerStore {
  status: PlayerStatus;
  /** The song shown as now playing (the audible one once its audio starts). */
  songId: number | null;
  elapsedSeconds: number;
  buffering: boolean;
  coverUrl: string | null;
  error: PlayerError | null;
  /** A gapless request for the next song is out. */
  advancing: boolean;
  play(songId: number, startSeconds?: number): Promise<void>;
  togglePlayPause(): Promise<void>;
  stop(): Promise<void>;
  next(): Promise<void>;
  previous(): Promise<void>;
  seek(seconds: number): Promise<void>;
  retry(): Promise<void>;
  dismissError(): void;
  /** Called on a timer: follows the audio clock, advances gaplessly, notices the end. */
  tick(): void;
  handleStreamEvent(event: StreamEvent): void;
  /** The connection went away: silence, and forget pending requests. */
  handleConnectionLost(): void;
}

const songs = () => useLibraryStore.getState().songs;

export const usePlayerStore = create<PlayerStore>()((set, get) => ({
  status: 'idle',
  songId: null,
  elapsedSeconds: 0,
  buffering: false,
  coverUrl: null,
  error: null,
  advancing: false,

  async play(songId, startSeconds = 0) {
    const audio = engine();
    set({ status: 'playing', songId, elapsedSeconds: startSeconds, buffering: true });
    set({ coverUrl: null, error: null, advancing: false });
    useLibraryStore.getState().select(songId);
    const resumed = audio.resume();
    try {
      await requestPlay({ songId, startSeconds, append: false });
      await resumed;
    } catch (error) {
      set({
        status: 'idle',
        buffering: false,
        error: { message: errorMessage(error), songId, startSeconds },
      });
    }
  },

  async togglePlayPause() {
    const { status, songId } = get();
    if (status === 'playing') {
      set({ status: 'paused' });
      await engine().pause();
    } else if (status === 'paused') {
      set({ status: 'playing' });
      await engine().resume();
    } else {
      const start = useLibraryStore.getState().selectedId ?? songId ?? songs()[0]?.id ?? null;
      if (start !== null) await get().play(start);
    }
  },

  async stop() {
    set({ status: 'idle', elapsedSeconds: 0, buffering: false, advancing: false });
    try {
      await requestStop();
    } catch {
      // Not connected: the audio is already silent, which is all stop promises here.
    }
  },

  async next() {
    const id = adjacentSongId(songs(), get().songId, 1);
    if (id !== null) await get().play(id);
  },

  async previous() {
    const { songId } = get();
    const id = adjacentSongId(songs(), songId, -1) ?? songId;
    if (id !== null) await get().play(id);
  },

  async seek(seconds) {
    const { songId } = get();
    if (songId !== null) await get().play(songId, Math.max(0, seconds));
  },

  async retry() {
    const failed = get().error;
    set({ error: null });
    if (failed?.songId != null) await get().play(failed.songId, failed.startSeconds);
  },

  dismissError() {
    set({ error: null });
  },

  tick() {
    const state = get();
    if (state.status === 'idle') return;
    const audio = engine();
    const snap = audio.snapshot();
    const { current, newest } = snap;
    const drained = snap.bufferedAheadSeconds === 0;
    if (newest?.ended && drained && !state.advancing && state.status === 'playing') {
      set({ status: 'idle', elapsedSeconds: 0, buffering: false });
      return;
    }
    set({
      songId: current?.songId ?? state.songId,
      elapsedSeconds: current ? snap.positionSeconds : state.elapsedSeconds,
      coverUrl: current?.coverUrl ?? null,
      buffering: state.status === 'playing' && !snap.sounding,
    });
    audio.reportBuffer();
    const nextId = newest?.songId != null ? adjacentSongId(songs(), newest.songId, 1) : null;
    const wantsNext = newest?.ended && snap.bufferedAheadSeconds < GAPLESS_LEAD_SECONDS;
    if (state.status === 'playing' && wantsNext && !state.advancing && nextId !== null) {
      set({ advancing: true });
      requestPlay({ songId: nextId, startSeconds: 0, append: true }).then(
        () => set({ advancing: false }),
        (error: unknown) =>
          set({ error: { message: errorMessage(error), songId: nextId, startSeconds: 0 } }),
      );
    }
  },

  handleStreamEvent(event) {
    engine().handleStreamEvent(event);
    if (event.kind !== 'error' || get().status === 'idle') return;
    const { current, newest, positionSeconds } = engine().snapshot();
    if (event.streamId !== current?.streamId && event.streamId !== newest?.streamId) return;
    const songId = event.streamId === current?.streamId ? current.songId : (newest?.songId ?? null);
    const startSeconds = event.streamId === current?.streamId ? positionSeconds : 0;
    abandonRequests();
    set({
      status: 'idle',
      buffering: false,
      advancing: false,
      error: { message: event.message, songId, startSeconds },
    });
  },

  handleConnectionLost() {
    abandonRequests();
    set({ status: 'idle', buffering: false, advancing: false, elapsedSeconds: 0 });
  },
}));
