import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice of synchronous scan work may hold the event loop (one more syscall aside). */
export const SLICE_MS = 4;

/**
 * Cuts synchronous work into slices of at most `budgetMs`: call `due()` after each step and, when
 * it says so, `await pause()`. Synchronous file calls are several times cheaper than their
 * promise forms (no thread-pool round trip, no promise per file), and the pauses let a streaming
 * server's timers and sockets run between slices, so no stream falls behind while 20,000 files
 * are walked.
 */
export class SliceClock {
  private sliceStart = performance.now();

  constructor(
    private readonly budgetMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.sliceStart = this.now();
  }

  /** Whether this slice has used its budget. */
  due(): boolean {
    return this.now() - this.sliceStart >= this.budgetMs;
  }

  /** Lets the event loop run (timers, sockets), then starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    this.sliceStart = this.now();
  }
}
