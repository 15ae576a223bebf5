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

/**
 * A lost connection, from the cut to the reconnect's outcome: reconnects with backoff, holds the
 * cut song's error meanwhile (it goes on after the reconnect, so the listener never sees it),
 * then resumes the song, or tells the held error when reconnecting fails or is refused.
 */
export class DropRecovery {
  private loop: ReconnectLoop | null = null;
  /** The stream the lost connection cut, until the reconnect's outcome is known. */
  private cutPump: StreamPump | null = null;
  /** The error of a song cut by a lost connection, told only if reconnecting fails. */
  private heldError: StreamEvent | null = null;

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
      if (reconnected) return this.resumeStream();
      this.host.giveUp();
      await this.tellHeld();
    });
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

  /** Refused while reconnecting (the access code): stop, and tell the cut song's error. */
  async end(): Promise<void> {
    this.cancel();
    await this.tellHeld();
  }

  /** True if `event` of `pump` is held: an error of the cut stream, which may yet go on. */
  holds(pump: StreamPump, event: StreamEvent): boolean {
    const cut = this.loop !== null || pump === this.cutPump;
    if (event.kind !== 'error' || pump !== this.host.current() || !cut) return false;
    this.heldError = event;
    return true;
  }

  /** The current stream was replaced or stopped: its held error means nothing any more. */
  forget(): void {
    this.heldError = null;
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
