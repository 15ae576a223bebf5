/**
 * What the renderer's test-only audio hooks (src/renderer/src/audio/testHooks.ts) expose to the
 * e2e tests and the bench: plain data, no DOM types, so the Node side
 * (test/e2e/support/audioProbe.ts) imports these instead of keeping copies.
 */
export interface StreamTrace {
  sampleRate: number;
  /** Frames that entered the queue, and the FNV-1a checksum of all their samples. */
  frames: number;
  checksum: string;
  firstChunk: { frames: number; checksum: string };
  /** Context times of the stream's first sample and of the end of its last queued sample. */
  firstStart: number;
  lastEnd: number;
  /**
   * performance.now() when the first chunk entered the queue, and the context's clock the engine
   * placed it from.
   */
  firstQueuedAt: number;
  firstQueuedContextTime: number;
  /** How long the first chunk was held for its next one before it was queued (ms; 0: not held). */
  firstHeldMs: number;
  /**
   * The least lead the engine planned for any of its chunks: its start less the clock the engine
   * placed it from, read right before its start() (seconds).
   */
  leastLeadSeconds: number;
  /**
   * The same against the clock read just after start() (seconds): below 0, a chunk was started
   * at a time already past. It can read a burst of the output lower than the planned lead.
   */
  leastLeadAfterStartSeconds: number;
  /** Chunks that did not start where the previous one ended: underruns heard as gaps. */
  gaps: number;
}

/** Where the context's clock meets the page's, and what the output adds (the bench's probe). */
export interface OutputClock {
  /** getOutputTimestamp(): the sample leaving the output now, and when (performance.now()). */
  contextTime: number;
  performanceTime: number;
  currentTime: number;
  baseLatency: number;
  outputLatency: number;
}

export interface TidewaveTestHooks {
  streams(): Record<number, StreamTrace>;
  rms(): number;
  currentTime(): number;
  contextState(): string;
  contextSampleRate(): number;
  queuedSeconds(): number;
  liveSources(): number;
  bookkeeping(): Bookkeeping;
  outputClock(): OutputClock | null;
}

/** Sizes of the engine's per-stream records: bounded by the queue, not by what has played. */
export interface Bookkeeping {
  registry: number;
  timeline: number;
  /** This file's own per-stream traces: they grow by one a stream, by design. */
  traces: number;
}
