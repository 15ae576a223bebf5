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
  requestUnready,
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
  /** A readied song is being taken back (followQueue); nothing is appended meanwhile. */
  unreadying: boolean;
  /**
   * Counts Next presses with nothing to follow, the live region's key (NowPlaying): each is
   * said again though its words are the same. Not reset by a new play.
   */
  endNotes: number;
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
  /**
   * The queue changed: songs readied to follow that no longer follow it are taken back before
   * they are heard (readiedSongs.ts), and what follows is chosen again at the next tick.
   */
  followQueue(): void;
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
    unreadying: false,
    endNotes: 0,

    async play(songId, startSeconds = 0, from = 'table', paused = false) {
      // Whatever came before (a pause, then a stop or another song), this one plays at once,
      // unless it is a seek while paused: that one stays paused where it was put.
      api().reportPaused(paused);
      const resumed = paused ? null : engine().resume();
      // Asked for before the state changes below, and sent right here when nothing is in
      // flight (sendsAtOnce): their store subscribers and re-renders then run while main starts
      // the song, not before the request leaves (click to sound).
      const requested = requestPlay(requests, { songId, startSeconds, append: false });
      queue().dropReadied(); // flushed with everything queued: they stay in Up next
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
      const stopped = requestStop(requests);
      queue().dropReadied();
      // Not connected: the audio is already silent, which is all stop promises here.
      await stopped.catch(() => undefined);
    },

    async next({ paused = false } = {}) {
      // Within a song's last seconds the next one may be on its way already: unheard, it is
      // still in the queue, and chosen again (a readied song is no more than a head start).
      const snap = engine().snapshot();
      queue().settleReadied(snap.current?.streamId ?? null);
      queue().dropReadied();
      const pending = get().status === 'idle' ? null : pendingNext(snap);
      // One that failed on its way (failsAhead) is passed over: Next goes to the song after it.
      const failed = pending !== null && get().error?.songId === pending;
      const choice = queue().takeNext(context(), failed ? pending : get().songId, false);
      if (choice) return get().play(choice.songId, 0, choice.from, paused);
      // Nothing follows: Next ends the song, as its own end would, and says so (it did nothing).
      // Said before the stop is answered: a play meanwhile (a double click) then clears it.
      const stopped = get().status === 'idle' ? null : get().stop();
      set({ endOfList: true, endNotes: get().endNotes + 1 });
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
      const snap = audio.snapshot();
      const { patch, advanceAfter } = followPlayback(get(), snap);
      set(patch);
      // A readied song whose audio is heard has started: now it leaves the queue.
      queue().settleReadied(snap.current?.streamId ?? null);
      audio.reportBuffer();
      if (advanceAfter === null || get().unreadying) return;
      // Everything queued has played: nothing is left to append to, so the song starts now.
      if (get().status === 'idle') {
        const choice = queue().takeNext(context(), advanceAfter, true);
        return void (choice && get().play(choice.songId, 0, choice.from));
      }
      // The queue decides what follows (queue, then the table's order, shuffle and repeat); it
      // stays in the queue until heard (readiedSongs.ts).
      const readied = queue().ready(context(), advanceAfter, snap.newest?.streamId ?? 0);
      if (!readied) return;
      const advanceTo = readied.songId;
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
      if (failsAhead(event, snap)) {
        // Tried and failed: it leaves the queue as a played song would (Next passes it over).
        queue().startReadied(queue().readied);
        return void set({ advancing: false, error: failure });
      }
      abandonRequests(requests);
      queue().dropReadied();
      set({ status: 'idle', buffering: false, advancing: false, error: failure });
    },

    handleConnectionLost() {
      abandonRequests(requests);
      queue().dropReadied();
      set({ status: 'idle', buffering: false, advancing: false, elapsedSeconds: 0 });
    },

    followQueue() {
      if (get().unreadying || queue().readied.length === 0) return;
      queue().settleReadied(engine().snapshot().current?.streamId ?? null);
      const stale = queue().unreadyStale();
      if (stale.length === 0) return;
      set({ unreadying: true, advancing: true });
      void requestUnready(requests, stale[0].afterStream).then((outcome) => {
        // Too late: the first is heard already; they play as chosen, and leave the queue.
        if (outcome === 'too late') queue().startReadied(stale);
        set({ unreadying: false, advancing: false });
        get().followQueue(); // the queue may have changed again meanwhile
      });
    },
  };
});
