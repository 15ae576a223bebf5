import { create } from 'zustand';
import type { StreamEvent } from '../../../shared/tidewaveApi';
import { engine } from '../audio/engineHolder';
import { api } from '../lib/api';
import { errorMessage } from '../lib/errorMessage';
import { failsAhead, followPlayback, pendingNext, streamError } from './followPlayback';
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
import { previousTarget } from './previousTarget';
import { seekTarget } from './seekTarget';
import type { PlaySource } from '../queue/playOrder';
import { useQueueStore } from './queueStore';
import { useSongTableStore, visibleIds } from './songTableStore';

interface PlayerStore extends PlayerState {
  /** Play and stop requests in flight (see playbackRequests.ts); not reset by a new play. */
  requests: RequestQueue;
  /**
   * Plays a song now. `from` tells the queue how it was chosen (see PlaySource); null for the
   * same song again (seek, retry). `paused`: it starts paused (a seek while paused), its audio
   * waiting for the listener's Play.
   */
  play(
    songId: number,
    startSeconds?: number,
    from?: PlaySource | null,
    paused?: boolean,
  ): Promise<void>;
  togglePlayPause(): Promise<void>;
  stop(): Promise<void>;
  /** `paused`: the next song starts held paused (a seek past the end while paused). */
  next(options?: { paused?: boolean }): Promise<void>;
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
const queue = () => useQueueStore.getState();
/** What Next follows after the queue: the table's visible order, or the library's. */
function context(): number[] {
  const visible = useSongTableStore.getState().visible;
  return visible ? visibleIds(visible) : songs().map((song) => song.id);
}

export const usePlayerStore = create<PlayerStore>()((set, get) => {
  const requests: RequestQueueHolder = {
    get: () => get().requests,
    set: (requests) => set({ requests }),
  };
  return {
    ...initialPlayerState,
    requests: EMPTY_REQUEST_QUEUE,

    async play(songId, startSeconds = 0, from = 'table', paused = false) {
      // Whatever came before (a pause, then a stop or another song), this one plays at once,
      // unless it is a seek while paused: that one stays paused where it was put.
      api().reportPaused(paused);
      const resumed = paused ? null : engine().resume();
      // Asked for before the state changes below, and sent right here when nothing is in
      // flight (sendsAtOnce): their store subscribers and re-renders then run while main starts
      // the song, not before the request leaves (click to sound).
      const requested = requestPlay(requests, { songId, startSeconds, append: false });
      const status = paused ? 'paused' : 'playing';
      set({ ...initialPlayerState, status, songId, elapsedSeconds: startSeconds });
      if (from) queue().started(songId, from);
      set({ buffering: !paused });
      useLibraryStore.getState().select(songId);
      try {
        await requested;
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
        api().reportPaused(true); // the server holds the song meanwhile (PROTOCOL.md §17)
        await engine().pause();
      } else if (status === 'paused') {
        set({ status: 'playing' });
        api().reportPaused(false);
        await engine().resume();
      } else {
        const start = useLibraryStore.getState().selectedId ?? songId ?? songs()[0]?.id ?? null;
        // The song shown (e.g. remembered from the last session) goes on from where it is.
        if (start !== null) await get().play(start, start === songId ? get().elapsedSeconds : 0);
      }
    },

    async stop() {
      set({ status: 'idle', elapsedSeconds: 0, buffering: false, advancing: false });
      // Not connected: the audio is already silent, which is all stop promises here.
      await requestStop(requests).catch(() => undefined);
    },

    async next({ paused = false } = {}) {
      // Within a song's last seconds the next one is already chosen and on its way.
      const pending = get().status === 'idle' ? null : pendingNext(engine().snapshot());
      // One that failed on its way (failsAhead) is passed over: Next goes to the song after it.
      const failed = pending !== null && get().error?.songId === pending;
      if (pending !== null && !failed) return get().play(pending, 0, null, paused);
      const choice = queue().takeNext(context(), failed ? pending : get().songId, false);
      if (choice) return get().play(choice.songId, 0, choice.from, paused);
      // Nothing follows: Next ends the song, as its own end would, and says so (it did nothing).
      // Said before the stop is answered: a play meanwhile (a double click) then clears it.
      const stopped = get().status === 'idle' ? null : get().stop();
      set({ endOfList: true });
      await stopped;
    },

    async previous() {
      const { songId, elapsedSeconds, status } = get();
      if (songId !== null && previousTarget(songId, elapsedSeconds) === 'restart') {
        return get().play(songId, 0, null, status === 'paused');
      }
      const choice = queue().takePrevious(context(), songId);
      if (choice) await get().play(choice.songId, 0, choice.from);
    },

    async seek(seconds) {
      const { songId } = get();
      if (songId === null) return;
      const duration = songs().find((song) => song.id === songId)?.durationSeconds ?? null;
      const target = seekTarget(seconds, duration);
      // Past the end: the next song, held paused if this one was (a seek while paused is).
      if (target === 'next') return get().next({ paused: get().status === 'paused' });
      await get().play(songId, target, null, get().status === 'paused');
    },

    async retry() {
      const failed = get().error;
      set({ error: null });
      if (failed?.songId != null) await get().play(failed.songId, failed.startSeconds, null);
    },

    dismissError() {
      set({ error: null });
    },

    tick() {
      if (get().status === 'idle') return;
      const audio = engine();
      const { patch, advanceAfter } = followPlayback(get(), audio.snapshot());
      set(patch);
      audio.reportBuffer();
      if (advanceAfter === null) return;
      // The queue decides what follows (queue, then the table's order, shuffle and repeat).
      const choice = queue().takeNext(context(), advanceAfter, true);
      if (!choice) return;
      // Everything queued has played: nothing is left to append to, so the song starts now.
      if (get().status === 'idle') return void get().play(choice.songId, 0, choice.from);
      const advanceTo = choice.songId;
      queue().started(advanceTo, choice.from);
      set({ advancing: true });
      requestPlay(requests, { songId: advanceTo, startSeconds: 0, append: true }).then(
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
      const snap = engine().snapshot();
      const failure = streamError(event, snap);
      if (!failure) return;
      if (failsAhead(event, snap)) return void set({ advancing: false, error: failure });
      abandonRequests(requests);
      set({ status: 'idle', buffering: false, advancing: false, error: failure });
    },

    handleConnectionLost() {
      abandonRequests(requests);
      set({ status: 'idle', buffering: false, advancing: false, elapsedSeconds: 0 });
    },
  };
});
