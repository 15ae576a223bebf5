/**
 * A first-come, first-served limit on the song-file reads in flight across all connections.
 * Without it every stream's read sits in libuv's four-thread pool at once: thousands of
 * streams then turn each event-loop turn into thousands of completions (each a frame and a
 * write), and a new client's request waits behind all of them. With it the loop's work per
 * turn stays small, and streams beyond what the disk and CPU can serve wait their turn here,
 * holding no buffer, instead of in the thread pool.
 */
export class ReadGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly maxActive: number) {
    if (!(maxActive >= 1)) throw new RangeError(`maxActive must be at least 1, got ${maxActive}`);
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `read` once a slot is free, in arrival order; the slot is freed when it settles. */
  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.active >= this.maxActive) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active += 1;
    }
    try {
      return await read();
    } finally {
      // The slot passes straight to the next waiter, so a newcomer cannot jump the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }
}

/** Reads in flight per server: a few per libuv thread keeps the pool busy without a backlog. */
export const DEFAULT_MAX_ACTIVE_READS = 16;
