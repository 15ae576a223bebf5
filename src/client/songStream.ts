import { Readable } from 'node:stream';
import { settleOrigin, type StreamOrigin } from './streamOrigin';

/** Why a song stream ended: all its bytes arrived, it was stopped, or it failed. */
export type SongStreamEndReason = 'complete' | 'stopped' | 'error';

export interface SongStreamOutcome {
  reason: SongStreamEndReason;
  bytesReceived: number;
  error: Error | null;
}

/** Buffered song bytes before the session stops reading the socket. */
export const SONG_STREAM_HIGH_WATER_MARK = 256 * 1024;

/**
 * The bytes of one played song, as Buffer chunks. It ends ('end') when the server's end-of-song
 * marker arrives; it is destroyed without error, after a 'stopped' event, when the song is
 * stopped or replaced (unread bytes are dropped); it errors when the server refuses the song, does
 * not answer, or goes away. `endReason` tells which. A seed-era server sends no end marker, so
 * its songs end only by stop or disconnect.
 *
 * Destroying it from the reading side (e.g. because the reader's own output failed) stops the
 * song at the server too. `deliver`, `complete`, `discard` and `fail` belong to the session.
 */
export class SongStream extends Readable {
  endReason: SongStreamEndReason | null = null;
  bytesReceived = 0;
  /** Where the bytes start in the song; null until the first bytes arrive (see StreamOrigin). */
  origin: StreamOrigin | null = null;
  private announced: StreamOrigin | null = null;
  private failure: Error | null = null;
  private outcomePromise: Promise<SongStreamOutcome> | null = null;

  constructor(
    readonly songId: number,
    readonly startSeconds: number,
    private readonly wantMore: (stream: SongStream) => void,
    private readonly abandoned: (stream: SongStream) => void,
    highWaterMark = SONG_STREAM_HIGH_WATER_MARK,
  ) {
    super({ highWaterMark });
  }

  /** True until the server side of this song is over (complete, stopped or failed). */
  get active(): boolean {
    return this.endReason === null;
  }

  /**
   * Resolves once the stream is over and, when complete, fully read. Never rejects: the error is
   * in the outcome, so calling this counts as handling the stream's 'error' event.
   */
  outcome(): Promise<SongStreamOutcome> {
    this.outcomePromise ??= new Promise((resolve) => {
      this.on('error', () => {});
      const settle = () =>
        resolve({
          reason: this.endReason ?? 'stopped',
          bytesReceived: this.bytesReceived,
          error: this.failure,
        });
      if (this.closed) settle();
      else this.once('close', settle);
    });
    return this.outcomePromise;
  }

  override _read(): void {
    this.wantMore(this);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.active) {
      // Destroyed by its reader, not by the session.
      this.endReason = error ? 'error' : 'stopped';
      this.failure = error;
      this.abandoned(this);
    }
    callback(error);
  }

  /** The server's `start` packet, which comes before the first bytes. */
  announce(origin: StreamOrigin): void {
    if (this.bytesReceived === 0) this.announced = origin;
  }

  /** Adds song bytes; false when the reader is full and the socket should pause. */
  deliver(bytes: Buffer, seedEra: boolean | null = null): boolean {
    if (!this.active) return true;
    this.origin ??= settleOrigin(this.startSeconds, this.announced, seedEra);
    this.bytesReceived += bytes.length;
    return this.push(bytes);
  }

  complete(): void {
    if (!this.active) return;
    this.endReason = 'complete';
    this.push(null);
  }

  discard(): void {
    if (!this.active) return;
    this.endReason = 'stopped';
    this.emit('stopped');
    this.destroy();
  }

  fail(error: Error): void {
    if (!this.active) return;
    this.endReason = 'error';
    this.failure = error;
    this.destroy(error);
  }
}
