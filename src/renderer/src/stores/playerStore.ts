import { create } from 'zustand';
import type { StreamEvent } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { adjacentSongId } from '../lib/adjacentSong';
import { errorMessage } from '../lib/errorMessage';
import { followPlayback, streamError } from './followPlayback';
import { useLibraryStore } from './libraryStore';
import {
  abandonRequests,
  EMPTY_REQUEST_QUEUE,
  requestPlay,
  requestStop,
  type RequestQueue,
  type RequestQueueHolder,
} from './playbackRequests';
import { initialPlayerState, type PlayerState } from './playerState';

interface PlayerStore extends PlayerState {
  /** Play and stop requests in flight (see playbackRequests.ts); not reset by a new play. */
  requests: RequestQueue;
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

export const usePlayerStore = create<PlayerStore>()((set, get) => {
  const queue: RequestQueueHolder = {
    get: () => get().requests,
    set: (requests) => set({ requests }),
  };
  return {
    ...initialPlayerState,
    requests: EMPTY_REQUEST_QUEUE,

    async play(songId, startSeconds = 0) {
      set({ ...initialPlayerState, status: 'playing', songId, elapsedSeconds: startSeconds });
      set({ buffering: true });
      useLibraryStore.getState().select(songId);
      const resumed = engine().resume();
      try {
        await requestPlay(queue, { songId, startSeconds, append: false });
        await resumed;
      } catch (error) {
        const failure = { message: errorMessage(error), songId, startSeconds };
        set({ status: 'idle', buffering: false, error: failure });
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
      // Not connected: the audio is already silent, which is all stop promises here.
      await requestStop(queue).catch(() => undefined);
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
      if (get().status === 'idle') return;
      const audio = engine();
      const { patch, advanceTo } = followPlayback(get(), audio.snapshot(), songs());
      set(patch);
      audio.reportBuffer();
      if (advanceTo === null) return;
      set({ advancing: true });
      requestPlay(queue, { songId: advanceTo, startSeconds: 0, append: true }).then(
        () => set({ advancing: false }),
        (error: unknown) => {
          const failure = { message: errorMessage(error), songId: advanceTo, startSeconds: 0 };
          set({ advancing: false, error: failure });
        },
      );
    },

    handleStreamEvent(event) {
      engine().handleStreamEvent(event);
      if (get().status === 'idle') return;
      const failure = streamError(event, engine().snapshot());
      if (!failure) return;
      abandonRequests(queue);
      set({ status: 'idle', buffering: false, advancing: false, error: failure });
    },

    handleConnectionLost() {
      abandonRequests(queue);
      set({ status: 'idle', buffering: false, advancing: false, elapsedSeconds: 0 });
    },
  };
});
