/**
 * Flow control for one stream. The renderer reports how many seconds it holds unplayed and how
 * many seconds of this stream it has received. A report is old news by the time it arrives:
 * chunks sent after the renderer wrote it were still in flight, so they count on top of it
 * (in flight = emitted − received). Reading stops at `maxSeconds` and resumes once the estimate
 * falls below `resumeBelowSeconds` (hysteresis keeps it from flapping).
 */
export class FlowGate {
  private reportedBuffered: number;
  private reportedReceived = 0;
  private emitted = 0;
  private closed = false;
  private waiters: Array<() => void> = [];

  /**
   * @param initialBufferedSeconds audio the renderer holds before this stream's first report,
   *   e.g. the rest of an ended stream that this one follows gaplessly
   */
  /** The same stream going on from a new source (a resume): its counts, with the bound back. */
  static continuing(previous: FlowGate): FlowGate {
    const gate = new FlowGate(previous.limit, previous.resumeBelowSeconds);
    gate.reportedBuffered = previous.reportedBuffered;
    gate.reportedReceived = previous.reportedReceived;
    gate.emitted = previous.emitted;
    gate.closed = gate.bufferedSeconds >= gate.maxSeconds;
    return gate;
  }

  private readonly limit: number;

  constructor(
    private maxSeconds: number,
    private readonly resumeBelowSeconds: number,
    initialBufferedSeconds = 0,
  ) {
    this.limit = maxSeconds;
    this.reportedBuffered = initialBufferedSeconds;
    this.closed = initialBufferedSeconds >= maxSeconds;
  }

  /**
   * The renderer's buffer plus what is on its way there: an upper bound, since the renderer's
   * buffer only grows by what it receives.
   */
  get bufferedSeconds(): number {
    return this.reportedBuffered + this.inFlightSeconds;
  }

  /** Emitted, but not yet received by the renderer when it last reported. */
  get inFlightSeconds(): number {
    return Math.max(0, this.emitted - this.reportedReceived);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  onEmitted(seconds: number): void {
    this.emitted += seconds;
    if (this.bufferedSeconds >= this.maxSeconds) this.closed = true;
  }

  /**
   * @param bufferedSeconds unplayed audio the renderer holds (of every stream queued)
   * @param receivedSeconds audio of this stream the renderer had received when it reported
   */
  onReport(bufferedSeconds: number, receivedSeconds: number): void {
    // One written before a report already applied (it has seen less of the stream): ignore it.
    if (receivedSeconds < this.reportedReceived) return;
    this.reportedBuffered = bufferedSeconds;
    this.reportedReceived = Math.min(receivedSeconds, this.emitted);
    const estimate = this.bufferedSeconds;
    if (estimate >= this.maxSeconds) this.closed = true;
    else if (this.closed && estimate < this.resumeBelowSeconds) this.open();
  }

  /** Resolves when reading may go on (at once when open). */
  whenOpen(): Promise<void> {
    if (!this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Opens for good, e.g. when the stream is cancelled and its reader must wake to quit. */
  release(): void {
    this.maxSeconds = Infinity;
    this.open();
  }

  private open(): void {
    this.closed = false;
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
