/**
 * The pause extension's switch for one connection (PROTOCOL.md §17): while it is on, the stream
 * writes nothing more, so what waits ahead of a later stop reply is what was sent before the
 * pause, however long the pause lasts.
 */
export class StreamHold {
  private resumeWaiters: Array<() => void> = [];
  private pausedAt: number | null = null;

  constructor(private readonly now: () => number = () => performance.now()) {}

  get paused(): boolean {
    return this.pausedAt !== null;
  }

  pause(): void {
    this.pausedAt ??= this.now();
  }

  resume(): void {
    this.pausedAt = null;
    const waiters = this.resumeWaiters;
    this.resumeWaiters = [];
    for (const wake of waiters) wake();
  }

  /**
   * Resolves once not paused (at once if it is not), with the milliseconds it waited; rejects
   * with the signal's reason when aborted first, like the other waits of a stream.
   */
  async whilePaused(signal: AbortSignal): Promise<number> {
    if (!this.paused) return 0;
    const started = this.now();
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        this.resumeWaiters = this.resumeWaiters.filter((wake) => wake !== done);
        reject(signal.reason);
      };
      const done = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      this.resumeWaiters.push(done);
    });
    return this.now() - started;
  }
}
