/** Runs what is sent after a random delay in `range`, in the order it was sent. */
export class DelayedChannel {
  private readonly queue: Array<{ at: number; action: () => void }> = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly range: readonly [number, number],
    private readonly random: () => number,
  ) {}

  send(action: () => void): void {
    if (this.closed) return;
    const [min, max] = this.range;
    const at = performance.now() + min + this.random() * (max - min);
    this.queue.push({ at: Math.max(at, this.queue.at(-1)?.at ?? 0), action });
    this.schedule();
  }

  close(): void {
    this.closed = true;
    this.queue.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const head = this.queue[0];
    if (this.timer || !head) return;
    this.timer = setTimeout(() => this.run(), Math.max(0, head.at - performance.now()));
  }

  private run(): void {
    this.timer = null;
    const now = performance.now();
    while (!this.closed && this.queue.length > 0 && this.queue[0].at <= now) {
      this.queue.shift()?.action();
    }
    this.schedule();
  }
}
