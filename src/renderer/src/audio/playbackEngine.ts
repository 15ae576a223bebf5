import type { AudioChunk, PlayStarted, StreamEvent } from '../../../shared/tidewaveApi';
import type { StreamInfo } from './streamRegistry';

export interface EngineSnapshot {
  /** The stream audible now, or the one that plays next while waiting for audio. */
  current: StreamInfo | null;
  /**
   * Seconds into the current song (its start position plus what has played); null while its
   * start is not known yet (its 'started' event came before the play answer).
   */
  positionSeconds: number | null;
  /** Audio queued but not yet played, across streams. */
  bufferedAheadSeconds: number;
  /** Some audio is sounding right now (false while waiting for the first chunk or after an underrun). */
  sounding: boolean;
  /** The most recently started stream, the one whose audio is still arriving. */
  newest: StreamInfo | null;
}

/**
 * What taking back the streams appended after one did: dropped them, found none, or came too
 * late (that one has played out, or is within the clock's margin of its end: what follows it is
 * heard, or about to be).
 */
export type DropOutcome = 'dropped' | 'nothing after' | 'too late';

/** What the player store needs from the audio side; the Web Audio engine implements it. */
export interface PlaybackEngine {
  /** Creates or resumes audio output; call from a user gesture when possible. */
  resume(): Promise<void>;
  pause(): Promise<void>;
  /** Names the song and start position of a stream the renderer asked for. */
  begin(started: PlayStarted): void;
  enqueue(chunk: AudioChunk): void;
  handleStreamEvent(event: StreamEvent): void;
  /** Silence at once; drops queued audio and refuses every stream seen so far. */
  flush(): void;
  /**
   * Drops the queued audio of every stream after `keep` (songs appended to follow it that are
   * not heard yet) and refuses those streams, while `keep` plays on; the next stream appended
   * follows on from `keep`'s last sample.
   */
  dropAfter(keep: number): DropOutcome;
  setVolume(volume: number): void;
  snapshot(): EngineSnapshot;
  /** Tells main how much of the newest stream is buffered (flow control). */
  reportBuffer(): void;
  /** The song list was replaced and songs got new ids: the streams follow (libraryChanges.ts). */
  renameSongs(newId: (songId: number) => number): void;
}
