/** How many log lines a source may write at once, and how fast that allowance comes back. */
export interface LogBudget {
  /** Lines that may be written back to back. */
  burstLines: number;
  /** Lines per second the allowance refills at, up to `burstLines`. */
  linesPerSecond: number;
}

/** Per connection: a whole normal session fits in the burst; a flood costs one line a second. */
export const DEFAULT_LOG_BUDGET: LogBudget = { burstLines: 50, linesPerSecond: 1 };

/**
 * A token bucket over log lines, so a peer that sends a million requests cannot make the server
 * write a million lines. Lines over budget are counted, and the count is written in one summary
 * line before the next line that is let through, and at `close()`.
 */
export class LogLimiter {
  private tokens: number;
  private refilledAt: number;
  private suppressed = 0;
  private suppressedSince = 0;

  constructor(
    private readonly write: (line: string) => void,
    private readonly budget: LogBudget = DEFAULT_LOG_BUDGET,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = budget.burstLines;
    this.refilledAt = now();
  }

  /** Lines dropped since the last summary. */
  get suppressedLines(): number {
    return this.suppressed;
  }

  log(line: string): void {
    const at = this.now();
    this.tokens = Math.min(
      this.budget.burstLines,
      this.tokens + ((at - this.refilledAt) / 1000) * this.budget.linesPerSecond,
    );
    this.refilledAt = at;
    if (this.tokens < 1) {
      if (this.suppressed === 0) this.suppressedSince = at;
      this.suppressed += 1;
      return;
    }
    this.tokens -= 1;
    this.flushSummary(at);
    this.write(line);
  }

  /** Writes the count of dropped lines, if any; bypasses the budget (one line per call at most). */
  close(): void {
    this.flushSummary(this.now());
  }

  private flushSummary(at: number): void {
    if (this.suppressed === 0) return;
    const seconds = ((at - this.suppressedSince) / 1000).toFixed(1);
    this.write(`(${this.suppressed} more log lines suppressed over ${seconds} s)`);
    this.suppressed = 0;
  }
}
