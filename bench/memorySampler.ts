import type { ServerHandle } from './serverHandle';

/** Polls a server child's RSS while a measurement runs, keeping the peak. */
export class MemorySampler {
  peakRssBytes = 0;
  private timer: NodeJS.Timeout | null = null;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly server: ServerHandle) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.pending = this.server
        .usage(false, true)
        .then((usage) => void (this.peakRssBytes = Math.max(this.peakRssBytes, usage.rssBytes)))
        .catch(() => undefined);
    }, intervalMs);
  }

  async stop(): Promise<number> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.pending;
    return this.peakRssBytes;
  }
}
