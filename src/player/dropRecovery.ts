import type { StreamEvent } from '../shared/tidewaveApi';
import type { BackoffOptions } from './reconnectBackoff';
import { ReconnectLoop } from './reconnectLoop';
import type { StreamPump } from './streamPump';

/** What DropRecovery needs of the player: its connection, its current stream, and a way on. */
export interface DropRecoveryHost {
  reconnectOnce(): Promise<boolean>;
  retryIn(attempt: number, delayMs: number): void;
  giveUp(): void;
  /** The stream playing now (null: none). */
  current(): StreamPump | null;
  /** Settles when the current stream's pump has stopped and its last chunks are out. */
  pumpDone(): Promise<void>;
  emit(event: StreamEvent): void;
  /** Plays the cut stream on, as the same stream, from where its audio reached. */
  resume(cut: StreamPump): void;
}

/** What a song asked for while reconnecting is told if the connection does not come back. */
export const NOT_RECONNECTED = 'The connection to the server did not come back';

/** A song asked for while reconnecting, which starts once the connection is back. */
interface WaitingPlay {
  streamId: number;
  start(): void;
}

/**
 * A lost connection, from the cut to the reconnect's outcome: reconnects with backoff, holds the
 * cut song's error meanwhile (it goes on after the reconnect, so the listener never sees it),
 * then resumes the song, or tells the held error when reconnecting fails or is refused. A song
 * asked for meanwhile (the cut one ended, or the listener chose another) waits for the reconnect
 * too, instead of failing at once for want of a connection.
 */
export class DropRecovery {
  private loop: ReconnectLoop | null = null;
  /** The stream the lost connection cut, until the reconnect's outcome is known. */
  private cutPump: StreamPump | null = null;
  /** The error of a song cut by a lost connection, told only if reconnecting fails. */
  private heldError: StreamEvent | null = null;
  private waiting: WaitingPlay | null = null;

  constructor(
    private readonly backoff: BackoffOptions,
    private readonly host: DropRecoveryHost,
  ) {}

  get active(): boolean {
    return this.loop !== null;
  }

  /** The connection is lost: reconnect, holding what the cut stream says meanwhile. */
  start(): void {
    if (this.loop) return;
    this.cutPump = this.host.current();
    const loop = new ReconnectLoop(
      this.backoff,
      () => this.host.reconnectOnce(),
      (attempt, delayMs) => this.host.retryIn(attempt, delayMs),
    );
    this.loop = loop;
    void loop.run().then(async (reconnected) => {
      if (this.loop !== loop) return; // cancelled by a connect or disconnect
      this.loop = null;
      if (reconnected) {
        // A song that waited replaced the cut one: nothing is left to resume.
        if (!this.startWaiting()) return this.resumeStream();
        this.cutPump = null;
        return;
      }
      this.host.giveUp();
      this.failWaiting();
      await this.tellHeld();
    });
  }

  /**
   * A song asked for (as `streamId`) while there is no connection: true if a reconnect is under
   * way, and `start` then runs once it succeeds (else the song is told NOT_RECONNECTED); false
   * if none is, and nothing waits.
   */
  whenReconnected(streamId: number, start: () => void): boolean {
    if (!this.loop) return false;
    this.waiting = { streamId, start };
    return true;
  }

  /** Tries now instead of after the backoff (the machine woke up). */
  hurry(): void {
    this.loop?.hurry();
  }

  /** Stops reconnecting (a connect or disconnect by the listener). */
  cancel(): void {
    this.loop?.cancel();
    this.loop = null;
  }

  /**
   * Refused while reconnecting (the access code): stop, and tell the cut song's error. A song
   * that waited is stopped, not failed: the access code prompt says why, and "did not come
   * back" beside it would be a second, wrong alert.
   */
  async end(): Promise<void> {
    this.cancel();
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) this.host.emit({ kind: 'stopped', streamId: waiting.streamId });
    await this.tellHeld();
  }

  /** True if `event` of `pump` is held: an error of the cut stream, which may yet go on. */
  holds(pump: StreamPump, event: StreamEvent): boolean {
    const cut = this.loop !== null || pump === this.cutPump;
    if (event.kind !== 'error' || pump !== this.host.current() || !cut) return false;
    this.heldError = event;
    return true;
  }

  /**
   * The current stream was replaced or stopped: its held error means nothing any more, and a
   * song waiting for the reconnect no longer waits. Returns that song's stream id, if one did.
   */
  forget(): number | null {
    this.heldError = null;
    const waiting = this.waiting;
    this.waiting = null;
    return waiting?.streamId ?? null;
  }

  /** Starts the song that waited for the reconnect; false if none did. */
  private startWaiting(): boolean {
    const waiting = this.waiting;
    this.waiting = null;
    if (!waiting) return false;
    try {
      waiting.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.host.emit({ kind: 'error', streamId: waiting.streamId, message });
    }
    return true;
  }

  private failWaiting(): void {
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting)
      this.host.emit({ kind: 'error', streamId: waiting.streamId, message: NOT_RECONNECTED });
  }

  private async tellHeld(): Promise<void> {
    await this.host.pumpDone();
    this.cutPump = null;
    if (this.heldError) this.host.emit(this.heldError);
    this.heldError = null;
  }

  /** After a reconnect: the cut song goes on as the same stream, from its next sample. */
  private async resumeStream(): Promise<void> {
    const cut = this.host.current();
    await this.host.pumpDone(); // its last chunks are out, so nextSample is final
    if (this.loop) return; // dropped again meanwhile: that reconnect resumes it
    this.cutPump = null;
    const held = this.heldError;
    if (!cut || cut !== this.host.current() || !held) return;
    this.heldError = null;
    try {
      this.host.resume(cut);
    } catch {
      this.host.emit(held);
    }
  }
}
