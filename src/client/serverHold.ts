import { clientMessages } from '../protocol';

/** How long the socket must stay held before the server is asked to pause (flow control). */
export const FLOW_PAUSE_AFTER_MS = 1_000;

/**
 * The client's half of the pause extension (PROTOCOL.md §17): tells a server that advertised
 * `pause` to hold the song while the listener pauses or the song's reader stays full, and to go
 * on once neither holds. A short flow-control hold (the reader full for a moment, as it is many
 * times a second at the 1x pace) sends nothing: only one that lasts `flowPauseAfterMs` does, so
 * the requests stay rare. With a server that did not advertise it, it never sends anything.
 */
export class ServerHold {
  private supported = false;
  private listenerPaused = false;
  private flowHeld = false;
  private flowTimer: NodeJS.Timeout | null = null;
  private flowLong = false;
  private sentPaused = false;
  /** The hold now in force began, or was joined, while the listener paused. */
  private listenerHold = false;

  constructor(
    private readonly send: (wire: Buffer) => void,
    private readonly flowPauseAfterMs = FLOW_PAUSE_AFTER_MS,
    /** Told whenever the server is asked to hold the current song, or to go on. */
    private readonly onHoldChange: (holding: boolean) => void = () => {},
  ) {}

  /**
   * The server holds the song for the listener's pause (not only for a full reader), from the
   * pause until the hold ends: a reader still full after the listener goes on keeps it a while.
   */
  get heldForListener(): boolean {
    return this.listenerHold;
  }

  /** From each list reply: whether the server named `pause` among its features. */
  setSupported(supported: boolean): void {
    this.supported = supported;
  }

  setListenerPaused(paused: boolean): void {
    this.listenerPaused = paused;
    this.update();
  }

  /** Called whenever the socket's flow control changes (held: the song's reader is full). */
  setFlowHeld(held: boolean): void {
    if (held === this.flowHeld) return;
    this.flowHeld = held;
    this.clearTimer();
    this.flowLong = false;
    if (held) {
      this.flowTimer = setTimeout(() => {
        this.flowTimer = null;
        this.flowLong = true;
        this.update();
      }, this.flowPauseAfterMs);
      this.flowTimer.unref();
    }
    this.update();
  }

  /** Call after writing a play: it starts unpaused at the server, whatever it was before (so a
   * still-paused listener's `pause` must follow the play, not precede it). */
  onPlaySent(): void {
    const wasHeld = this.sentPaused;
    this.sentPaused = false;
    this.listenerHold = false;
    if (wasHeld) this.onHoldChange(false);
    this.update();
  }

  dispose(): void {
    this.clearTimer();
  }

  private update(): void {
    if (!this.supported) return;
    const paused = this.listenerPaused || this.flowLong;
    const changed = paused !== this.sentPaused;
    this.sentPaused = paused;
    this.listenerHold = paused && (this.listenerPaused || this.listenerHold);
    if (!changed) return;
    this.send(paused ? clientMessages.pause() : clientMessages.resume());
    this.onHoldChange(paused);
  }

  private clearTimer(): void {
    if (this.flowTimer) clearTimeout(this.flowTimer);
    this.flowTimer = null;
  }
}
