import { backoffDelayMs, type BackoffOptions } from './reconnectBackoff';

/**
 * Tries `attempt` after each backoff wait until it succeeds, the attempts run out, or
 * `cancel()`. `hurry()` cuts the current wait short (the machine woke up, for example).
 */
export class ReconnectLoop {
  private cancelled = false;
  private timer: NodeJS.Timeout | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly options: BackoffOptions,
    private readonly attempt: (attempt: number) => Promise<boolean>,
    /** Called before each wait, with the attempt (from 1) that follows it and the wait. */
    private readonly onWait: (attempt: number, delayMs: number) => void = () => {},
    private readonly random: () => number = Math.random,
  ) {}

  get isCancelled(): boolean {
    return this.cancelled;
  }

  /** True once an attempt succeeded; false when cancelled or out of attempts. */
  async run(): Promise<boolean> {
    for (let n = 0; n < this.options.maxAttempts; n++) {
      const delayMs = backoffDelayMs(n, this.options, this.random);
      this.onWait(n + 1, delayMs);
      await this.sleep(delayMs);
      if (this.cancelled) return false;
      if (await this.attempt(n + 1)) return !this.cancelled;
      if (this.cancelled) return false;
    }
    return false;
  }

  cancel(): void {
    this.cancelled = true;
    this.hurry();
  }

  hurry(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => this.hurry(), ms);
    });
  }
}
