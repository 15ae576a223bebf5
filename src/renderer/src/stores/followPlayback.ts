import type { StreamEvent } from '../../../shared/tidewaveApi';
import type { EngineSnapshot } from '../audio/playbackEngine';
import type { PlayerError, PlayerState } from './playerState';

/** Request the next song once the current one has fully arrived and this much is left. */
export const GAPLESS_LEAD_SECONDS = 5;

export interface FollowDecision {
  patch: Partial<PlayerState>;
  /**
   * Time to ask for the song after this one (the newest stream's song), or null: appended
   * gaplessly, or started afresh when the patch goes idle (all that was queued has played).
   */
  advanceAfter: number | null;
}

/**
 * What the player shows and does after one look at the audio engine: the audible song and its
 * clock, buffering, the end of the queue, and when to ask for the next song.
 */
export function followPlayback(state: PlayerState, snap: EngineSnapshot): FollowDecision {
  const { current, newest, bufferedAheadSeconds } = snap;
  const playing = state.status === 'playing';
  if (playing && newest?.ended && bufferedAheadSeconds === 0 && !state.advancing) {
    // A stream that began mid-song may end before any look saw it low (a seek into its last
    // moment): the song after it is asked for here too, to start afresh. Not after one from
    // the start (a song with no audio, which with repeat would be asked for again and again),
    // nor after an error; at the end of the queue nothing comes.
    const idle: Partial<PlayerState> = {
      status: 'idle',
      elapsedSeconds: 0,
      buffering: false,
      endOfList: !state.error, // a song that follows starts afresh, and play() clears it
    };
    const sought = (newest.startSeconds ?? 0) > 0;
    return { patch: idle, advanceAfter: sought && !state.error ? newest.songId : null };
  }
  const patch: Partial<PlayerState> = {
    songId: current?.songId ?? state.songId,
    // Until the play answer says where the stream starts, the clock stays where it was asked.
    elapsedSeconds: current ? (snap.positionSeconds ?? state.elapsedSeconds) : state.elapsedSeconds,
    coverUrl: current?.coverUrl ?? null,
    buffering: playing && !snap.sounding,
  };
  const wantsNext = newest?.ended && bufferedAheadSeconds < GAPLESS_LEAD_SECONDS;
  const after = newest?.songId ?? null;
  const advance = playing && wantsNext && !state.advancing && !state.error && after !== null;
  return { patch, advanceAfter: advance ? after : null };
}

/** The error to show for a stream event, or null when it is not about what plays now. */
export function streamError(event: StreamEvent, snap: EngineSnapshot): PlayerError | null {
  if (event.kind !== 'error') return null;
  const { current, newest, positionSeconds } = snap;
  if (event.streamId === current?.streamId) {
    return { message: event.message, songId: current.songId, startSeconds: positionSeconds ?? 0 };
  }
  if (event.streamId === newest?.streamId) {
    return { message: event.message, songId: newest.songId, startSeconds: 0 };
  }
  return null;
}

/**
 * Whether a stream error is about the song queued to follow, while the song before it still
 * has audio to play: that song then plays out (the failure is shown, and followPlayback asks
 * for nothing after it), rather than being cut off with the queue.
 */
export function failsAhead(event: StreamEvent, snap: EngineSnapshot): boolean {
  const { current, newest, bufferedAheadSeconds } = snap;
  if (event.kind !== 'error' || !current || !newest) return false;
  const ahead = event.streamId === newest.streamId && newest.streamId !== current.streamId;
  return ahead && bufferedAheadSeconds > 0;
}

/**
 * The song already requested to follow the audible one (the gapless advance went out), or
 * null. Next passes over it when it failed on its way (failsAhead); otherwise Next chooses
 * afresh, and the queue, which keeps a readied song until it is heard, gives the same one.
 */
export function pendingNext(snap: EngineSnapshot): number | null {
  const { current, newest } = snap;
  if (!current || !newest || newest.streamId === current.streamId) return null;
  return newest.songId;
}
