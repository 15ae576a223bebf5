/**
 * Flow control for one stream. The renderer reports how many seconds it holds unplayed; between
 * reports, every second emitted counts as buffered. Reading stops at `maxSeconds` and resumes
 * once a report falls below `resumeBelowSeconds` (hysteresis keeps it from flapping).
 */
export class FlowGate {
  private reported: number;
  private emittedSinceReport = 0;
  private closed = false;
  private waiters: Array<() => void> = [];

  constructor(
    private maxSeconds: number,
    private readonly resumeBelowSeconds: number,
    initialBufferedSeconds = 0,
  ) {
    this.reported = initialBufferedSeconds;
    this.closed = initialBufferedSeconds >= maxSeconds;
  }

  /** The renderer's buffer as far as we know: its last report plus what was sent since. */
  get bufferedSeconds(): number {
    return this.reported + this.emittedSinceReport;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  onEmitted(seconds: number): void {
    this.emittedSinceReport += seconds;
    if (this.bufferedSeconds >= this.maxSeconds) this.closed = true;
  }

  onReport(bufferedSeconds: number): void {
    this.reported = bufferedSeconds;
    this.emittedSinceReport = 0;
    if (bufferedSeconds >= this.maxSeconds) this.closed = true;
    else if (this.closed && bufferedSeconds < this.resumeBelowSeconds) this.open();
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
